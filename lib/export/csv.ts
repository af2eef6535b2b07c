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
  // Network errors (status 0): NEL's names, and the browser's own name for the error.
  ['phase', (i) => i.network?.phase],
  ['nel_type', (i) => i.network?.type],
  ['elapsed_time', (i) => i.network?.elapsed_time],
  ['error', (i) => i.network?.error],
  // The latest check from other networks (Globalping), when one was made.
  ['other_networks', (i) => i.otherNetworks?.verdict],
  ['other_networks_failing', (i) => i.otherNetworks && `${i.otherNetworks.failing}/${i.otherNetworks.answered}`],
  ['other_networks_time_utc', (i) => i.otherNetworks && isoUtc(i.otherNetworks.time)],
  ['other_networks_id', (i) => i.otherNetworks?.measurementId],
];

/** What a spreadsheet skips before it reads a cell: whitespace, controls, zero-width and format characters. */
const IGNORED_LEAD = /^[\s\p{Cc}\p{Cf}\p{Z}]*/u;
/** What makes a spreadsheet read a cell as a formula (full-width forms are folded by NFKC first). */
const FORMULA_START = /^[=+\-@]/;

/**
 * Quotes a cell per RFC 4180, and defuses spreadsheet formulas (OWASP's advice): text is
 * normalised (NFKC, so `＝` is `=`), and a cell that starts with a control character, or with
 * = + - @ once leading whitespace, BOMs and zero-width characters are skipped, is prefixed with
 * an apostrophe.
 */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') {
    text = text.normalize('NFKC');
    const lead = IGNORED_LEAD.exec(text)?.[0] ?? '';
    if (/[\p{Cc}\p{Cf}]/u.test(lead) || FORMULA_START.test(text.slice(lead.length))) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One header row and one row per incident, CRLF line ends, as spreadsheets expect. */
export function toCsv(incidents: readonly Incident[]): string {
  const rows = [COLUMNS.map(([name]) => name).join(',')];
  for (const incident of incidents) rows.push(COLUMNS.map(([, read]) => csvCell(read(incident))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
