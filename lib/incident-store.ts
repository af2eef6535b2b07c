import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Incident } from './incident';

/** IndexedDB layout. Bump DB_VERSION and add a step in `upgrade` for every change. */
interface LogSchema extends DBSchema {
  incidents: {
    key: number;
    value: Incident;
    indexes: {
      /** [site, time]: one site's incidents in time order. */
      'by-site': [string, number];
      'by-time': number;
    };
  };
}

export const DB_NAME = '5xx-explainer';
export const DB_VERSION = 1;

let dbPromise: Promise<IDBPDatabase<LogSchema>> | undefined;

function db(): Promise<IDBPDatabase<LogSchema>> {
  dbPromise ??= openDB<LogSchema>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const incidents = database.createObjectStore('incidents', { keyPath: 'id', autoIncrement: true });
        incidents.createIndex('by-site', ['site', 'time']);
        incidents.createIndex('by-time', 'time');
      }
    },
  });
  // A failed open must not poison every later call.
  dbPromise.catch(() => {
    dbPromise = undefined;
  });
  return dbPromise;
}

/** Stores an incident and returns its id. */
export async function addIncident(incident: Incident): Promise<number> {
  return (await db()).add('incidents', incident);
}

export async function getIncident(id: number): Promise<Incident | undefined> {
  return (await db()).get('incidents', id);
}

/** One site's incidents, newest first, at most `limit`. */
export async function siteIncidents(site: string, limit = 100): Promise<Incident[]> {
  const range = IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, Number.POSITIVE_INFINITY]);
  const out: Incident[] = [];
  let cursor = await (await db()).transaction('incidents').store.index('by-site').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** A site in the log, with how many incidents it has and when the last one was. */
export interface SiteSummary {
  site: string;
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

/** Every incident, oldest first (for export). */
export async function allIncidents(): Promise<Incident[]> {
  return (await db()).getAllFromIndex('incidents', 'by-time');
}

/** Drops the cached connection; tests use it after deleting the database. */
export function closeStore(): void {
  void dbPromise?.then((d) => d.close());
  dbPromise = undefined;
}
