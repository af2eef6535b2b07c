import type { Incident } from '@/lib/log/model';
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
  switch (format) {
    case 'json':
      return { name: `${base}.json`, mime: 'application/json', text: toJson(incidents, now, version) };
    case 'csv':
      return { name: `${base}.csv`, mime: 'text/csv', text: toCsv(incidents) };
    case 'har':
      return {
        name: `${base}.har`,
        mime: 'application/json',
        text: `${JSON.stringify(toHar(incidents, version), null, 2)}\n`,
      };
  }
}
