import { render } from 'preact';
import '@/components/i18n/languages.css';
import { browser } from 'wxt/browser';
import { OptionsForm } from '@/components/options/options-form';
import { markLanguage, t } from '@/lib/i18n/translate';
import { dropOtherNetworksPermission, requestOtherNetworksPermission } from '@/lib/platform/other-networks-permission';
import { loadSettings, saveSettings } from '@/lib/settings';
import { loadSiteOf } from '@/lib/site/psl-browser';

markLanguage(document.documentElement);
document.title = t('options_title');
void Promise.all([loadSettings(browser.storage.local), loadSiteOf()]).then(([settings, siteOf]) =>
  render(
    <OptionsForm
      settings={settings}
      siteOf={siteOf}
      save={(patch) => saveSettings(browser.storage.local, patch)}
      permission={{ request: requestOtherNetworksPermission, drop: dropOtherNetworksPermission }}
    />,
    document.getElementById('app') as HTMLElement,
  ),
);
