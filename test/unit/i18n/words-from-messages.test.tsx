import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExplanationCard } from '@/components/card/explanation-card';
import { edgeLocation } from '@/lib/diagnosis/edge-location';
import { CODE_MEANINGS } from '@/lib/diagnosis/tables/codes';
import { FINGERPRINTS } from '@/lib/diagnosis/tables/fingerprints';
import { supportReport } from '@/lib/i18n/support-report';
import { t as translate } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { makeIncident, makeNetworkIncident } from '../helpers/incidents';
import { fillMessage, messages } from '../helpers/t';

/**
 * A pseudo-language: every text from the message files comes wrapped in ⟦…⟧. Whatever is left
 * once those are taken out was built in code, and must hold no words but names and codes
 * (vendor names, reason phrases, the page's own values).
 */
function pseudoBrowser(): void {
  (fakeBrowser as unknown as { i18n: unknown }).i18n = {
    getMessage: (key: string, subs: string[] = []) => {
      const entry = messages[key];
      if (!entry) return '';
      return key.startsWith('locale_') ? entry.message : `⟦${fillMessage(entry.message, subs)}⟧`;
    },
    getUILanguage: () => 'en-US',
  };
}

/** The text left outside the message files' words. */
function builtInCode(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return rest;
}

const NAMES = [
  '5xx Explainer',
  ...FINGERPRINTS.map((f) => f.vendor),
  ...CODE_MEANINGS.map((m) => m.name),
  'net::ERR_NAME_NOT_RESOLVED',
  'dns.name_not_resolved',
  'DNS',
];

/** Words in `text` that are not names, codes or values of the incident. */
function strayWords(text: string, incident: Incident): string[] {
  let rest = builtInCode(text);
  const values = [
    ...NAMES,
    ...Object.entries(incident.headers).flat(),
    ...Object.values(incident.vantage),
    incident.site,
    incident.requestUrl,
    incident.statusLine,
    incident.method,
    edgeLocation(incident.headers)?.city ?? '',
    edgeLocation(incident.headers)?.airport ?? '',
  ].map(String);
  for (const value of values.filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  return rest.match(/\p{L}{2,}/gu) ?? [];
}

beforeEach(pseudoBrowser);
afterEach(cleanup);

const incidents: [string, Incident][] = [
  ['a 502 from nginx', makeIncident()],
  [
    'a 503 with Retry-After from Cloudflare',
    makeIncident({ status: 503, headers: { server: 'cloudflare', 'retry-after': '300', 'cf-ray': '8f2c-FRA' } }),
  ],
  ['a name that does not resolve', makeNetworkIncident('net::ERR_NAME_NOT_RESOLVED')],
];

describe('the explanation’s words come only from message files', () => {
  it.each(incidents)('in the card for %s, for the visitor and the owner', (_, incident) => {
    const { container } = render(<ExplanationCard incident={incident} logState="saved" onRetry={() => {}} />);
    expect(strayWords(container.textContent ?? '', incident)).toEqual([]);
    fireEvent.click(screen.getByRole('checkbox'));
    expect(strayWords(container.textContent ?? '', incident)).toEqual([]);
  });

  it.each(incidents)('in the support report for %s', (_, incident) => {
    expect(strayWords(supportReport(incident, translate), incident)).toEqual([]);
  });

  it('would see a word built in code', () => {
    expect(strayWords('⟦Error⟧ answered in 8 ms', makeIncident())).toEqual(['answered', 'in', 'ms']);
  });
});
