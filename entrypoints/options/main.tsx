import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '@/components/options/options-form';
import { t } from '@/lib/i18n/translate';
import { loadSettings, saveSettings } from '@/lib/settings';

document.title = t('options_title');
void loadSettings(browser.storage.local).then((settings) =>
  render(
    <OptionsForm settings={settings} save={(patch) => saveSettings(browser.storage.local, patch)} />,
    document.getElementById('app') as HTMLElement,
  ),
);
