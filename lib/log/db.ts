import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { type CheckRecord, HOUR_MS, type HourlyCount, type Incident, LOCAL_SOURCE, type SiteSummary } from './model';

/**
 * The one place that opens IndexedDB: its layout, its migrations and the shared connection.
 * ./incidents.ts, ./checks.ts, ./clear.ts and ./retention.ts read and write through `db()`.
 * Every store is cleared by "Clear this site" and "Clear everything" (./clear.ts) and pruned
 * by retention (./retention.ts); test/unit/log/db.test.ts fails when one is left out.
 */

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
  /**
   * Failures per site, hour and status, kept in step with `incidents` in the same
   * transactions: the popup's chart reads a few hundred of these instead of every incident.
   */
  hourly: {
    key: [string, number, number];
    value: HourlyCount;
  };
  /**
   * One row per site: its incident count and last failure, kept in step with `incidents` like
   * `hourly`, so the popup lists every site without counting through the log.
   */
  sites: {
    key: string;
    value: SiteSummary;
  };
  /** "Check now" and watch results, with the network they were made from. */
  checks: {
    key: number;
    value: CheckRecord;
    indexes: {
      /** [site, time]: one site's checks in time order. */
      'by-site': [string, number];
      'by-time': number;
    };
  };
}

/** @internal The database's name, for tests and benchmarks that open it themselves. */
export const DB_NAME = '5xx-explainer';
const DB_VERSION = 5;

/** Every object store, for the transactions that must cover all of them. */
export const STORES: StoreNames<LogSchema>[] = ['incidents', 'hourly', 'sites', 'checks'];

type UpgradeTx = IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'versionchange'>;
/** A write transaction over the incidents and their hourly counts. */
export type WriteTx = IDBPTransaction<LogSchema, ('incidents' | 'hourly' | 'sites')[], 'readwrite'>;

/** Runs `step` on every incident already logged, one after the other, inside an upgrade. */
async function eachIncident(tx: UpgradeTx, step: (incident: Incident) => Promise<void>): Promise<void> {
  let cursor = await tx.objectStore('incidents').openCursor();
  while (cursor) {
    await step(cursor.value);
    cursor = await cursor.continue();
  }
}

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
  if (oldVersion < 3) {
    // v3: the hourly counts behind the chart, built from what is already logged.
    database.createObjectStore('hourly', { keyPath: ['site', 'hour', 'status'] });
    await eachIncident(tx, (incident) => addHourly(tx as unknown as WriteTx, incident, 1));
  }
  if (oldVersion < 4) {
    // v4: "Check now" and watch results.
    const checks = database.createObjectStore('checks', { keyPath: 'id', autoIncrement: true });
    checks.createIndex('by-site', ['site', 'time']);
    checks.createIndex('by-time', 'time');
  }
  if (oldVersion < 5) {
    // v5: the per-site rows behind the popup's list of sites, built from what is logged.
    database.createObjectStore('sites', { keyPath: 'site' });
    await eachIncident(tx, (incident) => countSite(tx as unknown as WriteTx, incident, 1));
  }
}

/** Every [site, time] key of one site: the `by-site` indexes' range for it. */
export function siteRange(site: string): IDBKeyRange {
  return IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, Number.POSITIVE_INFINITY]);
}

/**
 * Keeps a site's row in step: `change` is +1 for a new incident, -1 for a deleted one, 0 for a
 * repeat coalesced into an existing one (only the last failure moves on).
 */
export async function countSite(tx: WriteTx, incident: Incident, change: 1 | 0 | -1): Promise<void> {
  const sites = tx.objectStore('sites');
  const row = await sites.get(incident.site);
  const count = (row?.count ?? 0) + change;
  if (count <= 0) {
    if (row) await sites.delete(incident.site);
    return;
  }
  const last = change < 0 ? (row?.last ?? incident.lastTime) : Math.max(row?.last ?? 0, incident.lastTime);
  await sites.put({ site: incident.site, count, last });
}

/**
 * Adds (sign 1) or removes (sign -1) an incident's failures to its hour's count. A false alarm
 * (a bot check, a Wi-Fi login) is not an outage: the chart leaves it out.
 */
export async function addHourly(tx: Pick<WriteTx, 'objectStore'>, incident: Incident, sign: 1 | -1): Promise<void> {
  if (incident.diagnosis?.falseAlarm) return;
  const key: [string, number, number] = [incident.site, Math.floor(incident.time / HOUR_MS), incident.status];
  const hourly = tx.objectStore('hourly');
  const row = await hourly.get(key);
  const count = (row?.count ?? 0) + sign * incident.count;
  if (count > 0) await hourly.put({ site: key[0], hour: key[1], status: key[2], count });
  else if (row) await hourly.delete(key);
}

let dbPromise: Promise<IDBPDatabase<LogSchema>> | undefined;

/** The shared connection, opened (and upgraded) on first use. */
export function db(): Promise<IDBPDatabase<LogSchema>> {
  dbPromise ??= openDB<LogSchema>(DB_NAME, DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => void upgrade(database, oldVersion, tx),
  });
  // A failed open must not poison every later call.
  dbPromise.catch(() => {
    dbPromise = undefined;
  });
  return dbPromise;
}

/** @internal Drops the cached connection; tests use it after deleting the database. */
export function closeDb(): void {
  void dbPromise?.then((d) => d.close());
  dbPromise = undefined;
}
