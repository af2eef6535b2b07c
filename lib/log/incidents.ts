import type { Diagnosis } from '@/lib/diagnosis/model';
import { addHourly, closeDb, countSite, db, type HourlyCount } from './db';
import type { Incident } from './incident';

export { DB_NAME, DB_VERSION, HOUR_MS, type HourlyCount } from './db';

/** Repeats of the same URL and status closer together than this become one incident. */
export const COALESCE_WINDOW_MS = 60_000;

/**
 * Records one failure and returns the id of the incident that holds it. A repeat of the
 * same request URL and status within COALESCE_WINDOW_MS of the last one is added to that
 * incident (count + 1, lastTime moved on), so every single failure is counted.
 */
export async function recordIncident(incident: Incident): Promise<number> {
  const tx = (await db()).transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  const from = incident.time - COALESCE_WINDOW_MS;
  const range = IDBKeyRange.bound(
    [incident.requestUrl, incident.status, from],
    [incident.requestUrl, incident.status, incident.time + COALESCE_WINDOW_MS],
  );
  const incidents = tx.objectStore('incidents');
  const cursor = await incidents.index('by-repeat').openCursor(range, 'prev');
  const same = cursor?.value;
  let id: number;
  if (same && same.source === incident.source && same.id !== undefined) {
    await cursor.update({
      ...same,
      count: same.count + incident.count,
      lastTime: Math.max(same.lastTime, incident.lastTime),
    });
    id = same.id;
    await countSite(tx, incident, 0);
  } else {
    id = await incidents.add(incident);
    await countSite(tx, incident, 1);
  }
  // The repeat is charted in its own hour (the incident's first hour may be the previous one).
  await addHourly(tx, incident, 1);
  await tx.done;
  return id;
}

/** Adds incidents as they are, without coalescing (imports). Returns how many were added. */
export async function addIncidents(incidents: readonly Incident[]): Promise<number> {
  const tx = (await db()).transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  for (const incident of incidents) {
    await tx.objectStore('incidents').add(incident);
    await addHourly(tx, incident, 1);
    await countSite(tx, incident, 1);
  }
  await tx.done;
  return incidents.length;
}

/** One site's hourly failure counts from `sinceHour` on (the chart's data). */
export async function hourlyCounts(site: string, sinceHour = 0): Promise<HourlyCount[]> {
  return (await db()).getAll(
    'hourly',
    IDBKeyRange.bound([site, sinceHour, 0], [site, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]),
  );
}

/** Replaces an incident's diagnosis (once the page's body refined it), keeping its counts. */
export async function refineDiagnosis(id: number, diagnosis: Diagnosis): Promise<void> {
  const tx = (await db()).transaction('incidents', 'readwrite');
  const incident = await tx.store.get(id);
  if (incident) await tx.store.put({ ...incident, diagnosis });
  await tx.done;
}

export async function getIncident(id: number): Promise<Incident | undefined> {
  return (await db()).get('incidents', id);
}

/** Which incidents to list: a site and/or a time range and/or a status, newest first. */
export interface Query {
  site?: string;
  status?: number;
  since?: number;
  until?: number;
  /** At most this many (default 100): the popup pages, it never loads everything. */
  limit?: number;
}

/** Incidents matching a query, newest first. */
export async function queryIncidents(query: Query = {}): Promise<Incident[]> {
  const { site, status, since = Number.NEGATIVE_INFINITY, until = Number.POSITIVE_INFINITY, limit = 100 } = query;
  const store = (await db()).transaction('incidents').store;
  const cursorOf = () => {
    if (site !== undefined)
      return store.index('by-site').openCursor(IDBKeyRange.bound([site, since], [site, until]), 'prev');
    if (status !== undefined)
      return store.index('by-status').openCursor(IDBKeyRange.bound([status, since], [status, until]), 'prev');
    return store.index('by-time').openCursor(IDBKeyRange.bound(since, until), 'prev');
  };
  const out: Incident[] = [];
  let cursor = await cursorOf();
  while (cursor && out.length < limit) {
    if (status === undefined || cursor.value.status === status) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** One site's incidents, newest first, at most `limit`. */
export function siteIncidents(site: string, limit = 100): Promise<Incident[]> {
  return queryIncidents({ site, limit });
}

/** A site in the log, with how many incidents it has and when the last one was. */
export interface SiteSummary {
  site: string;
  /** Incidents (each may stand for several coalesced failures). */
  count: number;
  last: number;
}

/**
 * Every site with its count and last failure, most recent first: one read of the per-site rows
 * (lib/db.ts), whatever the size of the log.
 */
export async function siteSummaries(): Promise<SiteSummary[]> {
  const rows = await (await db()).getAll('sites');
  return rows.map(({ site, count, last }) => ({ site, count, last })).sort((a, b) => b.last - a.last);
}

/** Every incident (or one site's), oldest first, for export. */
export async function allIncidents(site?: string): Promise<Incident[]> {
  const database = await db();
  if (site === undefined) return database.getAllFromIndex('incidents', 'by-time');
  return database.getAllFromIndex(
    'incidents',
    'by-site',
    IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, Number.POSITIVE_INFINITY]),
  );
}

/** How many incidents the log holds. */
export async function countIncidents(): Promise<number> {
  return (await db()).count('incidents');
}

/** Deletes one site's incidents ("Clear this site"). */
export async function clearSite(site: string): Promise<void> {
  const tx = (await db()).transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  const incidents = tx.objectStore('incidents');
  const range = IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, Number.POSITIVE_INFINITY]);
  let cursor = await incidents.index('by-site').openKeyCursor(range);
  while (cursor) {
    void incidents.delete(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  void tx
    .objectStore('hourly')
    .delete(IDBKeyRange.bound([site, 0, 0], [site, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]));
  void tx.objectStore('sites').delete(site);
  await tx.done;
}

/** Deletes everything ("Clear everything"). */
export async function clearAll(): Promise<void> {
  const tx = (await db()).transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  void tx.objectStore('incidents').clear();
  void tx.objectStore('hourly').clear();
  void tx.objectStore('sites').clear();
  await tx.done;
}

/**
 * Enforces retention: deletes incidents older than `maxAgeMs` before `now`, then the oldest
 * beyond `maxCount`. Runs apart from writes (an alarm), walking keys only. Returns how many
 * were deleted.
 */
export async function prune(now: number, maxAgeMs: number, maxCount: number): Promise<number> {
  const tx = (await db()).transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  const incidents = tx.objectStore('incidents');
  const index = incidents.index('by-time');
  const total = await incidents.count();
  let deleted = 0;
  // Values, not just keys: each deleted incident's failures leave the hourly counts too. (A
  // repeat coalesced across an hour boundary is taken from the first hour: close enough.)
  const drop = async (range: IDBKeyRange, limit: number) => {
    let cursor = await index.openCursor(range);
    while (cursor && limit-- > 0) {
      await addHourly(tx, cursor.value, -1);
      await countSite(tx, cursor.value, -1);
      void cursor.delete();
      deleted++;
      cursor = await cursor.continue();
    }
  };
  await drop(IDBKeyRange.upperBound(now - maxAgeMs, true), Number.POSITIVE_INFINITY);
  const excess = total - deleted - maxCount;
  if (excess > 0) await drop(IDBKeyRange.lowerBound(now - maxAgeMs), excess);
  await tx.done;
  return deleted;
}

/** Drops the cached connection; tests use it after deleting the database. */
export const closeStore = closeDb;
