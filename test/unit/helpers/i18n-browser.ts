import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from './t';

/** Gives WXT's fake browser the English words, so components render what a person reads. */
export function englishBrowser(): void {
  (fakeBrowser as unknown as { i18n: unknown }).i18n = {
    getMessage: (key: string, subs: string[] = []) => t(key as never, ...subs),
  };
}
