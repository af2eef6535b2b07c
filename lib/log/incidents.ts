import { addHourly, countSite, db, siteRange, type WriteTx } from './db';
import { MAX_COUNT, MAX_SITE_INCIDENTS } from './limits';
import { type HourlyCount, type Incident, LOCAL_SOURCE, type OtherNetworksCheck, type SiteSummary } from './model';

/** Repeats of the same URL and status closer together than this become one incident. */
const COALESCE_WINDOW_MS = 60_000;
/** How far back a folded failure looks for its site's latest incident of the same status. */
const FOLD_SEARCH = 200;

/** Adds failures to an incident's count, up to the log's bound (./limits.ts). */
function countOn(incident: Incident, more: Incident): Incident {
  return {
    ...incident,
    count: Math.min(MAX_COUNT, incident.count + more.count),
    lastTime: Math.max(incident.lastTime, more.lastTime),
  };
}

/** A stored incident and the way to write it back. */
interface Held {
  value: Incident;
  update(value: Incident): Promise<unknown>;
}

/** Whether a failure counts on in an incident: the same status, source and (network errors) NEL type. */
const sameKind = (a: Incident, b: Incident) =>
  a.status === b.status && a.source === b.source && a.network?.type === b.network?.type;

/** The site's newest incident of the same kind, for a failure to count on in. */
async function foldTarget(tx: WriteTx, incident: Incident): Promise<Held | null> {
  const index = tx.objectStore('incidents').index('by-site');
  let cursor = await index.openCursor(siteRange(incident.site), 'prev');
  for (let seen = 0; cursor && seen < FOLD_SEARCH; seen++) {
    if (sameKind(cursor.value, incident)) return cursor;
    cursor = await cursor.continue();
  }
  return null;
}

/**
 * Records one failure and returns the id of the incident that holds it. A repeat of the
 * same request URL and status (for a network error, the same NEL type) within
 * COALESCE_WINDOW_MS of the last one is added to that incident (count + 1, lastTime moved on),
 * so every single failure is counted.
 *
 * A site that already holds MAX_SITE_INCIDENTS, or a failure the caller says its tab has
 * opened enough incidents for (`fold`, lib/failure/flow.ts), opens no new incident: it counts
 * on in the site's latest incident of the same status. Nothing is lost, and one page that
 * fails on thousands of distinct addresses cannot fill the log.
 */
export async function recordIncident(incident: Incident, fold = false): Promise<number> {
  const tx = (await db()).transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  const from = incident.time - COALESCE_WINDOW_MS;
  const range = IDBKeyRange.bound(
    [incident.requestUrl, incident.status, from],
    [incident.requestUrl, incident.status, incident.time + COALESCE_WINDOW_MS],
  );
  const incidents = tx.objectStore('incidents');
  const repeat = await incidents.index('by-repeat').openCursor(range, 'prev');
  let held: Held | null = repeat && sameKind(repeat.value, incident) ? repeat : null;
  if (!held && (fold || ((await tx.objectStore('sites').get(incident.site))?.count ?? 0) >= MAX_SITE_INCIDENTS)) {
    held = await foldTarget(tx, incident);
  }
  let id: number;
  if (held && held.value.id !== undefined) {
    await held.update(countOn(held.value, incident));
    id = held.value.id;
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

/**
 * Replaces what the page's body told about an incident (its diagnosis, what the page said),
 * keeping its counts. When the page shows it was a false alarm after all (or the other way
 * round), the chart's hourly count follows.
 */
export async function refineIncident(id: number, refined: Pick<Incident, 'diagnosis' | 'pageText'>): Promise<void> {
  const tx = (await db()).transaction(['incidents', 'hourly'], 'readwrite');
  const incidents = tx.objectStore('incidents');
  const incident = await incidents.get(id);
  if (incident) {
    const next = { ...incident, diagnosis: refined.diagnosis, pageText: refined.pageText };
    await incidents.put(next);
    if (incident.diagnosis.falseAlarm !== next.diagnosis.falseAlarm) {
      await addHourly(tx, incident, -1);
      await addHourly(tx, next, 1);
    }
  }
  await tx.done;
}

/**
 * Keeps a check from other networks with the failure it was about (the latest one replaces an
 * earlier one), so that it is in the site's log and goes out with the incident's exports.
 * False when the incident is no longer in the log.
 */
export async function attachOtherNetworks(id: number, check: OtherNetworksCheck): Promise<boolean> {
  const tx = (await db()).transaction('incidents', 'readwrite');
  const incident = await tx.store.get(id);
  if (incident) await tx.store.put({ ...incident, otherNetworks: check });
  await tx.done;
  return incident !== undefined;
}

/** One incident by its id; undefined when it is no longer in the log (cleared, or pruned). */
export async function incidentById(id: number): Promise<Incident | undefined> {
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

/**
 * The server IP this browser last connected to for `host` when it failed there, from its own
 * failures (never an import's): what a check's answer is compared with (lib/owner-tools/outbound.ts).
 */
export async function lastServerIp(site: string, host: string): Promise<string | null> {
  let cursor = await (await db()).transaction('incidents').store.index('by-site').openCursor(siteRange(site), 'prev');
  for (let seen = 0; cursor && seen < 100; seen++) {
    const { source, ip, requestUrl } = cursor.value;
    if (source === LOCAL_SOURCE && ip && URL.canParse(requestUrl) && new URL(requestUrl).host === host) return ip;
    cursor = await cursor.continue();
  }
  return null;
}
