import type { Diagnosis } from '@/lib/diagnosis/model';
import { requestIds } from '@/lib/diagnosis/request-ids';
import type { Incident } from '@/lib/log/model';
import { isoLocal, isoUtc } from '@/lib/log/time';

/** The id of the layer that most likely failed (`nginx`, `app`, `origin`…). */
function failingLayer({ failing, chain }: Diagnosis): string | undefined {
  return failing === null ? undefined : chain[failing]?.id;
}

/**
 * One column: its header and how to read it from an incident. New columns go at the end, so
 * that a sheet that reads columns by position keeps working.
 */
const COLUMNS: readonly [string, (i: Incident) => string | number | boolean | null | undefined][] = [
  ['id', (i) => i.id],
  ['time_utc', (i) => isoUtc(i.time)],
  ['site', (i) => i.site],
  ['status', (i) => i.status],
  ['status_line', (i) => i.statusLine],
  ['type', (i) => i.type],
  ['method', (i) => i.method],
  ['page_url', (i) => i.pageUrl],
  ['request_url', (i) => i.requestUrl],
  ['server_ip', (i) => i.ip],
  ['from_cache', (i) => i.fromCache],
  ['server', (i) => i.headers.server],
  ['request_id', (i) => requestIds(i.headers)[0]?.value],
  ['request_id_header', (i) => requestIds(i.headers)[0]?.header],
  ['count', (i) => i.count],
  ['last_time_utc', (i) => isoUtc(i.lastTime)],
  ['time_local', (i) => isoLocal(i.time, i.tzOffset)],
  ['failing_layer', (i) => failingLayer(i.diagnosis)],
  ['cause', (i) => i.diagnosis.causes[0]?.id],
  // Incidents logged before diagnoses said how sure they are have none: the cell stays empty.
  ['confidence', (i) => i.diagnosis.confidence],
  ['false_alarm', (i) => i.diagnosis.falseAlarm],
  ['page_id', (i) => i.diagnosis.pageIds[0]?.value],
  ['edge', (i) => i.diagnosis.edge?.pop],
  ['retry_after', (i) => i.diagnosis.retryAfter?.seconds],
];

/**
 * Quotes a cell per RFC 4180, and defuses spreadsheet formulas: a cell that starts with
 * = + - @ or a control character is prefixed with an apostrophe (OWASP's advice).
 */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One header row and one row per incident, CRLF line ends, as spreadsheets expect. */
export function toCsv(incidents: readonly Incident[]): string {
  const rows = [COLUMNS.map(([name]) => name).join(',')];
  for (const incident of incidents) rows.push(COLUMNS.map(([, read]) => csvCell(read(incident))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
