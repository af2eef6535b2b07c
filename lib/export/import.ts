import { diagnose } from '@/lib/diagnosis/diagnose';
import { diagnoseNetworkError } from '@/lib/diagnosis/network';
import { classifyNetworkError, type NetworkErrorRow, networkErrorRow } from '@/lib/diagnosis/tables/network-errors';
import type { Phrase } from '@/lib/i18n/translate';
import type { Incident, NetworkFailure, Vantage } from '@/lib/log/model';
import { redactUrl } from '@/lib/log/redact';
import { pickSafeHeaders } from '@/lib/log/safe-headers';
import { EXPORT_FORMAT, EXPORT_VERSION } from './json';

/** Largest file we read: far above any real export, far below what would hurt the browser. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_IMPORT_INCIDENTS = 200_000;

export type ImportResult = { ok: true; incidents: Incident[] } | { ok: false; error: Phrase };

/** A field that failed validation; the error names it, never echoes its value. */
class Invalid extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

function str(value: unknown, what: string, max = 8192): string {
  if (typeof value !== 'string' || value.length > max) throw new Invalid(what);
  return value;
}

function num(value: unknown, what: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Invalid(what);
  }
  return value;
}

function httpUrl(value: unknown, what: string): string {
  const text = str(value, what);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Invalid(what);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Invalid(what);
  // Someone else's log may hold secrets ours never would: redact again.
  return redactUrl(text);
}

function optional<T>(value: unknown, read: (v: unknown) => T): T | undefined {
  return value === undefined || value === null ? undefined : read(value);
}

function vantageOf(value: unknown): Vantage {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    browser: optional(v.browser, (x) => str(x, 'browser', 200)) ?? '',
    extension: optional(v.extension, (x) => str(x, 'extension version', 50)) ?? '',
    online: optional(v.online, (x) => (typeof x === 'boolean' ? x : undefined)),
    connection: optional(v.connection, (x) => str(x, 'connection', 50)),
    effectiveType: optional(v.effectiveType, (x) => str(x, 'effective type', 50)),
    networkLabel: optional(v.networkLabel, (x) => str(x, 'network label', 80)) ?? '',
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
  const error = str(n.error, at('network.error'), 200);
  const classified = classifyNetworkError(error, requestUrl);
  const row = classified?.kind === 'failure' ? classified.row : networkErrorRow(str(n.id ?? '', at('network.id'), 40));
  if (!row) throw new Invalid(at('network.error'));
  if (n.phase !== undefined && n.phase !== row.phase) throw new Invalid(at('network.phase'));
  if (n.type !== undefined && n.type !== row.type) throw new Invalid(at('network.type'));
  const elapsed = optional(n.elapsed_time, (x) => num(x, at('network.elapsed_time'), 0, 8.64e7)) ?? null;
  return {
    row,
    network: {
      error,
      id: row.id,
      phase: row.phase,
      type: row.type,
      elapsed_time: elapsed === null ? null : Math.round(elapsed),
      server_ip: row.phase === 'dns' ? '' : (ip ?? ''),
    },
  };
}

/** Validates one incident from a file and rebuilds it field by field: nothing else gets in. */
function incidentOf(value: unknown, index: number, source: string): Incident {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Invalid(`#${index + 1}`);
  }
  const v = value as Record<string, unknown>;
  const at = (what: string) => `#${index + 1} ${what}`;
  const time = num(v.time, at('time'), 0, 8.64e15);
  const lastTime = num(v.lastTime ?? time, at('lastTime'), time, 8.64e15);
  const count = num(v.count ?? 1, at('count'), 1, 1e9);
  const tzOffset = num(v.tzOffset ?? 0, at('tzOffset'), -840, 840);
  const pageUrl = httpUrl(v.pageUrl, at('pageUrl'));
  const requestUrl = httpUrl(v.requestUrl, at('requestUrl'));
  const site = str(v.site, at('site'), 253);
  const ip = optional(v.ip, (x) => str(x, at('ip'), 64)) ?? null;
  // A network error has status 0 (no response) and its own record; everything else is a 5xx.
  const failed = v.network === undefined || v.network === null ? null : networkOf(v.network, at, requestUrl, ip);
  const status = failed ? num(v.status, at('status'), 0, 0) : num(v.status, at('status'), 500, 599);
  const statusLine = str(v.statusLine, at('statusLine'), 200);
  const raw = v.headers;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Invalid(at('headers'));
  const headers = pickSafeHeaders(
    Object.entries(raw).map(([name, val]) => ({ name, value: typeof val === 'string' ? val : undefined })),
  );
  return {
    time,
    lastTime,
    count,
    tzOffset,
    pageUrl,
    requestUrl,
    site,
    status,
    statusLine,
    type: str(v.type, at('type'), 40),
    method: str(v.method, at('method'), 20),
    tabId: -1,
    frameId: num(v.frameId ?? 0, at('frameId')),
    ip,
    fromCache: v.fromCache === true,
    headers,
    vantage: vantageOf(v.vantage),
    source,
    // Never trust a diagnosis from a file: make our own from what the file says was received.
    diagnosis: failed
      ? diagnoseNetworkError(failed.row, failed.network.error)
      : diagnose({ status, statusLine, headers, url: requestUrl }, time),
    ...(failed ? { network: failed.network } : {}),
  };
}

/**
 * Reads a JSON export from another browser. Either every incident is valid and comes back
 * labelled with `source`, or the whole file is rejected with words a person can act on.
 */
export function parseImport(text: string, source: string): ImportResult {
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
  try {
    return { ok: true, incidents: f.incidents.map((v, i) => incidentOf(v, i, source)) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: { key: 'import_damaged', subs: [error.field] } };
    throw error;
  }
}
