import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExplanationCard } from '@/components/card/explanation-card';
import type { ReloadWhenBack } from '@/components/card/use-reload-when-back';
import { CODE_MEANINGS } from '@/lib/diagnosis/tables/codes';
import { NETWORK_ERRORS } from '@/lib/diagnosis/tables/network-errors';
import type { Incident } from '@/lib/log/model';
import type { ReloadState } from '@/lib/owner-tools/reload-when-back';
import { FIXTURES } from '../../../fixtures/responses/index';
import { englishBrowser } from '../../helpers/i18n-browser';
import { claimedFixture, makeIncident, makeNetworkIncident } from '../../helpers/incidents';

beforeEach(englishBrowser);
afterEach(cleanup);

/** The most words the card may say above its buttons: a headline, a lead, the hops, one next step. */
const WORD_BUDGET = 45;

/** Words as a person counts them: anything with a letter or a digit ("502" is one, "·" and "→" are none). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** The card's text above its buttons, each element's own text on its own line. */
function aboveButtons(card: Element): string {
  const lines: string[] = [];
  for (const child of card.children) {
    if (child.classList.contains('x5-actions')) break;
    // The header's × and – are symbols with labels for screen readers, not words on screen.
    const copy = child.cloneNode(true) as Element;
    for (const icon of copy.querySelectorAll('.x5-icon')) icon.remove();
    for (const part of copy.querySelectorAll('li, span, p, h1, h2')) part.append(' ');
    lines.push(copy.textContent ?? '');
  }
  return lines.join('\n');
}

/** The sentences a person sees on the card (closed sections are not seen), one per text block. */
function sentences(card: Element): string[] {
  const copy = card.cloneNode(true) as Element;
  for (const closed of copy.querySelectorAll('details:not([open])')) closed.remove();
  return [...copy.querySelectorAll('p, h1, h2, li')]
    .filter((el) => el.children.length === 0 || el.matches('p'))
    .flatMap((el) => (el.textContent ?? '').split(/(?<=[.!?])\s+/))
    .map((s) => s.trim().toLowerCase())
    .filter((s) => words(s).length > 2);
}

const waiting: ReloadWhenBack = {
  state: { phase: 'waiting', seconds: 42, attempt: 0 } satisfies ReloadState,
  start: () => {},
  stop: () => {},
};

/** How each failure is shown: as it comes, while the card waits for the site, and after a form. */
const VARIANTS = [
  ['as it comes', (i: Incident) => i, undefined],
  ['while waiting for the site', (i: Incident) => i, waiting],
  ['after a form', (i: Incident) => ({ ...i, method: 'POST' }), undefined],
] as const;

const CASES: [string, Incident][] = [
  ...CODE_MEANINGS.map((m): [string, Incident] => [
    `code ${m.code}`,
    makeIncident({ status: m.code, headers: {}, statusLine: `HTTP/1.1 ${m.code}` }),
  ]),
  ['an unknown code (599)', makeIncident({ status: 599, headers: {}, statusLine: 'HTTP/1.1 599' })],
  ...FIXTURES.map((f): [string, Incident] => [f.file, claimedFixture(f)]),
  ...NETWORK_ERRORS.map((row): [string, Incident] => [
    `network error ${row.id}`,
    makeNetworkIncident(`net::${row.chromium[0] ?? 'ERR_FAILED'}`, {}, 'https://shop.example.com/'),
  ]),
];

function drawn(incident: Incident, reload?: ReloadWhenBack): Element {
  const { container } = render(
    <ExplanationCard incident={incident} logState="saved" onRetry={() => {}} onBack={() => {}} reload={reload} />,
  );
  const card = container.querySelector('.x5-card');
  if (!card) throw new Error('no card');
  return card;
}

describe.each(CASES)('the card for %s', (_name, base) => {
  it.each(VARIANTS)(
    `says at most ${WORD_BUDGET} words above its buttons, no sentence twice (%s)`,
    (_v, make, reload) => {
      const card = drawn(make(base), reload);
      const above = aboveButtons(card);
      expect(words(above).length, above).toBeLessThanOrEqual(WORD_BUDGET);
      const seen = sentences(card);
      expect(
        seen.filter((s, i) => seen.indexOf(s) !== i),
        seen.join(' | '),
      ).toEqual([]);
      // One lead sentence and one next step.
      for (const one of ['.x5-lead', '.x5-step']) {
        const text = card.querySelector(one)?.textContent ?? '';
        expect(text.split(/(?<=[.!?])\s+(?=\p{Lu})/u), text).toHaveLength(1);
      }
    },
  );

  it('labels every hop in a visitor’s words, never with its own type again, and gives each a state', () => {
    const card = drawn(base);
    for (const hop of card.querySelectorAll('.x5-hop')) {
      const name = hop.querySelector('.x5-hop-name')?.textContent?.toLowerCase() ?? '';
      const product = hop.querySelector('.x5-hop-product')?.textContent?.toLowerCase() ?? '';
      expect(name).not.toBe('');
      if (product) expect(name.includes(product) || product.includes(name), `${name} / ${product}`).toBe(false);
      expect(hop.querySelector('.x5-hop-state')?.textContent).toMatch(
        /^(Working|Problem here|Probably here|Not reached|Planned maintenance)$/,
      );
      // What no one saw is never drawn as the boldest box.
      if (hop.classList.contains('x5-hop-implied')) expect(hop.classList.contains('x5-hop-failed')).toBe(false);
    }
  });
});

describe('the word count itself', () => {
  it('counts a long card as too long, so that the budget can fail', () => {
    const long = makeIncident();
    const card = drawn(long);
    const lead = card.querySelector('.x5-lead') as Element;
    lead.textContent = 'word '.repeat(40);
    expect(words(aboveButtons(card)).length).toBeGreaterThan(WORD_BUDGET);
  });

  it('finds a sentence said twice', () => {
    const card = drawn(makeIncident());
    (card.querySelector('.x5-step') as Element).textContent = card.querySelector('.x5-lead')?.textContent ?? '';
    const seen = sentences(card);
    expect(seen.filter((s, i) => seen.indexOf(s) !== i)).toHaveLength(1);
  });
});
