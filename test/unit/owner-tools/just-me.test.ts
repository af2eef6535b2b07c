import { describe, expect, it } from 'vitest';
import { diagnose } from '@/lib/diagnosis/diagnose';
import type { CheckRecord } from '@/lib/log/model';
import { isItJustMe, type JustMeFacts } from '@/lib/owner-tools/just-me';
import { RecentHealthy } from '@/lib/owner-tools/recent-healthy';
import { parseStatusJson, statusPageCandidates } from '@/lib/owner-tools/status-page';
import { clampInterval, pushEvent, watchTransition } from '@/lib/owner-tools/watch';
import { makeIncident } from '../helpers/incidents';

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
    expect(answer.findings).toContainEqual({ key: 'justme_others_ok', subs: ['1'] });
    expect(answer.findings).toContainEqual({ key: 'justme_repeated', subs: ['3'] });
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
});

describe('status pages', () => {
  it('looks at the person’s address, then the built-in list, then the status. subdomain', () => {
    expect(statusPageCandidates('github.com', { 'github.com': 'https://my.status/' })).toEqual([
      'https://my.status/api/v2/status.json',
      'https://www.githubstatus.com/api/v2/status.json',
      'https://status.github.com/api/v2/status.json',
    ]);
    expect(statusPageCandidates('shop.test', {}, 'http:')).toEqual(['http://status.shop.test/api/v2/status.json']);
  });

  it.each([
    [
      '{"status":{"indicator":"major","description":"Major System Outage"}}',
      { indicator: 'major', description: 'Major System Outage' },
    ],
    ['{"status":{"indicator":"none"}}', { indicator: 'none', description: '' }],
    ['{"status":{"indicator":"<script>"}}', null],
    ['<html>', null],
    [
      `{"status":{"indicator":"minor","description":"${'x'.repeat(500)}"}}`,
      { indicator: 'minor', description: 'x'.repeat(120) },
    ],
  ])('reads %s', (text, expected) => {
    const status = parseStatusJson(text, 'u');
    expect(status === null ? null : { indicator: status.indicator, description: status.description }).toEqual(expected);
  });
});

describe('watches', () => {
  it.each([
    [null, false, 'failed'],
    [true, false, 'failed'],
    [false, false, null],
    [false, true, 'recovered'],
    [true, true, null],
    [null, true, null],
  ] as const)('last ok %s, now ok %s → %s', (last, ok, change) => {
    expect(watchTransition(last, ok)).toBe(change);
  });

  it('keeps the interval at a minute or more', () => {
    expect([0, 0.4, 1, 5, 10_000, Number.NaN].map(clampInterval)).toEqual([1, 1, 1, 5, 1440, 5]);
  });

  it('keeps the last events, newest first', () => {
    const events = Array.from({ length: 25 }, (_, i) => ({
      url: 'u',
      site: 's',
      kind: 'failed' as const,
      status: 503,
      time: i,
    }));
    const kept = events.reduce((list, e) => pushEvent(list, e), [] as ReturnType<typeof pushEvent>);
    expect(kept.map((e) => e.time)).toEqual(Array.from({ length: 20 }, (_, i) => 24 - i));
  });
});

describe('recently healthy pages', () => {
  it('does not know before it has seen a page, then lists other hosts seen lately', () => {
    const recent = new RecentHealthy(3);
    expect(recent.hostsSince(0, 'a.com')).toBeNull();
    recent.note('https://a.com/x', 10);
    recent.note('https://b.com/', 20);
    recent.note('https://c.com/', 30);
    recent.note('https://d.com/', 40);
    expect(recent.hostsSince(25, 'c.com')).toEqual(['d.com']);
    expect(recent.hostsSince(0, 'x.com')?.sort()).toEqual(['b.com', 'c.com', 'd.com']);
  });
});
