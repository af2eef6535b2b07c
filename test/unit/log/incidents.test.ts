import { beforeEach, describe, expect, it } from 'vitest';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { clearSite } from '@/lib/log/clear';
import {
  addIncidents,
  allIncidents,
  hourlyCounts,
  queryIncidents,
  recordIncident,
  refineIncident,
  siteSummaries,
} from '@/lib/log/incidents';
import { MAX_COUNT, MAX_SITE_INCIDENTS } from '@/lib/log/limits';
import { HOUR_MS } from '@/lib/log/model';
import { prune } from '@/lib/log/retention';
import { freshLog } from '../helpers/db';
import { makeIncident, makeNetworkIncident } from '../helpers/incidents';

const DAY = 86_400_000;

beforeEach(freshLog);

describe('recording', () => {
  it('counts a failure on in place when told its tab opened enough incidents: nothing is lost', async () => {
    const t = 1_000_000;
    await recordIncident(makeIncident({ time: t, lastTime: t, requestUrl: 'https://shop.example.com/a' }));
    await recordIncident(
      makeIncident({ time: t + 1, lastTime: t + 1, status: 504, requestUrl: 'https://shop.example.com/b' }),
    );
    const id = await recordIncident(
      makeIncident({ time: t + 2, lastTime: t + 2, requestUrl: 'https://shop.example.com/c' }),
      true,
    );
    const all = await allIncidents();
    expect(all).toHaveLength(2);
    // Into the site's latest incident of the same status, not the latest of all.
    expect(all.find((i) => i.id === id)).toMatchObject({
      requestUrl: 'https://shop.example.com/a',
      count: 2,
      lastTime: t + 2,
    });
    expect((await siteSummaries())[0]).toMatchObject({ count: 2, last: t + 2 });
    expect((await hourlyCounts('example.com')).reduce((n, h) => n + h.count, 0)).toBe(3);
  });

  it('opens a new incident when told to fold but the site has none of that status', async () => {
    await recordIncident(makeIncident({ status: 503, statusLine: 'HTTP/1.1 503' }), true);
    expect(await allIncidents()).toHaveLength(1);
  });

  it(`stops opening incidents for a site at ${MAX_SITE_INCIDENTS}, and counts on in its latest`, async () => {
    const t = 1_000_000;
    await addIncidents(
      Array.from({ length: MAX_SITE_INCIDENTS }, (_, i) =>
        makeIncident({ time: t + i, lastTime: t + i, requestUrl: `https://flood.example.com/${i}` }),
      ),
    );
    for (let i = 0; i < 5; i++) {
      await recordIncident(
        makeIncident({ time: t + 5000 + i, lastTime: t + 5000 + i, requestUrl: `https://flood.example.com/new/${i}` }),
      );
    }
    await recordIncident(
      makeIncident({ site: 'other.example', requestUrl: 'https://other.example/', time: t, lastTime: t }),
    );
    const all = await allIncidents();
    expect(all).toHaveLength(MAX_SITE_INCIDENTS + 1);
    expect(all.filter((i) => i.site === 'example.com').reduce((n, i) => n + i.count, 0)).toBe(MAX_SITE_INCIDENTS + 5);
    expect(all.find((i) => i.requestUrl === `https://flood.example.com/${MAX_SITE_INCIDENTS - 1}`)?.count).toBe(6);
  }, 30_000); // thousands of writes to fake-indexeddb: slow on a busy machine

  it(`bounds an incident's count at ${MAX_COUNT}`, async () => {
    const id = await recordIncident(makeIncident({ count: MAX_COUNT - 1 }));
    await recordIncident(
      makeIncident({ time: makeIncident().time + 1000, lastTime: makeIncident().time + 1000, count: 5 }),
    );
    expect((await allIncidents()).find((i) => i.id === id)?.count).toBe(MAX_COUNT);
  });

  it('stores an incident and gives it an id', async () => {
    const id = await recordIncident(makeIncident());
    expect((await allIncidents()).find((i) => i.id === id)).toMatchObject({
      id,
      status: 502,
      site: 'example.com',
      count: 1,
    });
  });

  it('coalesces repeats of the same URL and status, counting every failure', async () => {
    const t = 1_000_000;
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await recordIncident(makeIncident({ time: t + i * 1000, lastTime: t + i * 1000 })));
    expect(new Set(ids).size).toBe(1);
    expect((await allIncidents()).find((i) => i.id === ids[0])).toMatchObject({
      count: 5,
      time: t,
      lastTime: t + 4000,
    });
  });

  it('keeps separate incidents for another status, another URL, or after the window', async () => {
    const t = 1_000_000;
    await recordIncident(makeIncident({ time: t, lastTime: t }));
    await recordIncident(makeIncident({ time: t + 1, lastTime: t + 1, status: 504 }));
    await recordIncident(makeIncident({ time: t + 2, lastTime: t + 2, requestUrl: 'https://shop.example.com/b' }));
    const later = t + 60_000 + 1;
    await recordIncident(makeIncident({ time: later, lastTime: later }));
    expect(await allIncidents()).toHaveLength(4);
    const all = await allIncidents();
    expect(all.reduce((sum, i) => sum + i.count, 0)).toBe(4);
  });

  it('counts every failure of a burst recorded all at once', async () => {
    const t = 5_000_000;
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        recordIncident(makeIncident({ time: t + i, lastTime: t + i, requestUrl: `https://api.example.com/${i % 3}` })),
      ),
    );
    const all = await allIncidents();
    expect(all).toHaveLength(3);
    expect(all.reduce((sum, i) => sum + i.count, 0)).toBe(300);
  });
});

