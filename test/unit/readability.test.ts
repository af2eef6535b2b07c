import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { CAUSES, UNKNOWN_CAUSE } from '../../lib/causes';
import { CODE_MEANINGS, codeMeaning } from '../../lib/codes';

/** Flesch–Kincaid grade of a text: the package takes counts, so we count. */
function grade(text: string): number {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const sentence = Math.max(1, text.split(/[.!?]+(?=\s|$)/).filter((s) => /[\p{L}\p{N}]/u.test(s)).length);
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w.replace(/[^\p{L}\p{N}’'-]/gu, ''))), 0);
  return fleschKincaid({ sentence, word: words.length, syllable: syllables });
}

// Causes put a wait into their visitor text; score them with the longest one we write.
const fill = (text: string) => text.replaceAll('{wait}', 'in about 30 minutes');

const unknownCode = codeMeaning(599);
const visitorTexts: [string, string][] = [
  ...CODE_MEANINGS.flatMap((m): [string, string][] => [
    [`code ${m.code} title`, m.title],
    [`code ${m.code} visitor`, m.visitor],
  ]),
  ['unknown code title', unknownCode.title],
  ['unknown code visitor', unknownCode.visitor],
  ...CAUSES.map((c): [string, string] => [`cause ${c.id}`, fill(c.visitor)]),
  ['fallback cause', UNKNOWN_CAUSE.visitor],
];

describe('plain language: every visitor-facing string reads at grade 8 or below', () => {
  it.each(visitorTexts)('%s', (_name, text) => {
    const g = grade(text);
    expect(g, `grade ${g.toFixed(1)}: “${text}”`).toBeLessThanOrEqual(8);
  });

  it('scores hard text as hard, so that the test can fail', () => {
    const legalese =
      'Notwithstanding the aforementioned considerations, intermediary infrastructure components may occasionally encounter indeterminate conditions.';
    expect(grade(legalese)).toBeGreaterThan(8);
  });
});
