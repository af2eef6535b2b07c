import { describe, expect, it } from 'vitest';
import { dnsMatch } from '../../../../lib/owner-tools/globalping/probe-rows';
import type { DnsMeasurement, HttpMeasurement } from '../../../../lib/owner-tools/globalping/schema';
import { verdict } from '../../../../lib/owner-tools/globalping/verdict';
import { fixture } from '../../../stubs/globalping-stub';

const http = (name: string) => fixture<HttpMeasurement>(`http-${name}`);
const dns = (name: string) => fixture<DnsMeasurement>(`dns-${name}`);

/** A visitor whose browser got a 502 from the address Cloudflare gave them. */
const visitor = { status: 502, ip: '104.21.48.7', country: 'DE' };

describe('verdict: down for everyone', () => {
  const v = verdict(http('down-for-everyone'), dns('down-for-everyone'), visitor);

  it('says so, with the counts for "8 of 8 networks in 6 countries got 502"', () => {
    expect(v.kind).toBe('down-for-everyone');
    expect(v.reason).toBeNull();
    expect(v.probes).toEqual({ asked: 8, answered: 8, failing: 8, up: 0, excluded: 0 });
    expect(v.networks).toEqual({ total: 8, failing: 8 });
    expect(v.countries).toEqual({ total: 6, failing: 6 });
    expect(v.failures).toEqual([{ status: 502, error: null, count: 8 }]);
    expect(v.successes).toEqual([]);
    expect(v.failingOnlyIn).toBeNull();
  });

  it('fills one row per probe: place, network, status, time to first byte, address, edge', () => {
    expect(v.rows[0]).toEqual({
      continent: 'EU',
      region: 'Western Europe',
      country: 'DE',
      city: 'Frankfurt',
      asn: 24940,
      network: 'Hetzner Online GmbH',
      outcome: 'failing',
      exclusion: null,
      status: 502,
      error: null,
      // dns 12 + tcp 9 + tls 21 + first byte 160
      ttfbMs: 202,
      resolvedAddress: '104.21.48.7',
      edge: { pop: 'FRA', airport: 'FRA', city: 'Frankfurt', header: 'cf-ray' },
      dns: { rcode: 'NOERROR', addresses: ['104.21.48.7', '172.67.181.22'], resolver: '185.12.64.1', match: 'same' },
      inVisitorCountry: true,
    });
    expect(v.rows.map((r) => r.edge?.airport)).toEqual(['FRA', 'TXL', 'IAD', 'ORD', 'NRT', 'SIN', 'GRU', 'SYD']);
    expect(v.rows[1]?.edge?.city).toBeNull();
  });

  it("counts the probes in the visitor's country", () => {
    expect(v.visitorCountry).toEqual({ total: 2, failing: 2 });
    expect(verdict(http('down-for-everyone'), null, { status: 502 }).visitorCountry).toBeNull();
  });

  it("finds no DNS disagreement when the probes get the visitor's address", () => {
    expect(v.dns).toEqual({ compared: 8, different: 0, nearby: 0 });
  });
});

describe('verdict: just you', () => {
  const visitorElsewhere = { status: 502, ip: '203.0.113.50', country: 'US' };
  const v = verdict(http('just-you'), dns('just-you'), visitorElsewhere);

  it('says so, with the counts for "8 of 8 got 200"', () => {
    expect(v.kind).toBe('just-you');
    expect(v.probes).toEqual({ asked: 8, answered: 8, failing: 0, up: 8, excluded: 0 });
    expect(v.successes).toEqual([{ status: 200, count: 8 }]);
    expect(v.failures).toEqual([]);
    expect(v.visitorCountry).toEqual({ total: 2, failing: 0 });
  });

  it("flags DNS answers that differ from the visitor's address, and leaves unknown ones unflagged", () => {
    expect(v.dns).toEqual({ compared: 7, different: 7, nearby: 0 });
    const singapore = v.rows.find((r) => r.city === 'Singapore');
    expect(singapore?.dns).toEqual({ rcode: null, addresses: [], resolver: null, match: null });
    const saoPaulo = v.rows.find((r) => r.city === 'São Paulo');
    expect(saoPaulo?.dns).toMatchObject({ rcode: 'SERVFAIL', addresses: [], match: 'different' });
  });

  it('compares nothing without the visitor address', () => {
    expect(verdict(http('just-you'), dns('just-you'), { status: 502 }).dns).toEqual({
      compared: 0,
      different: 0,
      nearby: 0,
    });
  });

  it('is no verdict when the visitor did not fail either', () => {
    const ok = verdict(http('just-you'), null, { status: 200 });
    expect([ok.kind, ok.reason]).toEqual(['inconclusive', 'no-failure']);
  });

  it('counts a visitor who got no answer at all as failing', () => {
    expect(verdict(http('just-you'), null, { status: null }).kind).toBe('just-you');
  });
});

describe('verdict: partly down', () => {
  const v = verdict(http('partly-down-asia'), dns('partly-down-asia'), visitor);

  it('says where it fails: "failing in Asia only"', () => {
    expect(v.kind).toBe('partly-down');
    expect(v.failingOnlyIn).toEqual(['AS']);
    expect(v.continents).toEqual([
      { continent: 'AS', total: 3, failing: 3 },
      { continent: 'AF', total: 1, failing: 0 },
      { continent: 'EU', total: 2, failing: 0 },
      { continent: 'NA', total: 2, failing: 0 },
      { continent: 'OC', total: 1, failing: 0 },
      { continent: 'SA', total: 1, failing: 0 },
    ]);
    expect(v.failures).toEqual([
      { status: 503, error: null, count: 2 },
      { status: null, error: 'timeout', count: 1 },
    ]);
    expect(v.countries).toEqual({ total: 10, failing: 3 });
  });

  it('names every failing continent, and none once all of them fail', () => {
    const mixed = structuredClone(http('partly-down-asia'));
    const frankfurt = mixed.results[0]?.result;
    if (frankfurt?.status === 'finished') frankfurt.statusCode = 500;
    const w = verdict(mixed, null, visitor);
    expect(w.kind).toBe('partly-down');
    expect(w.failingOnlyIn).toEqual(['AS', 'EU']);
    for (const r of mixed.results.slice(1)) {
      if (r.result.status === 'finished') r.result.statusCode = 502;
    }
    const everywhere = verdict(mixed, null, visitor);
    expect(everywhere.kind).toBe('down-for-everyone');
    expect(everywhere.failingOnlyIn).toBeNull();
  });
});

