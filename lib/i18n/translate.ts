import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/**
 * The one entry point for the words on screen. They live in public/_locales/<lang>/messages.json
 * (the WebExtension format); in this code each one is a text with a key, because "message"
 * here means runtime messaging only (lib/messaging/).
 *
 * Touches the browser: `t` reads browser.i18n. Pure modules take a `Translate` as a parameter,
 * or return `Phrase`s for the UI to translate; tests pass a table (test/unit/helpers/t.ts).
 */

/** Every key in the English file; a typo is a type error. */
export type TextKey = keyof typeof en & string;

/** A text to show later: pure modules return these, the UI translates them. */
export interface Phrase {
  key: TextKey;
  /** Values for $1, $2…: numbers and names. Rendered as text, never as HTML. */
  subs?: string[];
}

/** Gives the text for a key: `t` in the extension, a table in tests. */
export type Translate = (key: TextKey, ...subs: (string | number)[]) => string;

// WXT types getMessage per literal key; our keys are checked by TextKey instead.
const getMessage = (key: string, subs: string[]): string =>
  (browser.i18n.getMessage as (key: string, subs: string[]) => string)(key, subs);

/**
 * The text for a key in the browser's language (English when there is no translation). A
 * missing text shows its key rather than nothing, so the gap is seen.
 */
export const t: Translate = (key, ...subs) => getMessage(key, subs.map(String)) || key;

/** The text of a Phrase. */
export function phraseText(translate: Translate, phrase: Phrase): string {
  return translate(phrase.key, ...(phrase.subs ?? []));
}
