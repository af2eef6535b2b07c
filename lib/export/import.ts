import { diagnose } from '@/lib/diagnosis/diagnose';
import { diagnoseNetworkError } from '@/lib/diagnosis/network';
import { classifyNetworkError, type NetworkErrorRow, networkErrorRow } from '@/lib/diagnosis/tables/network-errors';
import type { Phrase } from '@/lib/i18n/translate';
import {
  hasControl,
  INCIDENT_TYPES,
  isIp,
  isMethod,
  isPlausibleTime,
  isStatusLine,
  keepText,
  MAX_COUNT,
  MAX_URL_CHARS,
  VANTAGE_LIMITS,
} from '@/lib/log/limits';
import { type Incident, LOCAL_SOURCE, type NetworkFailure, type Vantage } from '@/lib/log/model';
import { cleanPageText, MAX_PAGE_TEXT } from '@/lib/log/page-text';
import { redactHeaders, redactUrl } from '@/lib/log/redact';
import { pickSafeHeaders } from '@/lib/log/safe-headers';
import { readOtherNetworks } from './import-other-networks';
import { EXPORT_FORMAT, EXPORT_VERSION } from './json';

/** Largest file we read: far above any real export, far below what would hurt the browser. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_IMPORT_INCIDENTS = 200_000;

export type ImportResult = { ok: true; incidents: Incident[] } | { ok: false; error: Phrase };

/** A field that failed validation; the error names it, never echoes its value. */
class Invalid extends Error {
  constructor(
    readonly field: string,
    readonly key: 'import_damaged' | 'import_time' = 'import_damaged',
  ) {
    super(field);
  }
}

/** A string of at most `max` characters with no control character in it. */
function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.length > max || hasControl(value)) throw new Invalid(what);
  return value;
}

function int(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new Invalid(what);
  return value;
}

/** An http(s) address within the log's limit, redacted again: someone else's log may hold secrets ours never would. */
function httpUrl(value: unknown, what: string): string {
  const raw = text(value, what, MAX_URL_CHARS);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Invalid(what);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Invalid(what);
  return redactUrl(raw);
}

/** A field that may be left out; `fallback` stands in for it then. */
function optional<T>(value: unknown, read: (v: unknown) => T, fallback: T): T {
  return value === undefined || value === null ? fallback : read(value);
}

function vantageOf(value: unknown, at: (what: string) => string): Vantage {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new Invalid(at('vantage'));
  }
  const v = (value ?? {}) as Record<string, unknown>;
  const field = (key: keyof typeof VANTAGE_LIMITS) => (x: unknown) => text(x, at(key), VANTAGE_LIMITS[key]);
  const online = optional(v.online, (x) => (typeof x === 'boolean' ? x : undefined), undefined);
  const connection = optional(v.connection, field('connection'), undefined);
  const effectiveType = optional(v.effectiveType, field('effectiveType'), undefined);
  return {
    browser: optional(v.browser, field('browser'), ''),
    extension: optional(v.extension, field('extension'), ''),
    ...(online === undefined ? {} : { online }),
    ...(connection === undefined ? {} : { connection }),
    ...(effectiveType === undefined ? {} : { effectiveType }),
    networkLabel: optional(v.networkLabel, field('networkLabel'), ''),
  };
}

/**
 * A network error from a file: its browser name must be one our table explains (or, from a
 * browser whose names we do not know, its row id must be ours), and its NEL phase and type, when
 * given, must be that row's. Rebuilt from the row, so the file cannot make up a type.
 */
function networkOf(
  value: unknown,
  at: (what: string) => string,
  requestUrl: string,
  ip: string | null,
): { network: NetworkFailure; row: NetworkErrorRow } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(at('network'));
  const n = value as Record<string, unknown>;
  const error = text(n.error, at('network.error'), 200);
  const classified = classifyNetworkError(error, requestUrl);
  const row = classified?.kind === 'failure' ? classified.row : networkErrorRow(text(n.id ?? '', at('network.id'), 40));
  if (!row) throw new Invalid(at('network.error'));
  if (n.phase !== undefined && n.phase !== row.phase) throw new Invalid(at('network.phase'));
  if (n.type !== undefined && n.type !== row.type) throw new Invalid(at('network.type'));
  const elapsed = optional(n.elapsed_time, (x) => int(x, at('network.elapsed_time'), 0, 86_400_000), null);
  return {
    row,
    network: {
      error,
      id: row.id,
      phase: row.phase,
      type: row.type,
      elapsed_time: elapsed,
      server_ip: row.phase === 'dns' ? '' : (ip ?? ''),
    },
  };
}

/** Response headers: names from the allowlist only, values without control characters, redacted. */
function headersOf(value: unknown, what: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(what);
  const entries = Object.entries(value);
  for (const [, v] of entries) if (typeof v === 'string' && hasControl(v)) throw new Invalid(what);
  return redactHeaders(
    pickSafeHeaders(entries.map(([name, v]) => ({ name, value: typeof v === 'string' ? v : undefined }))),
  );
}

/**
 * Validates one incident from a file and rebuilds it field by field: nothing else gets in, and
 * each field is what it says it is, within the limits the log keeps at record time
 * (lib/log/limits.ts). The site comes from the page's address, never from the file.
 */
