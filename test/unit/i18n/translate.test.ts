import { describe, expect, it } from 'vitest';
import { count, translator, uiDirection, uiLanguage } from '@/lib/i18n/translate';
import { translations } from '../helpers/locales';
import { lookupIn, messages } from '../helpers/t';

const inLanguage = (folder: string, tag: string) => translator(lookupIn(translations[folder] ?? {}), tag);

describe('plural forms and numbers', () => {
  const en = translator(lookupIn(messages), 'en');

  it('chooses English’s one-form for 1 and the plain text otherwise', () => {
    expect(en('popup_imported', count(1), 'a.json')).toBe('Imported 1 incident, labelled “a.json”.');
    expect(en('popup_imported', count(0), 'a.json')).toBe('Imported 0 incidents, labelled “a.json”.');
    expect(en('popup_imported', count(1234), 'a.json')).toBe('Imported 1,234 incidents, labelled “a.json”.');
  });

  it('writes numbers as the language does, and codes as they are', () => {
    const de = inLanguage('de', 'de');
    expect(de('popup_imported', count(1234), 'a.json')).toBe('1.234 Vorfälle importiert, markiert als „a.json“.');
    expect(de('popup_imported', count(1), 'a.json')).toBe('1 Vorfall importiert, markiert als „a.json“.');
    expect(de('ui_explain_title', '5023')).toContain('5023');
  });

  it('uses all six of Arabic’s forms, each chosen by Intl.PluralRules', () => {
    const ar = inLanguage('ar', 'ar');
    const imported = (n: number) => ar('popup_imported', count(n), 'x');
    expect(imported(0)).toBe(translations.ar?.popup_imported__zero?.message.replace('$2', 'x'));
    expect(imported(1)).toBe(translations.ar?.popup_imported__one?.message.replace('$2', 'x'));
    expect(imported(2)).toBe(translations.ar?.popup_imported__two?.message.replace('$2', 'x'));
    expect(imported(3)).toContain('حوادث');
    // No many-form for this text: the plain one serves.
    expect(imported(11)).toBe(translations.ar?.popup_imported?.message.replace('$1', '11').replace('$2', 'x'));
  });

  it('has one form in Japanese, and French counts 0 as one', () => {
    expect(inLanguage('ja', 'ja')('popup_imported', count(1), 'x')).toContain('1件');
    expect(inLanguage('fr', 'fr')('popup_imported', count(0), 'x')).toMatch(/^0 incident importé, étiqueté/);
  });

  it('shows a missing text’s key, so the gap is seen', () => {
    expect(en('no_such_key' as never)).toBe('no_such_key');
  });
});

describe('the UI language', () => {
  const de = lookupIn(translations.de ?? {});

  it('is the browser’s when our words are in it, keeping its region', () => {
    expect(uiLanguage(de, 'de-AT')).toBe('de-AT');
  });

  it('is the words’ when the browser says otherwise (Chromium on Linux without its language pack)', () => {
    expect(uiLanguage(de, 'en-US')).toBe('de');
    expect(uiLanguage(lookupIn(messages), 'it-IT')).toBe('en');
  });

  it('reads right to left only where the message file says so', () => {
    expect(uiDirection(lookupIn(translations.ar ?? {}))).toBe('rtl');
    expect(uiDirection(de)).toBe('ltr');
    expect(uiDirection(() => '')).toBe('ltr');
  });
});