describe('verdict: probes that errored, timed out or were offline', () => {
  const v = verdict(http('probe-errors'), dns('probe-errors'), visitor);

  it("counts the site's failures and leaves out the probes' own", () => {
    expect(v.probes).toEqual({ asked: 10, answered: 7, failing: 7, up: 0, excluded: 3 });
    expect(v.kind).toBe('down-for-everyone');
  });

  it('says why each probe got no answer', () => {
    expect(v.rows.map((r) => [r.city, r.outcome, r.status ?? r.error ?? r.exclusion])).toEqual([
      ['Frankfurt', 'failing', 502],
      ['Berlin', 'failing', 'timeout'],
      ['Ashburn', 'failing', 'refused'],
      ['Chicago', 'excluded', 'probe-error'],
      ['Tokyo', 'excluded', 'offline'],
      ['Singapore', 'failing', 'dns'],
      ['São Paulo', 'failing', 502],
      ['Sydney', 'failing', 'private-address'],
      // An API without failureSource: its own timeout note marks the probe's failure.
      ['Johannesburg', 'excluded', 'probe-error'],
      ['Warsaw', 'failing', 'tls'],
    ]);
    expect(v.rows.filter((r) => r.status === null).every((r) => r.ttfbMs === null && r.edge === null)).toBe(true);
  });

  it("counts a lookup the site's DNS did not answer as a DNS failure, whatever the message", () => {
    const m = structuredClone(http('probe-errors'));
    const berlin = m.results[1]?.result;
    if (berlin?.status === 'failed') berlin.failureSource = 'resolver';
    expect(verdict(m, null, visitor).rows[1]).toMatchObject({ city: 'Berlin', outcome: 'failing', error: 'dns' });
  });

  it('is no verdict when fewer than 3 probes answered', () => {
    const few = structuredClone(http('probe-errors'));
    few.results = few.results.slice(2, 5);
    const w = verdict(few, null, visitor);
    expect([w.kind, w.reason, w.probes.answered]).toEqual(['inconclusive', 'too-few-answers', 1]);
  });
});

describe('verdict: one probe that disagrees', () => {
  it('does not change the verdict when 6 or more answered', () => {
    const m = structuredClone(http('down-for-everyone'));
    const last = m.results[7]?.result;
    if (last?.status === 'finished') last.statusCode = 200;
    const v = verdict(m, null, visitor);
    expect(v.kind).toBe('down-for-everyone');
    expect(v.failures).toEqual([{ status: 502, error: null, count: 7 }]);
    expect(v.successes).toEqual([{ status: 200, count: 1 }]);
  });

  it('makes it partly down when fewer answered', () => {
    const m = structuredClone(http('down-for-everyone'));
    m.results = m.results.slice(0, 5);
    const first = m.results[0]?.result;
    if (first?.status === 'finished') first.statusCode = 200;
    expect(verdict(m, null, visitor).kind).toBe('partly-down');
  });

  it('counts a 4xx as an answer from the server, not a failure', () => {
    const m = structuredClone(http('just-you'));
    const first = m.results[0]?.result;
    if (first?.status === 'finished') first.statusCode = 403;
    expect(verdict(m, null, visitor).successes).toEqual([
      { status: 200, count: 7 },
      { status: 403, count: 1 },
    ]);
  });
});

describe('verdict: pairing DNS answers with HTTP probes', () => {
  it('matches by network and place, not by position', () => {
    const reversed = structuredClone(dns('just-you'));
    reversed.results.reverse();
    const straight = verdict(http('just-you'), dns('just-you'), { status: 502, ip: '104.21.48.7' });
    const crossed = verdict(http('just-you'), reversed, { status: 502, ip: '104.21.48.7' });
    expect(crossed.rows.map((r) => r.dns)).toEqual(straight.rows.map((r) => r.dns));
  });

  it('leaves a probe without a DNS row when the DNS measurement did not include it', () => {
    const fewer = structuredClone(dns('down-for-everyone'));
    fewer.results = fewer.results.slice(1);
    expect(verdict(http('down-for-everyone'), fewer, visitor).rows[0]?.dns).toBeNull();
  });
});

describe('dnsMatch', () => {
  it.each([
    [['104.21.48.7', '172.67.181.22'], '104.21.48.7', 'same'],
    [['104.21.48.9'], '104.21.48.7', 'nearby'],
    [['172.67.181.22'], '104.21.48.7', 'different'],
    [[], '104.21.48.7', 'different'],
    [['2606:4700:3030:0:0:0:6815:3007'], '2606:4700:3030::6815:3007', 'same'],
    [['2606:4700:3030::ac43:b516'], '2606:4700:3030::6815:3007', 'nearby'],
    [['2a04:4e42::485'], '2606:4700:3030::6815:3007', 'different'],
    [['104.21.48.7'], '2606:4700:3030::6815:3007', 'different'],
  ])('%j against %s: %s', (addresses, ip, expected) => {
    expect(dnsMatch(addresses, ip)).toBe(expected);
  });
});
