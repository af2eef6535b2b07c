import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/**
 * The one entry point for the words on screen. They live in public/_locales/<lang>/messages.json
 * (the WebExtension format); in this code each one is a text with a key, because "message"
 * here means runtime messaging only (lib/messaging/).
 *
 * Touches the browser: `t` reads browser.i18n. Pure modules take a `Translate` as a parameter,
 * or return `Phrase`s for the UI to translate; tests pass a table (test/unit/helpers/t.ts), and
 * both go through `translator`, so plural forms and numbers work the same in both.
 */

/** Every key in the English file; a typo is a type error. */
export type TextKey = keyof typeof en & string;

/**
 * A quantity in a text (a number of incidents, minutes, milliseconds…): written as the reader's
 * language writes numbers, and it chooses the text's plural form. Codes and ids (502, a port)
 * are not quantities: pass them as strings.
 */
export interface Count {
  count: number;
}

/** A quantity for a text (see Count). */
export function count(n: number): Count {
  return { count: n };
}

/** A value for $1, $2…: a name or code as it is, or a quantity. Rendered as text, never as HTML. */
type Sub = string | Count;

/** A text to show later: pure modules return these, the UI translates them. */
export interface Phrase {
  key: TextKey;
  subs?: Sub[];
}

/** Gives the text for a key: `t` in the extension, a table in tests. */
export type Translate = (key: TextKey, ...subs: Sub[]) => string;

/** Looks a text up by key, filling $1…$9; '' when there is none (browser.i18n.getMessage's contract). */
export type Lookup = (key: string, subs: string[]) => string;

/** @internal The CLDR plural categories a text may have a form for, besides the plain key ("other"); the locale convention tests read it. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many'] as const;

/**
 * A Translate over a lookup, in a language (a BCP 47 tag). A text with a quantity is looked up as
 * `<key>__<category>` first, the category being what Intl.PluralRules says for the first quantity
 * (`popup_imported__one` for 1 in English), then as `<key>`. A missing text shows its key rather
 * than nothing, so the gap is seen.
 * @internal Exported for tests, which translate from the message files directly.
 */
export function translator(lookup: Lookup, language: string): Translate {
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  return (key, ...subs) => {
    const values = subs.map((s) => (typeof s === 'string' ? s : numbers.format(s.count)));
    const first = subs.find((s): s is Count => typeof s !== 'string');
    const category = first ? plurals.select(first.count) : 'other';
    return (category !== 'other' && lookup(`${key}__${category}`, values)) || lookup(key, values) || key;
  };
}

// WXT types getMessage per literal key; our keys are checked by TextKey instead.
const getMessage: Lookup = (key, subs) =>
  (browser.i18n.getMessage as (key: string, subs: string[]) => string)(key, subs);

/** The primary language subtag: `pt` for `pt-BR`. */
const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The language the words on screen are in, as a BCP 47 tag: the browser's UI language when our
 * words are in it (so `de-AT` keeps its own dates and numbers), else the language of the message
 * file the browser chose (`locale_tag`). The two differ when we have no file for the UI language
 * (English words then), and on Linux when Chromium has no resource pack for its `--lang`:
 * getMessage follows `--lang`, getUILanguage stays `en-US` (README "Languages").
 */
export function uiLanguage(lookup: Lookup = getMessage, browserLanguage = browser.i18n.getUILanguage()): string {
  const words = lookup('locale_tag', []) || 'en';
  return primary(browserLanguage) === primary(words) ? browserLanguage : words;
}

/** @internal Exported for tests. The reading direction of the words on screen, from their message file (not @@bidi_dir, which follows the browser's own resources). */
export function uiDirection(lookup: Lookup = getMessage): 'ltr' | 'rtl' {
  return lookup('locale_dir', []) === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Marks an element as holding our words: `lang` and `dir` from the UI language, so that screen
 * readers pronounce them and the layout mirrors for a right-to-left language. Set on each page's
 * root element and on the overlay's shadow host.
 */
export function markLanguage(element: HTMLElement): void {
  element.lang = uiLanguage();
  element.dir = uiDirection();
}

let browserTranslate: Translate | undefined;

/** The text for a key in the browser's language (English when there is no translation). */
export const t: Translate = (key, ...subs) => {
  browserTranslate ??= translator(getMessage, uiLanguage());
  return browserTranslate(key, ...subs);
};

/** The text of a Phrase. */
export function phraseText(translate: Translate, phrase: Phrase): string {
  return translate(phrase.key, ...(phrase.subs ?? []));
}
