import { describe, expect, it } from 'vitest';
import { categoriesOf, placeholders, pluralForm, tagOf, translations } from '../helpers/locales';
import { messages } from '../helpers/t';
import { visitorKeys } from '../helpers/visitor-keys';

/**
 * Conventions every message file keeps (issue 15). English is the source: public/_locales/en.
 * Plural forms are extra keys `<key>__<category>` (CLDR categories), chosen by lib/i18n/translate.ts.
 */

const english = Object.keys(messages);
const locales = Object.entries(translations);

/** Names and codes every language writes as English does. */
const NAMES = new Set(['5xx', 'Explainer', 'UTC', 'ms', 'min', 'h', 'ltr']);
/** Words a language spells as English does (checked by its translator), per locale. */
const SAME_WORD: Readonly<Record<string, readonly string[]>> = {
  de: ['Status', 'Server', 'offline', 'Browser', 'Code'],
  fr: ['Code', 'Page', 'page', 'Site'],
  es: ['Error', 'Asia'],
  pt_BR: ['Status', 'Site', 'Oceania'],
};

const wordsOf = (text: string) =>
  text.replace(/\$[1-9$]/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}’'._-]*/gu) ?? ([] as string[]);

/** How long a text is: words, or for Japanese (no spaces), letters and digits. */
function length(text: string, folder: string): number {
  return folder === 'ja'
    ? [...text.replace(/\$[1-9]/g, 'X').replace(/[\s\p{P}\p{S}]/gu, '')].length
    : wordsOf(text).length;
}

/**
 * The word budget of a visitor's sentence: English plus 30 %, plus 3 words for the short ones
 * (German's "Sie" form alone adds two). Japanese is counted in characters: our Japanese runs a
 * median 2.8 characters per English word, so 3.5 per word plus 8.
 */
function budget(englishText: string, folder: string): number {
  const words = wordsOf(englishText).length;
  return folder === 'ja' ? Math.ceil(words * 3.5) + 8 : Math.ceil(words * 1.3) + 3;
}

describe.each(locales)('the %s message file', (folder, file) => {
  const categories = categoriesOf(tagOf(folder));

  it('has every English text, and a plural form wherever English has one its language uses', () => {
    // A form this language asks for but lacks would be taken from English by the browser.
    const needed = english.filter((key) => {
      const form = pluralForm(key);
      return !form || categories.includes(form[1]);
    });
    expect(needed.filter((key) => !(key in file))).toEqual([]);
  });

  it('has no text English lacks, and plural forms only of its own language’s categories', () => {
    const extra = Object.keys(file).filter((key) => {
      if (key in messages) return false;
      const form = pluralForm(key);
      return !form || !(form[0] in messages) || !categories.includes(form[1]);
    });
    expect(extra).toEqual([]);
  });

  it('keeps every placeholder; a plural form may leave its count out', () => {
    const wrong = Object.entries(file).filter(([key, { message }]) => {
      const form = pluralForm(key);
      const source = messages[form ? form[0] : key]?.message ?? '';
      const want = placeholders(source);
      const have = placeholders(message);
      if (!form) return want.join() !== have.join();
      return have.some((p) => have.filter((q) => q === p).length > want.filter((q) => q === p).length);
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('has plural forms only for texts with a count', () => {
    const bases = new Set(Object.keys(file).flatMap((key) => pluralForm(key)?.[0] ?? []));
    const uncounted = [...bases].filter((key) => !/number of/i.test(messages[key]?.description ?? ''));
    expect(uncounted).toEqual([]);
  });

  it('leaves nothing in English but names, codes and words the language shares', () => {
    const allowed = new Set([...NAMES, ...(SAME_WORD[folder] ?? [])]);
    const english = Object.entries(file).filter(([key, { message }]) => {
      const source = messages[key]?.message;
      return message === source && wordsOf(message).some((w) => !allowed.has(w) && !/\d/.test(w));
    });
    expect(english.map(([key, { message }]) => `${key}: ${message}`)).toEqual([]);
  });

  it('says which language it is and which way it reads', () => {
    expect(file.locale_tag?.message).toBe(tagOf(folder));
    const direction = (new Intl.Locale(tagOf(folder)) as unknown as { textInfo: { direction: string } }).textInfo
      .direction;
    expect(file.locale_dir?.message).toBe(direction);
  });

  it.each(visitorKeys)('keeps %s within its word budget', (key) => {
    const text = file[key]?.message ?? '';
    const source = messages[key]?.message ?? '';
    expect(length(text, folder), `“${text}” for “${source}”`).toBeLessThanOrEqual(budget(source, folder));
  });
});

describe('the conventions themselves', () => {
  it('find a text left in English, a lost placeholder and a sentence over budget', () => {
    const source = messages.ui_visitor_step_wait?.message ?? '';
    expect(budget(source, 'de')).toBeLessThan(length(`${source} ${source}`, 'de'));
    expect(placeholders('Error $1 · $2')).toEqual(['$1', '$2']);
    expect(wordsOf('Try again later.').some((w) => !NAMES.has(w))).toBe(true);
  });

  it('know that Arabic has six plural categories and Japanese one', () => {
    expect(categoriesOf('ar')).toEqual(['few', 'many', 'one', 'two', 'zero']);
    expect(categoriesOf('ja')).toEqual([]);
  });

  it('cover at least six languages besides English, one of them right-to-left', () => {
    expect(locales.length).toBeGreaterThanOrEqual(6);
    expect(locales.some(([, file]) => file.locale_dir?.message === 'rtl')).toBe(true);
  });
});
