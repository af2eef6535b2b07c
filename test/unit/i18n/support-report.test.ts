import { describe, expect, it } from 'vitest';
import { detailRows, supportReport } from '@/lib/i18n/support-report';
import { withBody } from '@/lib/log/incident';
import type { Incident } from '@/lib/log/model';
import apache500 from '../../fixtures/responses/apache-500';
import cloudflare522 from '../../fixtures/responses/cloudflare-522';
import cloudflareChallenge from '../../fixtures/responses/cloudflare-challenge';
import { FIXTURES, type ResponseFixture } from '../../fixtures/responses/index';
import { makeIncident } from '../helpers/incidents';
import { t } from '../helpers/t';

const T = Date.UTC(2026, 10, 27, 22, 41, 7, 123);

/** The incident a page's claim leaves in the log: diagnosed with its body, what it said kept. */
function claimed(fixture: ResponseFixture, overrides: Partial<Incident> = {}): Incident {
  const { status, statusLine, headers, body, url } = fixture.input;
  const incident = makeIncident({
    status,
    statusLine: statusLine ?? String(status),
    headers,
    pageUrl: url,
    requestUrl: url,
    site: new URL(url).hostname,
    ...overrides,
  });
  return body ? withBody(incident, body) : incident;
}

/** The report's `label: value` lines as a map (the first of each label). */
function fields(report: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of report.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0 && !out.has(line.slice(0, at))) out.set(line.slice(0, at), line.slice(at + 2));
  }
  return out;
}

describe('the support report answers the ticket’s questions', () => {
  const incident = claimed(cloudflare522, { time: T, lastTime: T + 95_000, count: 4, tzOffset: 60 });
  const report = supportReport(incident, t);
  const f = fields(report);

  it('what: the code, the hop and the cause in plain words', () => {
    const [heading, title, cause] = report.split('\n');
    expect(heading).toBe('Error 522 Connection Timed Out on www.example.com');
    expect(title).toBe(t('code_522_title'));
    expect(cause).toMatch(/\S/);
    expect(f.get('Most likely failed')).toBe('The site’s server');
  });

  it('when: UTC and local time with its offset, first and last seen, and how many', () => {
    expect(f.get('Time (UTC)')).toBe('2026-11-27T22:41:07.123Z');
    expect(f.get('Time (local)')).toBe('2026-11-27T23:41:07.123+01:00');
    expect(f.get('Last seen (UTC)')).toBe('2026-11-27T22:42:42.123Z');
    expect(f.get('Failures')).toBe('4');
  });

  it('what the page said, quoted: visible words only, at most 160 characters', () => {
    const said = f.get('The page said') ?? '';
    expect(said).toMatch(/^“Connection timed out Error code 522 .*”$/);
    expect(Array.from(said).length).toBeLessThanOrEqual(162);
    expect(said).not.toMatch(/[<>]|cf-wrapper|main\.css/);
  });

  it('request IDs, each value once (the page repeats the Ray ID of the header)', () => {
    expect(f.get('cf-ray')).toBe('8e2a1b3c4d5e6f72-LHR');
    expect(report.match(/8e2a1b3c4d5e6f72/g)).toHaveLength(1);
  });

  it('the connection and the network label (the overlay’s copy has none: see the router)', () => {
    const onWifi = { ...incident, vantage: { ...incident.vantage, connection: 'wifi', effectiveType: '4g' } };
    expect(fields(supportReport(onWifi, t)).get('Connection')).toBe('wifi · 4g');
    expect(f.get('Network')).toBe('office wifi');
  });

  it('says a single failure once, without a last time', () => {
    const once = fields(supportReport(makeIncident({ time: T }), t));
    expect(once.get('Failures')).toBe('1');
    expect(once.has('Last seen (UTC)')).toBe(false);
    expect(once.has('The page said')).toBe(false);
  });

  it('labels a bot check not an outage, never “The site is down for now”', () => {
    const [, title, cause] = supportReport(claimed(cloudflareChallenge), t).split('\n');
    expect(title).toBe('Not an outage: a bot check or a Wi-Fi sign-in page, not a failure of the site.');
    expect(cause).toMatch(/^Cloudflare answered with a bot-check page/);
  });

  it('names a hop whose name is its kind once', () => {
    expect(fields(supportReport(claimed(apache500), t)).get('Most likely failed')).toBe(t('layer_app'));
  });
});

describe('a burst’s report', () => {
  const burst = Array.from({ length: 14 }, (_, n) =>
    makeIncident({
      time: T + (13 - n) * 1000,
      lastTime: T + (13 - n) * 1000 + (n === 0 ? 5000 : 0),
      count: n === 0 ? 3 : 1,
      type: 'xmlhttprequest',
      status: 503,
      pageUrl: 'https://shop.example.com/cart',
      // 12 addresses: two of them failed twice.
      requestUrl: `https://api.example.com/v1/${n % 12}?token=REDACTED`,
    }),
  );
  const details = { count: 16, first: T, last: T + 18_000, incidents: burst };
  const report = supportReport(burst[0] as Incident, t, { burst: details });

  it('counts every failure as the burst did, from the first to the last', () => {
    const f = fields(report);
    expect(f.get('Failures')).toBe('16');
    expect(f.get('Time (UTC)')).toBe('2026-11-27T22:41:07.123Z');
    expect(f.get('Last seen (UTC)')).toBe('2026-11-27T22:41:25.123Z');
  });

  it('lists every failed address once, at most ten, and counts the rest', () => {
    const listed = report
      .split('\n')
      .filter((line) => line.startsWith('  https://api.example.com/'))
      .map((line) => line.trim());
    expect(listed).toHaveLength(10);
    expect(new Set(listed).size).toBe(10);
    expect(report).toContain('Failed addresses:\n  https://api.example.com/v1/0?token=REDACTED\n');
    expect(report).toContain('  …and 2 more\n');
  });
});

describe.each(FIXTURES)('the details of $file', (fixture) => {
  it('give each request ID once and quote at most 160 characters of the page', () => {
    const incident = claimed(fixture);
    const d = incident.diagnosis;
    const labels = new Set([...d.requestIds.map((r) => r.header), ...d.pageIds.map((p) => p.label)]);
    const ids = detailRows(incident, t)
      .filter((r) => labels.has(r.label))
      .map((r) => r.value.toLowerCase());
    for (const [i, id] of ids.entries()) {
      expect(
        // A short ID (a Varnish XID of a few digits) may sit inside a long one by chance.
        ids.filter(
          (other, j) =>
            j !== i &&
            (other === id || (Math.min(id.length, other.length) >= 8 && (other.includes(id) || id.includes(other)))),
        ),
        id,
      ).toEqual([]);
    }
    for (const { value } of d.requestIds) expect(ids).toContain(value.toLowerCase());
    expect(Array.from(incident.pageText ?? '').length).toBeLessThanOrEqual(160);
  });
});
