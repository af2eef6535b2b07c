import { describe, expect, it } from 'vitest';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { cardSummary, hopStates, waitPhrase } from '@/lib/i18n/diagnosis-text';
import { phraseText } from '@/lib/i18n/translate';
import { FIXTURES, NOW } from '../../fixtures/responses/index';
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

describe('the card’s title and lead', () => {
  // Words that belong to one story only: beside any other cause they would contradict it.
  const STORIES: [RegExp, string[]][] = [
    [/worked on|maintenance|planned work|closed for/i, ['maintenance']],
    // "May be down or too busy" (Cloudflare's 522) is a guess, not a claim.
    [/(?<!or )too busy/i, ['overloaded']],
    [/your network/i, ['network-proxy-dns', 'network-proxy-unreachable']],
    [/took too long|too slow|gave up waiting/i, ['upstream-timeout', 'cf-origin-slow', 'vercel-function-timeout']],
  ];

  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s: the lead never contradicts the title', (_file, fixture) => {
    const d = diagnose(fixture.input, NOW);
    const cause = d.causes[0]?.id ?? 'unknown';
    const { title, lead } = cardSummary(fixture.input.status, d, t);
    for (const [words, causes] of STORIES) {
      if (causes.includes(cause) || d.falseAlarm) continue;
      expect(`${title} ${lead}`, `${cause}: ${words}`).not.toMatch(words);
    }
  });

  it('follows a specific cause: planned work, the visitor’s network', () => {
    const title = (file: string) => {
      const fixture = FIXTURES.find((f) => f.file === file);
      if (!fixture) throw new Error(file);
      return cardSummary(fixture.input.status, diagnose(fixture.input, NOW), t).title;
    };
    expect(title('real-nginx-maintenance.ts')).toBe('The site is closed for planned work');
    expect(title('squid-503-dns-fail.ts')).toBe('Your network can’t find the site');
    expect(title('real-squid-forward-refused.ts')).toBe('Your network can’t reach the site');
    expect(title('real-squid-accel-dead-upstream.ts')).toBe('The site is down for now');
    expect(title('cloudflare-challenge.ts')).toBe('This is probably not an outage');
  });
});

describe('hopStates', () => {
  const states = (file: string) => {
    const fixture = FIXTURES.find((f) => f.file === file);
    if (!fixture) throw new Error(file);
    const d = diagnose(fixture.input, NOW);
    return d.chain.map((l, i) => `${l.id}:${hopStates(d)?.[i] ?? '-'}`);
  };

  it('marks who passed the answer on as working and who was never reached as such', () => {
    expect(states('real-nginx-varnish-dead.ts')).toEqual(['nginx:working', 'varnish:working', 'app:probably']);
    expect(states('real-squid-forward-dns-fail.ts')).toEqual(['squid:failed', 'origin:not-reached']);
    expect(states('tomcat-500-exception-report.ts')).toEqual(['tomcat:working', 'app:probably']);
    expect(states('spring-boot-500-whitelabel.ts')).toEqual(['spring:failed']);
  });

  it('draws planned maintenance as planned, not as a failure', () => {
    expect(states('heroku-503-maintenance-mode.ts')).toEqual(['heroku:planned', 'app:not-reached']);
  });

  it('gives no states when nothing failed or no one can tell where', () => {
    expect(states('cloudflare-challenge.ts')).toEqual(['cloudflare:-']);
    expect(states('unknown-599.ts')).toEqual(['generic:zeus:-']);
  });
});
