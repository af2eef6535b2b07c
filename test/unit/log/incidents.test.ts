import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addIncidents,
  allIncidents,
  COALESCE_WINDOW_MS,
  clearAll,
  clearSite,
  closeStore,
  countIncidents,
  DB_NAME,
  getIncident,
  HOUR_MS,
  hourlyCounts,
  prune,
  queryIncidents,
  recordIncident,
  siteIncidents,
  siteSummaries,
} from '@/lib/log/incidents';
import { makeIncident } from '../helpers/incidents';

const DAY = 86_400_000;

beforeEach(async () => {
  closeStore();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
});

describe('recording', () => {
  it('stores an incident and gives it an id', async () => {
    const id = await recordIncident(makeIncident());
    expect(await getIncident(id)).toMatchObject({ id, status: 502, site: 'example.com', count: 1 });
  });

  it('coalesces repeats of the same URL and status, counting every failure', async () => {
    const t = 1_000_000;
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(await recordIncident(makeIncident({ time: t + i * 1000, lastTime: t + i * 1000 })));
    expect(new Set(ids).size).toBe(1);
    expect(await getIncident(ids[0] as number)).toMatchObject({ count: 5, time: t, lastTime: t + 4000 });
  });

  it('keeps separate incidents for another status, another URL, or after the window', async () => {
    const t = 1_000_000;
    await recordIncident(makeIncident({ time: t, lastTime: t }));
    await recordIncident(makeIncident({ time: t + 1, lastTime: t + 1, status: 504 }));
    await recordIncident(makeIncident({ time: t + 2, lastTime: t + 2, requestUrl: 'https://shop.example.com/b' }));
    const later = t + COALESCE_WINDOW_MS + 1;
    await recordIncident(makeIncident({ time: later, lastTime: later }));
    expect(await countIncidents()).toBe(4);
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
    expect((await siteIncidents('example.com')).map((i) => i.time)).toEqual([3, 2, 1]);
    expect((await siteIncidents('example.com', 2)).map((i) => i.time)).toEqual([3, 2]);
    expect(await siteIncidents('nowhere.net')).toEqual([]);
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

describe('clearing and retention', () => {
  it('clears one site, then everything', async () => {
    await recordIncident(makeIncident({ site: 'a.com', requestUrl: 'https://a.com/' }));
    await recordIncident(makeIncident({ site: 'b.com', requestUrl: 'https://b.com/' }));
    await clearSite('a.com');
    expect((await allIncidents()).map((i) => i.site)).toEqual(['b.com']);
    await clearAll();
    expect(await countIncidents()).toBe(0);
  });

  it('deletes incidents past the age limit, then the oldest beyond the count limit', async () => {
    for (let day = 0; day < 10; day++) {
      await recordIncident(makeIncident({ time: day * DAY, lastTime: day * DAY, requestUrl: `https://x.com/${day}` }));
    }
    const now = 10 * DAY;
    expect(await prune(now, 7 * DAY, 1000)).toBe(3);
    expect((await allIncidents()).map((i) => i.time / DAY)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(await prune(now, 7 * DAY, 4)).toBe(3);
    expect((await allIncidents()).map((i) => i.time / DAY)).toEqual([6, 7, 8, 9]);
    expect(await prune(now, 7 * DAY, 4)).toBe(0);
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
});

describe('schema upgrade', () => {
  it('keeps every incident of a version 1 log, filling the new fields', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(database) {
        const store = database.createObjectStore('incidents', { keyPath: 'id', autoIncrement: true });
        store.createIndex('by-site', ['site', 'time']);
        store.createIndex('by-time', 'time');
      },
    });
    const { lastTime, count, tzOffset, vantage, source, ...v1Shape } = makeIncident({ time: 1000 });
    await v1.add('incidents', v1Shape);
    await v1.add('incidents', { ...v1Shape, time: 2000, site: 'other.org', requestUrl: 'https://other.org/' });
    v1.close();

    const all = await allIncidents();
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ ...v1Shape, id: 1, lastTime: 1000, count: 1, tzOffset: 0, source: 'this browser' });
    expect((await siteSummaries()).map((s) => s.site)).toEqual(['other.org', 'example.com']);
    // The new indexes work on the old data: a repeat coalesces into the migrated incident.
    expect(await recordIncident(makeIncident({ time: 1500, lastTime: 1500 }))).toBe(1);
    expect((await getIncident(1))?.count).toBe(2);
    expect(await queryIncidents({ status: 502 })).toHaveLength(2);
    // v3 built the hourly counts from the migrated incidents.
    expect((await hourlyCounts('example.com')).reduce((n, r) => n + r.count, 0)).toBe(2);
  });
});
