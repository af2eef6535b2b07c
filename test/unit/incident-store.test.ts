import { beforeEach, describe, expect, it } from 'vitest';
import {
  addIncident,
  allIncidents,
  closeStore,
  DB_NAME,
  getIncident,
  siteIncidents,
  siteSummaries,
} from '../../lib/incident-store';
import { makeIncident } from './helpers/incidents';

beforeEach(async () => {
  closeStore();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
});

describe('incident store', () => {
  it('stores an incident and gives it an id', async () => {
    const id = await addIncident(makeIncident());
    expect(await getIncident(id)).toMatchObject({ id, status: 502, site: 'example.com' });
  });

  it('lists one site newest first, up to a limit', async () => {
    for (const [site, time] of [
      ['example.com', 1],
      ['other.org', 2],
      ['example.com', 3],
      ['example.com', 2],
    ] as const) {
      await addIncident(makeIncident({ site, time }));
    }
    expect((await siteIncidents('example.com')).map((i) => i.time)).toEqual([3, 2, 1]);
    expect((await siteIncidents('example.com', 2)).map((i) => i.time)).toEqual([3, 2]);
    expect(await siteIncidents('nowhere.net')).toEqual([]);
  });

  it('summarises every site with its count and last failure, most recent first', async () => {
    await addIncident(makeIncident({ site: 'a.com', time: 10 }));
    await addIncident(makeIncident({ site: 'b.com', time: 30 }));
    await addIncident(makeIncident({ site: 'a.com', time: 20 }));
    await addIncident(makeIncident({ site: 'c.com', time: 5 }));
    await addIncident(makeIncident({ site: 'a.com', time: 15 }));
    expect(await siteSummaries()).toEqual([
      { site: 'b.com', count: 1, last: 30 },
      { site: 'a.com', count: 3, last: 20 },
      { site: 'c.com', count: 1, last: 5 },
    ]);
  });

  it('returns everything oldest first for export', async () => {
    await addIncident(makeIncident({ time: 2 }));
    await addIncident(makeIncident({ time: 1 }));
    expect((await allIncidents()).map((i) => i.time)).toEqual([1, 2]);
  });

  it('has an empty log to begin with', async () => {
    expect(await siteSummaries()).toEqual([]);
    expect(await allIncidents()).toEqual([]);
  });
});