function incidentOf(value: unknown, index: number, source: string, now: number, siteOf: SiteOf): Incident {
  const at = (what: string) => `#${index + 1} ${what}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(`#${index + 1}`);
  const v = value as Record<string, unknown>;
  const time = int(v.time, at('time'), 0, Number.MAX_SAFE_INTEGER);
  if (!isPlausibleTime(time, now)) throw new Invalid(at('time'), 'import_time');
  const lastTime = optional(v.lastTime, (x) => int(x, at('lastTime'), time, Number.MAX_SAFE_INTEGER), time);
  if (!isPlausibleTime(lastTime, now)) throw new Invalid(at('lastTime'), 'import_time');
  const pageUrl = httpUrl(v.pageUrl, at('pageUrl'));
  const requestUrl = httpUrl(v.requestUrl, at('requestUrl'));
  const type = text(v.type, at('type'), 40);
  if (!INCIDENT_TYPES.has(type)) throw new Invalid(at('type'));
  const method = text(v.method, at('method'), 20);
  if (!isMethod(method)) throw new Invalid(at('method'));
  const ip = optional(v.ip, (x) => text(x, at('ip'), 45), null);
  if (ip !== null && !isIp(ip)) throw new Invalid(at('ip'));
  // A network error has status 0 (no response), no status line and its own record; everything else is a 5xx.
  const failed = v.network === undefined || v.network === null ? null : networkOf(v.network, at, requestUrl, ip);
  const status = failed ? int(v.status, at('status'), 0, 0) : int(v.status, at('status'), 500, 599);
  const statusLine = text(v.statusLine, at('statusLine'), 200);
  if (failed ? statusLine !== '' : !isStatusLine(statusLine, status)) throw new Invalid(at('statusLine'));
  const headers = headersOf(v.headers, at('headers'));
  const site = siteOf(pageUrl);
  if (!site) throw new Invalid(at('pageUrl'));
  // Bounded as recorded, and cleaned and redacted again: the file may not be ours.
  const pageText = optional(v.pageText, (x) => cleanPageText(text(x, at('pageText'), MAX_PAGE_TEXT)), null);
  const otherNetworks = optional(
    v.otherNetworks,
    (x) => {
      const check = readOtherNetworks(x, now);
      if (typeof check === 'string') throw new Invalid(at(`otherNetworks${check ? `.${check}` : ''}`));
      return check;
    },
    null,
  );
  return {
    time,
    lastTime,
    count: optional(v.count, (x) => int(x, at('count'), 1, MAX_COUNT), 1),
    tzOffset: optional(v.tzOffset, (x) => int(x, at('tzOffset'), -840, 840), 0),
    pageUrl,
    requestUrl,
    site,
    status,
    statusLine,
    type,
    method,
    tabId: -1,
    frameId: optional(v.frameId, (x) => int(x, at('frameId'), -1, Number.MAX_SAFE_INTEGER), 0),
    ip,
    fromCache: v.fromCache === true,
    headers,
    vantage: vantageOf(v.vantage, at),
    source,
    // Never trust a diagnosis from a file: make our own from what the file says was received.
    diagnosis: failed
      ? diagnoseNetworkError(failed.row, failed.network.error)
      : diagnose({ status, statusLine, headers, url: requestUrl }, time),
    ...(failed ? { network: failed.network } : {}),
    ...(pageText ? { pageText } : {}),
    ...(otherNetworks ? { otherNetworks } : {}),
  };
}

/** Which site a URL belongs to (lib/site/). */
type SiteOf = (url: string) => string;

/**
 * Reads a JSON export from another browser. Either every incident is valid and comes back
 * labelled with `source`, or the whole file is refused with words a person can act on and
 * nothing is imported. `now` bounds the times a file may hold; `siteOf` recomputes each site.
 */
export function parseImport(text: string, source: string, now: number, siteOf: SiteOf): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: { key: 'import_too_large' } };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, error: { key: 'import_not_json' } };
  }
  const f = file as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null || f.format !== EXPORT_FORMAT) {
    return { ok: false, error: { key: 'import_not_ours' } };
  }
  if (typeof f.version !== 'number' || f.version > EXPORT_VERSION) {
    return { ok: false, error: { key: 'import_newer' } };
  }
  if (!Array.isArray(f.incidents)) return { ok: false, error: { key: 'import_no_list' } };
  if (f.incidents.length > MAX_IMPORT_INCIDENTS) return { ok: false, error: { key: 'import_too_many' } };
  const label = importLabel(source);
  try {
    return { ok: true, incidents: f.incidents.map((v, i) => incidentOf(v, i, label, now, siteOf)) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: { key: error.key, subs: [error.field] } };
    throw error;
  }
}

/** The label an import's incidents carry: the file's name, one line, bounded. */
export function importLabel(fileName: string): string {
  const label = keepText(fileName.replace(/\.json$/i, ''), 80).trim();
  // Never the label of this browser's own failures: those alone may become check targets.
  if (label.toLowerCase() === LOCAL_SOURCE) return `${label} (import)`;
  return label || 'import';
}
