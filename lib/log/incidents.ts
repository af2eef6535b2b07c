import type { Diagnosis } from '@/lib/diagnosis/model';
import { addHourly, countSite, db, siteRange } from './db';
import type { HourlyCount, Incident, SiteSummary } from './model';

/** Repeats of the same URL and status closer together than this become one incident. */
const COALESCE_WINDOW_MS = 60_000;

/**
 * Records one failure and returns the id of the incident that holds it. A repeat of the
 * same request URL and status (for a network error, the same NEL type) within
 * COALESCE_WINDOW_MS of the last one is added to that incident (count + 1, lastTime moved on),
 * so every single failure is counted.
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
  if (
    same &&
    same.source === incident.source &&
    same.network?.type === incident.network?.type &&
    same.id !== undefined
  ) {
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

/**
 * Every site with its count and last failure, most recent first: one read of the per-site rows
 * (./db.ts), whatever the size of the log.
 */
export async function siteSummaries(): Promise<SiteSummary[]> {
  return (await (await db()).getAll('sites')).sort((a, b) => b.last - a.last);
}

/** Every incident (or one site's), oldest first, for export. */
export async function allIncidents(site?: string): Promise<Incident[]> {
  const database = await db();
  if (site === undefined) return database.getAllFromIndex('incidents', 'by-time');
  return database.getAllFromIndex('incidents', 'by-site', siteRange(site));
}
