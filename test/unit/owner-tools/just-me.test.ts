import { describe, expect, it } from 'vitest';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { count } from '@/lib/i18n/translate';
import type { CheckRecord } from '@/lib/log/model';
import { isItJustMe, type JustMeFacts } from '@/lib/owner-tools/just-me';
import { makeIncident, makeNetworkIncident } from '../helpers/incidents';

const NOW = Date.UTC(2026, 10, 27, 23, 0);

function check(status: number | null, networkLabel: string, time = NOW - 60_000): CheckRecord {
  return {
    time,
    tzOffset: 0,
    site: 'example.com',
    url: 'https://example.com/',
    status,
    statusLine: String(status),
    ttfbMs: 20,
    ip: null,
    headers: {},
    diagnosis: diagnose({ status: status ?? 0, headers: {}, url: 'https://example.com/' }, time),
    networkLabel,
    kind: 'check',
  };
}

const base: JustMeFacts = {
  site: 'example.com',
  now: NOW,
  networkLabel: 'office wifi',
  incidents: [makeIncident({ time: NOW - 120_000, lastTime: NOW - 60_000, count: 3 })],
  checks: [],
  summaries: [{ site: 'example.com', count: 1, last: NOW - 60_000 }],
  healthyElsewhere: ['news.example.org'],
};

describe('Is it just me?', () => {
  it('says the site itself fails when other sites load and it keeps failing', () => {
    const answer = isItJustMe(base);
    expect(answer.conclusion).toEqual({ key: 'justme_verdict_site' });
    expect(answer.findings).toContainEqual({ key: 'justme_others_ok', subs: [count(1)] });
    expect(answer.findings).toContainEqual({ key: 'justme_repeated', subs: [count(3)] });
  });

  it('points at the person’s connection when many sites fail and none load', () => {
    const answer = isItJustMe({
      ...base,
      healthyElsewhere: [],
      summaries: [
        ...base.summaries,
        { site: 'a.com', count: 1, last: NOW - 1000 },
        { site: 'b.com', count: 1, last: NOW - 2000 },
      ],
    });
    expect(answer.conclusion).toEqual({ key: 'justme_verdict_you' });
  });

  it('names the network the site works from', () => {
    const answer = isItJustMe({ ...base, checks: [check(200, 'phone hotspot'), check(503, 'office wifi')] });
    expect(answer.conclusion).toEqual({ key: 'justme_verdict_network', subs: ['phone hotspot'] });
    expect(answer.findings).toContainEqual({ key: 'justme_network_ok', subs: ['phone hotspot'] });
  });

  it('is honest when it cannot tell', () => {
    const answer = isItJustMe({
      ...base,
      incidents: [makeIncident({ time: NOW, lastTime: NOW })],
      healthyElsewhere: null,
    });
    expect(answer.conclusion).toEqual({ key: 'justme_verdict_unsure' });
    expect(answer.findings).toContainEqual({ key: 'justme_others_unknown' });
  });

  it('counts network errors as failures and says how far they got', () => {
    const dns = makeNetworkIncident('net::ERR_NAME_NOT_RESOLVED', {
      time: NOW - 120_000,
      lastTime: NOW - 60_000,
      count: 2,
    });
    const answer = isItJustMe({ ...base, incidents: [dns] });
    expect(answer.findings).toContainEqual({ key: 'justme_repeated', subs: [count(2)] });
    expect(answer.findings).toContainEqual({ key: 'justme_unreached', subs: [count(2), 'dns.name_not_resolved'] });
  });

  it('points at this network’s DNS when the name fails only here and the site works from elsewhere', () => {
    const dns = makeNetworkIncident('net::ERR_NAME_NOT_RESOLVED', { time: NOW - 120_000, lastTime: NOW - 60_000 });
    const answer = isItJustMe({ ...base, incidents: [dns], checks: [check(200, 'phone hotspot')] });
    expect(answer.conclusion).toEqual({ key: 'justme_verdict_resolver', subs: ['phone hotspot'] });
    const refused = makeNetworkIncident('net::ERR_CONNECTION_REFUSED', { time: NOW - 120_000, lastTime: NOW - 60_000 });
    expect(isItJustMe({ ...base, incidents: [refused], checks: [check(200, 'phone hotspot')] }).conclusion.key).toBe(
      'justme_verdict_network',
    );
  });
});