describe('network errors', () => {
  it('coalesce repeats of the same NEL type, not of another one at the same address', async () => {
    const refused = makeNetworkIncident('net::ERR_CONNECTION_REFUSED', { time: 1000, lastTime: 1000 });
    const id = await recordIncident(refused);
    expect(await recordIncident({ ...refused, time: 2000, lastTime: 2000 })).toBe(id);
    const reset = makeNetworkIncident('net::ERR_CONNECTION_RESET', { time: 3000, lastTime: 3000 });
    expect(await recordIncident(reset)).not.toBe(id);
    expect((await allIncidents()).map((i) => [i.network?.type, i.count])).toEqual([
      ['tcp.refused', 2],
      ['tcp.reset', 1],
    ]);
  });

  it('are told apart from 5xx by status 0, in the list and in the hourly counts', async () => {
    await recordIncident(makeIncident({ time: 1000, lastTime: 1000 }));
    await recordIncident(makeNetworkIncident('net::ERR_NAME_NOT_RESOLVED', { time: 2000, lastTime: 2000 }));
    expect((await queryIncidents({ site: 'example.com', status: 0 })).map((i) => i.network?.type)).toEqual([
      'dns.name_not_resolved',
    ]);
    expect((await queryIncidents({ status: 502 })).map((i) => i.status)).toEqual([502]);
    expect((await hourlyCounts('example.com')).map((r) => [r.status, r.count])).toEqual([
      [0, 1],
      [502, 1],
    ]);
  });
});

describe('reading', () => {
  it('lists one site newest first, up to a limit', async () => {
    for (const [site, time] of [
      ['example.com', 1],
      ['other.org', 2],
      ['example.com', 3],
      ['example.com', 2],
    ] as const) {
      await recordIncident(makeIncident({ site, time, lastTime: time, requestUrl: `https://${site}/${time}` }));
    }
    expect((await queryIncidents({ site: 'example.com' })).map((i) => i.time)).toEqual([3, 2, 1]);
    expect((await queryIncidents({ site: 'example.com', limit: 2 })).map((i) => i.time)).toEqual([3, 2]);
    expect(await queryIncidents({ site: 'nowhere.net' })).toEqual([]);
  });

  it('filters by status and time range', async () => {
    for (let i = 0; i < 10; i++) {
      await recordIncident(makeIncident({ time: i * DAY, lastTime: i * DAY, status: i % 2 ? 503 : 502 }));
    }
    expect((await queryIncidents({ status: 503 })).map((i) => i.time / DAY)).toEqual([9, 7, 5, 3, 1]);
    expect((await queryIncidents({ since: 3 * DAY, until: 6 * DAY })).map((i) => i.time / DAY)).toEqual([6, 5, 4, 3]);
    expect(
      (await queryIncidents({ site: 'example.com', status: 502, since: 4 * DAY })).map((i) => i.time / DAY),
    ).toEqual([8, 6, 4]);
  });

  it('summarises every site with its count and last failure, most recent first', async () => {
    const add = (site: string, time: number) =>
      recordIncident(makeIncident({ site, time, lastTime: time, requestUrl: `https://${site}/${time}` }));
    await add('a.com', 10);
    await add('b.com', 30);
    await add('a.com', 20);
    await add('c.com', 5);
    await add('a.com', 15);
    expect(await siteSummaries()).toEqual([
      { site: 'b.com', count: 1, last: 30 },
      { site: 'a.com', count: 3, last: 20 },
      { site: 'c.com', count: 1, last: 5 },
    ]);
  });

  it('keeps the site list in step with repeats, imports, pruning and clearing', async () => {
    await recordIncident(makeIncident({ site: 'a.com', time: 10, lastTime: 10 }));
    await recordIncident(makeIncident({ site: 'a.com', time: 40, lastTime: 40 }));
    await addIncidents([makeIncident({ site: 'b.com', time: 5, lastTime: 5, requestUrl: 'https://b.com/' })]);
    expect(await siteSummaries()).toEqual([
      { site: 'a.com', count: 1, last: 40 },
      { site: 'b.com', count: 1, last: 5 },
    ]);
    await prune(100, 90, 1000);
    expect(await siteSummaries()).toEqual([{ site: 'a.com', count: 1, last: 40 }]);
    await clearSite('a.com');
    expect(await siteSummaries()).toEqual([]);
  });

  it('returns everything, or one site, oldest first for export', async () => {
    await recordIncident(makeIncident({ time: 2 * DAY, lastTime: 2 * DAY }));
    await recordIncident(makeIncident({ time: DAY, lastTime: DAY, site: 'other.org' }));
    expect((await allIncidents()).map((i) => i.time)).toEqual([DAY, 2 * DAY]);
    expect((await allIncidents('other.org')).map((i) => i.site)).toEqual(['other.org']);
  });

  it('has an empty log to begin with', async () => {
    expect(await siteSummaries()).toEqual([]);
    expect(await allIncidents()).toEqual([]);
  });
});

