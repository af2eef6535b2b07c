import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/translate';
import type { Settings } from '@/lib/settings';
import { LogSection } from './log-section';
import { OtherNetworksSection, type Permission } from './other-networks-section';
import { QuietSitesSection } from './quiet-sites-section';
import { ShowSection } from './show-section';
import { StatusPagesSection } from './status-pages-section';

export interface Props {
  settings: Settings;
  /** Saves a change; resolves with the settings as stored. */
  save: (patch: Partial<Settings>) => Promise<Settings>;
  /** The site of a URL, with the Public Suffix List (lib/site/). */
  siteOf: (url: string) => string;
  /** The host permission "Check from other networks" needs. */
  permission: Permission;
}

/** The options page: what to explain, where, and how long the log keeps things. Saves as you go. */
export function OptionsForm({ settings: initial, save, siteOf, permission }: Props) {
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(false);
  const apply = async (patch: Partial<Settings>) => {
    setSettings(await save(patch));
    setSaved(true);
  };
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <ShowSection settings={settings} apply={apply} />
      <QuietSitesSection settings={settings} apply={apply} siteOf={siteOf} />
      <StatusPagesSection settings={settings} apply={apply} siteOf={siteOf} />
      <OtherNetworksSection settings={settings} apply={apply} permission={permission} />
      <LogSection settings={settings} apply={apply} />
      <p role="status" class="saved">
        {saved ? t('options_saved') : ''}
      </p>
    </main>
  );
}
