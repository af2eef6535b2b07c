import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordCheck } from '@/lib/log/checks';
import { clearAll, clearSite } from '@/lib/log/clear';
import { DB_NAME, db } from '@/lib/log/db';
import { allIncidents, hourlyCounts, queryIncidents, recordIncident, siteSummaries } from '@/lib/log/incidents';
import { prune } from '@/lib/log/retention';
import { freshLog } from '../helpers/db';
import { makeCheck, makeIncident } from '../helpers/incidents';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 28);

beforeEach(freshLog);

/** Everything the log keeps about a site: one failure (incidents, hourly, sites) and one check. */
async function fill(site: string): Promise<void> {
  await recordIncident(makeIncident({ site, time: NOW - DAY, lastTime: NOW - DAY, requestUrl: `https://${site}/` }));
  await recordCheck(makeCheck({ site, time: NOW - DAY }));
}

/** The rows of every object store the schema has, by store: a new store is in here by itself. */
async function rowsByStore(): Promise<[string, { site?: unknown }[]][]> {
  const database = await db();
  const names = Array.from(database.objectStoreNames);
  return Promise.all(names.map(async (name) => [name, await database.getAll(name)] as [string, { site?: unknown }[]]));
}

// The rule: every object store is covered by "Clear this site", "Clear everything" and retention.
describe('every object store', () => {
  beforeEach(async () => {
    await fill('a.com');
    await fill('b.com');
  });

  it('is filled by a failure and a check, each row under its site (else teach fill() the new store)', async () => {
    const stores = await rowsByStore();
    expect(stores.map(([name]) => name).sort()).toEqual(['checks', 'hourly', 'incidents', 'sites']);
    for (const [name, rows] of stores) {
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) expect(typeof row.site, `a row of ${name} names its site`).toBe('string');
    }
  });

  it('loses one site’s rows, and only those, to "Clear this site"', async () => {
    await clearSite('a.com');
    for (const [name, rows] of await rowsByStore()) {
      expect(
        rows.map((row) => row.site),
        name,
      ).not.toContain('a.com');
      expect(
        rows.map((row) => row.site),
        name,
      ).toContain('b.com');
    }
  });

  it('is emptied by "Clear everything"', async () => {
    await clearAll();
    for (const [name, rows] of await rowsByStore()) expect(rows, name).toEqual([]);
  });

  it('is emptied by retention once everything is past the age limit', async () => {
    await prune(NOW + 365 * DAY, DAY, 1_000_000);
    for (const [name, rows] of await rowsByStore()) expect(rows, name).toEqual([]);
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
    expect((await allIncidents())[0]?.count).toBe(2);
    expect(await queryIncidents({ status: 502 })).toHaveLength(2);
    // v3 built the hourly counts from the migrated incidents.
    expect((await hourlyCounts('example.com')).reduce((n, r) => n + r.count, 0)).toBe(2);
  });
});