describe('hourly counts (the chart’s data)', () => {
  const at = (hour: number, minute = 0) => hour * HOUR_MS + minute * 60_000;

  it('count every failure in its hour and status, through coalescing, import, pruning and clearing', async () => {
    await recordIncident(makeIncident({ time: at(10, 1), lastTime: at(10, 1) }));
    await recordIncident(makeIncident({ time: at(10, 1.5), lastTime: at(10, 1.5) }));
    await recordIncident(makeIncident({ time: at(10, 2), lastTime: at(10, 2), status: 504 }));
    await recordIncident(makeIncident({ time: at(12), lastTime: at(12), requestUrl: 'https://shop.example.com/b' }));
    await addIncidents([makeIncident({ time: at(12, 5), lastTime: at(12, 5), count: 7, source: 'colleague' })]);
    expect(await hourlyCounts('example.com')).toEqual([
      { site: 'example.com', hour: 10, status: 502, count: 2 },
      { site: 'example.com', hour: 10, status: 504, count: 1 },
      { site: 'example.com', hour: 12, status: 502, count: 8 },
    ]);
    expect((await hourlyCounts('example.com', 11)).map((r) => r.hour)).toEqual([12]);

    await prune(at(13), at(13) - at(11), 1000);
    expect(await hourlyCounts('example.com')).toEqual([{ site: 'example.com', hour: 12, status: 502, count: 8 }]);
    await clearSite('example.com');
    expect(await hourlyCounts('example.com')).toEqual([]);
  });

  it('leave false alarms out (a bot check is not an outage), also when the page shows it only later', async () => {
    const challenge = { server: 'cloudflare', 'cf-mitigated': 'challenge' };
    const url = 'https://shop.example.com/';
    const botCheck = diagnose({ status: 503, headers: challenge, url }, at(10));
    expect(botCheck.falseAlarm).toBe(true);
    await recordIncident(makeIncident({ time: at(10), lastTime: at(10), status: 503, diagnosis: botCheck }));
    expect(await hourlyCounts('example.com')).toEqual([]);

    // Logged from its headers as an outage; its page shows the bot check.
    const id = await recordIncident(
      makeIncident({ time: at(11), lastTime: at(11), status: 503, requestUrl: 'https://shop.example.com/b' }),
    );
    expect((await hourlyCounts('example.com')).map((r) => r.count)).toEqual([1]);
    await refineIncident(id, { diagnosis: botCheck, pageText: 'Just a moment...' });
    expect(await hourlyCounts('example.com')).toEqual([]);
    // Still in the log, for exports that label it.
    expect((await allIncidents()).map((i) => i.diagnosis.falseAlarm)).toEqual([true, true]);
    await prune(at(13), 0, 1000);
    expect(await hourlyCounts('example.com')).toEqual([]);
  });
});
