import { describe, expect, it } from 'vitest';
import { waitPhrase } from '@/lib/i18n/diagnosis-text';
import { phraseText } from '@/lib/i18n/translate';
import { t } from '../helpers/t';

describe('waitPhrase', () => {
  it.each([
    [0, 'any moment now'],
    [5, 'in a few seconds'],
    [60, 'in about a minute'],
    [600, 'in about 10 minutes'],
    [2700, 'in about 45 minutes'],
    [3600, 'in about an hour'],
    [3 * 3600, 'in about 3 hours'],
    [3 * 86400, 'in about 3 days'],
  ])('%i s → %s', (seconds, phrase) => {
    expect(phraseText(t, waitPhrase(seconds))).toBe(phrase);
  });
});
