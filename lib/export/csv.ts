import { requestIds } from '@/lib/diagnosis/request-ids';
import type { Incident } from '@/lib/log/model';
import { isoUtc } from '@/lib/log/time';

/** One column: its header and how to read it from an incident. */
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
  // Network errors (status 0): NEL's names, and the browser's own name for the error.
  ['phase', (i) => i.network?.phase],
  ['nel_type', (i) => i.network?.type],
  ['elapsed_time', (i) => i.network?.elapsed_time],
  ['error', (i) => i.network?.error],
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
