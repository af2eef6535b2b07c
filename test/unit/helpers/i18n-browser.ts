import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lookupIn, messages } from './t';

/** Gives WXT's fake browser the English words, so components render what a person reads. */
export function englishBrowser(): void {
  (fakeBrowser as unknown as { i18n: unknown }).i18n = {
    getMessage: (key: string, subs: string[] = []) => lookupIn(messages)(key, subs.map(String)),
    getUILanguage: () => 'en-US',
  };
}
