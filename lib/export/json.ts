import type { Incident } from '@/lib/log/model';

/** Identifies our export files; bump EXPORT_VERSION when a field changes meaning. */
export const EXPORT_FORMAT = '5xx-explainer-log';
export const EXPORT_VERSION = 1;

/** The JSON export: documented field by field in the README. */
interface JsonExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO-8601 UTC time the file was made. */
  exportedAt: string;
  /** The extension version that made it. */
  generator: string;
  incidents: Incident[];
}

export function toJson(incidents: readonly Incident[], now: number, generator: string): string {
  const file: JsonExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    generator,
    incidents: [...incidents],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
