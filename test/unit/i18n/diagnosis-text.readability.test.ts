import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { CAUSES, UNKNOWN_CAUSE } from '@/lib/diagnosis/tables/causes';
import { CODE_MEANINGS } from '@/lib/diagnosis/tables/codes';
import { NETWORK_ADVICE } from '@/lib/diagnosis/tables/network-advice';
import { NETWORK_ERRORS } from '@/lib/diagnosis/tables/network-errors';
import { networkKey } from '@/lib/i18n/failure-text';
import { causeKey, causeTitleKey } from '@/lib/i18n/keys';
import { fillMessage, messages } from '../helpers/t';

/** Flesch–Kincaid grade of a text: the package takes counts, so we count. */
function grade(text: string): number {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const sentence = Math.max(1, text.split(/[.!?]+(?=\s|$)/).filter((s) => /[\p{L}\p{N}]/u.test(s)).length);
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w.replace(/[^\p{L}\p{N}’'-]/gu, ''))), 0);
  return fleschKincaid({ sentence, word: words.length, syllable: syllables });
}

// Causes put a wait into their visitor text ($2); score them with the longest one we write.
const text = (key: string) =>
  fillMessage(messages[key]?.message ?? `missing message ${key}`, ['the site', 'in about 30 minutes']);

/** Every message a visitor reads: code titles and meanings, causes, and the card's own words. */
const visitorKeys = [
  ...[...CODE_MEANINGS.map((m) => `code_${m.code}`), 'code_other'].flatMap((id) => [`${id}_title`, `${id}_visitor`]),
  ...[...CAUSES, UNKNOWN_CAUSE].map((c) => `${causeKey(c.id)}_visitor`),
  ...CAUSES.flatMap((c) => causeTitleKey(c.id) ?? []),
  // Sentences only: a grade formula says nothing of a two-word label ("Delivery network").
  ...['high', 'medium', 'low'].map((level) => `ui_confidence_${level}`),
  ...NETWORK_ERRORS.flatMap((row) => [`${networkKey(row.id)}_title`, `${networkKey(row.id)}_visitor`]),
  ...[...new Set(Object.values(NETWORK_ADVICE).flatMap((a) => a.causes))].map((id) => `${causeKey(id)}_visitor`),
  'ui_offline_title',
  'ui_offline_text',
  ...Object.keys(messages).filter((key) => key.startsWith('ui_visitor_')),
];

describe('plain language: every visitor-facing message reads at grade 8 or below', () => {
  it.each(visitorKeys)('%s', (key) => {
    const g = grade(text(key));
    expect(g, `grade ${g.toFixed(1)}: “${text(key)}”`).toBeLessThanOrEqual(8);
  });

  it('scores hard text as hard, so that the test can fail', () => {
    const legalese =
      'Notwithstanding the aforementioned considerations, intermediary infrastructure components may occasionally encounter indeterminate conditions.';
    expect(grade(legalese)).toBeGreaterThan(8);
  });
});
