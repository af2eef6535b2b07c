import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/translate';
import type { SectionProps } from './section';

/** Asking for, and giving back, the API's host permission. */
export interface Permission {
  request: () => Promise<boolean>;
  drop: () => Promise<unknown>;
}

export interface Props extends SectionProps {
  permission: Permission;
}

/**
 * "Check from other networks" (Globalping): off until the person turns it on here or on first
 * use, what it sends and where, and whether the page's path goes too. Turning it on asks for
 * the API's host permission; turning it off gives it back.
 */
export function OtherNetworksSection({ settings, apply, permission }: Props) {
  const [denied, setDenied] = useState(false);
  const toggle = async (on: boolean) => {
    setDenied(false);
    if (!on) {
      await apply({ otherNetworks: false });
      await permission.drop();
      return;
    }
    // Asked first, while the click still counts as the person's.
    if (await permission.request()) await apply({ otherNetworks: true });
    else setDenied(true);
  };
  return (
    <section id="other-networks" aria-labelledby="opt-networks">
      <h2 id="opt-networks">{t('options_net_heading')}</h2>
      <p class="hint">{t('options_net_body')}</p>
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings.otherNetworks}
          onChange={(e) => void toggle((e.target as HTMLInputElement).checked)}
        />
        {t('options_net_enable')}
      </label>
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings.otherNetworksPath}
          onChange={(e) => void apply({ otherNetworksPath: (e.target as HTMLInputElement).checked })}
        />
        {t('options_net_path')}
      </label>
      {denied && <p role="alert">{t('options_net_denied')}</p>}
    </section>
  );
}
