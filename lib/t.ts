import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n/translate';

// WXT types getMessage per literal key; our keys are checked by MessageKey instead.
const getMessage = (key: string, subs: string[]): string =>
  (browser.i18n.getMessage as (key: string, subs: string[]) => string)(key, subs);

/**
 * The text of a message in the browser's language, from public/_locales (English when there
 * is no translation). A missing message shows its id rather than nothing, so the gap is seen.
 */
export const t: Translate = (key, ...subs) => getMessage(key, subs.map(String)) || key;
