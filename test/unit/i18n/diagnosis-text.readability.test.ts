import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { fillMessage, messages } from '../helpers/t';
import { visitorKeys } from '../helpers/visitor-keys';

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
