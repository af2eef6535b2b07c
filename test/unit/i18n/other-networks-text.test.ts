import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { toHar } from '@/lib/export/har';
import { parseImport } from '@/lib/export/import';
import { toJson } from '@/lib/export/json';
import { dnsNote, failureText, probeStatus, verdictSentence } from '@/lib/i18n/other-networks-text';
import type { OtherNetworksCheck } from '@/lib/log/model';
import { checkOf } from '@/lib/owner-tools/globalping/result';
import type { DnsMeasurement, HttpMeasurement } from '@/lib/owner-tools/globalping/schema';
import { verdict } from '@/lib/owner-tools/globalping/verdict';
import { siteOf } from '@/lib/site/psl-node';
import { fixture } from '../../stubs/globalping-stub';
import { makeIncident } from '../helpers/incidents';
import { t } from '../helpers/t';

const TIME = Date.UTC(2026, 10, 27, 22, 45);

/** What the log keeps of a recorded measurement, judged for a visitor who got `status`. */
function kept(scenario: string, status: number, ip = '104.21.48.7'): OtherNetworksCheck {
  const v = verdict(fixture<HttpMeasurement>(`http-${scenario}`), fixture<DnsMeasurement>(`dns-${scenario}`), {
    status,
    ip,
    country: 'DE',
  });
  return checkOf(v, { time: TIME, measurementId: 'PY5fMsREMmIq45VR', target: 'https://shop.example.com/' });
}

describe('the answer in one sentence, from recorded measurements', () => {
  it.each([
    ['down-for-everyone', 502, 'Down for everyone: 8 of 8 networks in 6 countries got 502'],
    ['just-you', 502, 'Just you: 8 of 8 got 200. Try another network, or check your VPN, proxy or DNS'],
    ['partly-down-asia', 503, 'Partly down: failing in Asia only'],
  ])('%s', (scenario, status, sentence) => {
    expect(verdictSentence(kept(scenario, status), t)).toBe(sentence);
  });

  it('says when the site works from everywhere now, and when too few answered', () => {
    expect(verdictSentence(kept('just-you', 200), t)).toMatch(/^Works now: 8 of 8 networks got 200$/);
    const few = { ...kept('just-you', 502), verdict: 'inconclusive' as const, answered: 2, failing: 0 };
    expect(verdictSentence({ ...few, failing: 1 }, t)).toBe('No clear answer: only 2 networks answered');
    expect(verdictSentence({ ...few, answered: 1, failing: 1 }, t)).toBe('No clear answer: only 1 network answered');
    expect(verdictSentence({ ...few, answered: 0 }, t)).toBe('No clear answer: no network answered');
  });

  it('says the site works now when all but one outlier got it (the visitor’s own page works too)', () => {
    const one = { ...kept('just-you', 200), verdict: 'inconclusive' as const, answered: 8, failing: 1 };
    expect(verdictSentence(one, t)).toBe('Works now: 7 of 8 networks got 200');
  });

  it('names a probe’s failure in words when it got no status, and flags DNS that disagrees', () => {
    const check = kept('probe-errors', 502);
    const statuses = check.probes.map((p) => probeStatus(p, t));
    expect(statuses.some((s) => /^(timed out|refused|cut off|TLS error|no DNS answer|no answer)$/.test(s))).toBe(true);
    expect(statuses).toContain('probe failed');
    const differing = { ...kept('just-you', 502, '198.51.100.77') };
    expect(differing.dnsDifferent).toBeGreaterThan(0);
    expect(dnsNote(differing, t)).toMatch(/networks got another server address than you/);
    expect(dnsNote(kept('down-for-everyone', 502), t)).toBeNull();
  });

  it('says what to do when there is no answer', () => {
    const at = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    expect(failureText({ kind: 'rate-limited', retryAt: TIME }, t, at)).toBe(
      "Globalping's limit for free checks is used up. Try again after 22:45.",
    );
    expect(failureText({ kind: 'api-error', status: 500 }, t, at)).toBe(
      'Globalping could not run the check (error 500). Try again later.',
    );
    expect(failureText({ kind: 'network' }, t, at)).toMatch(/^Could not reach Globalping/);
  });
});

describe('exports carry the check with its incident', () => {
  const incident = makeIncident({ id: 7, otherNetworks: kept('down-for-everyone', 502) });

  it('JSON, and an import reads it back as it was', () => {
    const back = parseImport(toJson([incident], TIME, '0.1.0'), 'colleague.json', TIME, siteOf);
    expect(back.ok && back.incidents[0]?.otherNetworks).toEqual(incident.otherNetworks);
  });

  it('an import refuses a check whose field is not what it says, and names the field', () => {
    const file = JSON.parse(toJson([incident], TIME, '0.1.0'));
    file.incidents[0].otherNetworks.probes[0].ip = '<script>';
    const back = parseImport(JSON.stringify(file), 'x.json', TIME, siteOf);
    expect(back).toEqual({ ok: false, error: { key: 'import_damaged', subs: ['#1 otherNetworks.probes.0.ip'] } });
  });

  it('CSV columns at the end, and the HAR entry’s comment', () => {
    const [head, row] = toCsv([incident]).split('\r\n');
    expect(head).toMatch(/,other_networks,other_networks_failing,other_networks_time_utc,other_networks_id$/);
    expect(row).toMatch(/,down-for-everyone,8\/8,2026-11-27T22:45:00\.000Z,PY5fMsREMmIq45VR$/);
    expect(toHar([incident], '0.1.0').log.entries[0]?.comment).toBe(
      'Other networks (Globalping PY5fMsREMmIq45VR, 2026-11-27T22:45:00.000Z): down-for-everyone, 8 of 8 failing (502)',
    );
  });
});
