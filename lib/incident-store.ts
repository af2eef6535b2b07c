import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { type Diagnosis, diagnose } from './diagnose';
import { type Incident, LOCAL_SOURCE } from './incident';

/** IndexedDB layout. Bump DB_VERSION and add a step in `upgrade` for every change. */
export interface LogSchema extends DBSchema {
  incidents: {
    key: number;
    value: Incident;
    indexes: {
      /** [site, time]: one site's incidents in time order. */
      'by-site': [string, number];
      'by-time': number;
      /** [status, time]: filtering by code. */
      'by-status': [number, number];
      /** [requestUrl, status, lastTime]: finds the incident a repeat coalesces into. */
      'by-repeat': [string, number, number];
    };
  };
}

export const DB_NAME = '5xx-explainer';
export const DB_VERSION = 2;

/** Repeats of the same URL and status closer together than this become one incident. */
export const COALESCE_WINDOW_MS = 60_000;

type UpgradeTx = IDBPTransaction<LogSchema, 'incidents'[], 'versionchange'>;

/**
 * Schema steps, one per version. Each takes the database from the version before it, so a
 * log from any earlier version keeps all its data.
 */
async function upgrade(database: IDBPDatabase<LogSchema>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) {
    const incidents = database.createObjectStore('incidents', { keyPath: 'id', autoIncrement: true });
    incidents.createIndex('by-site', ['site', 'time']);
    incidents.createIndex('by-time', 'time');
  }
  if (oldVersion < 2) {
    // v2: coalesced repeats (count, lastTime), the local offset, where it was seen from, the diagnosis.
    const store = tx.objectStore('incidents');
    store.createIndex('by-status', ['status', 'time']);
    store.createIndex('by-repeat', ['requestUrl', 'status', 'lastTime']);
    let cursor = await store.openCursor();
    while (cursor) {
      const old = cursor.value as Partial<Incident> & Pick<Incident, 'time'>;
      await cursor.update({
        ...old,
        lastTime: old.lastTime ?? old.time,
        count: old.count ?? 1,
        tzOffset: old.tzOffset ?? 0,
        vantage: old.vantage ?? { browser: '', extension: '', networkLabel: '' },
        source: old.source ?? LOCAL_SOURCE,
        diagnosis:
          old.diagnosis ??
          diagnose(
            { status: old.status ?? 500, statusLine: old.statusLine, headers: old.headers ?? {}, url: '' },
            old.time,
          ),
      } as Incident);
      cursor = await cursor.continue();
    }
  }
}

let dbPromise: Promise<IDBPDatabase<LogSchema>> | undefined;

function db(): Promise<IDBPDatabase<LogSchema>> {
  dbPromise ??= openDB<LogSchema>(DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => void upgrade(database, oldVersion, tx),
  });
  // A failed open must not poison every later call.
  dbPromise.catch(() => {
    dbPromise = undefined;
  });
  return dbPromise;
}

/**
 * Records one failure and returns the id of the incident that holds it. A repeat of the
 * same request URL and status within COALESCE_WINDOW_MS of the last one is added to that
 * incident (count + 1, lastTime moved on), so every single failure is counted.
 */
export async function recordIncident(incident: Incident): Promise<number> {
  const tx = (await db()).transaction('incidents', 'readwrite');
  const from = incident.time - COALESCE_WINDOW_MS;
  const range = IDBKeyRange.bound(
    [incident.requestUrl, incident.status, from],
    [incident.requestUrl, incident.status, incident.time + COALESCE_WINDOW_MS],
  );
  const cursor = await tx.store.index('by-repeat').openCursor(range, 'prev');
  const same = cursor?.value;
  if (same && same.source === incident.source && same.id !== undefined) {
    await cursor.update({
      ...same,
      count: same.count + incident.count,
      lastTime: Math.max(same.lastTime, incident.lastTime),
    });
    await tx.done;
    return same.id;
  }
  const id = await tx.store.add(incident);
  await tx.done;
  return id;
}

/** Adds incidents as they are, without coalescing (imports). Returns how many were added. */
export async function addIncidents(incidents: readonly Incident[]): Promise<number> {
  const tx = (await db()).transaction('incidents', 'readwrite');
  for (const incident of incidents) void tx.store.add(incident);
  await tx.done;
  return incidents.length;
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
 * Every site with its count and last failure, most recent first. Walks the site index
 * by key only (no values are read), jumping from one site to the next.
 */
export async function siteSummaries(): Promise<SiteSummary[]> {
  const index = (await db()).transaction('incidents').store.index('by-site');
  const out: SiteSummary[] = [];
  let cursor = await index.openKeyCursor(null, 'prev');
  while (cursor) {
    const [site, last] = cursor.key;
    const count = await index.count(IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, last]));
    out.push({ site, count, last });
    // Continue at the largest key below this site: the previous site's newest entry.
    cursor = await cursor.continue([site, Number.NEGATIVE_INFINITY]);
  }
  return out.sort((a, b) => b.last - a.last);
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
  const tx = (await db()).transaction('incidents', 'readwrite');
  const range = IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, Number.POSITIVE_INFINITY]);
  let cursor = await tx.store.index('by-site').openKeyCursor(range);
  while (cursor) {
    void tx.store.delete(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Deletes everything ("Clear everything"). */
export async function clearAll(): Promise<void> {
  await (await db()).clear('incidents');
}

/**
 * Enforces retention: deletes incidents older than `maxAgeMs` before `now`, then the oldest
 * beyond `maxCount`. Runs apart from writes (an alarm), walking keys only. Returns how many
 * were deleted.
 */
export async function prune(now: number, maxAgeMs: number, maxCount: number): Promise<number> {
  const tx = (await db()).transaction('incidents', 'readwrite');
  const index = tx.store.index('by-time');
  const total = await tx.store.count();
  let deleted = 0;
  let cursor = await index.openKeyCursor(IDBKeyRange.upperBound(now - maxAgeMs, true));
  while (cursor) {
    void tx.store.delete(cursor.primaryKey);
    deleted++;
    cursor = await cursor.continue();
  }
  let excess = total - deleted - maxCount;
  if (excess > 0) {
    cursor = await index.openKeyCursor(IDBKeyRange.lowerBound(now - maxAgeMs));
    while (cursor && excess > 0) {
      void tx.store.delete(cursor.primaryKey);
      deleted++;
      excess--;
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return deleted;
}

/** Drops the cached connection; tests use it after deleting the database. */
export function closeStore(): void {
  void dbPromise?.then((d) => d.close());
  dbPromise = undefined;
}
