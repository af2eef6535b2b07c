import type { Incident } from '@/lib/log/model';
import { redactIncident } from '@/lib/log/redact';
import { toCsv } from './csv';
import { toHar } from './har';
import { toJson } from './json';

export type ExportFormat = 'json' | 'csv' | 'har';

/** A file ready to save. */
export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

/** Each format's type and text. */
const FORMATS: Readonly<
  Record<ExportFormat, { mime: string; text: (incidents: readonly Incident[], now: number, version: string) => string }>
> = {
  json: { mime: 'application/json', text: toJson },
  csv: { mime: 'text/csv', text: (incidents) => toCsv(incidents) },
  har: {
    mime: 'application/json',
    text: (incidents, _now, version) => `${JSON.stringify(toHar(incidents, version), null, 2)}\n`,
  },
};

/** Builds an export file: `5xx-log[-site]-YYYY-MM-DD.ext`. */
export function exportFile(
  format: ExportFormat,
  incidents: readonly Incident[],
  now: number,
  version: string,
  site?: string,
): ExportFile {
  const day = new Date(now).toISOString().slice(0, 10);
  const base = `5xx-log${site ? `-${site.replace(/[^a-z0-9.-]/gi, '_')}` : ''}-${day}`;
  const { mime, text } = FORMATS[format];
  // Redacted again on the way out: a log an older version kept may hold what this one strips.
  return { name: `${base}.${format}`, mime, text: text(incidents.map(redactIncident), now, version) };
}
