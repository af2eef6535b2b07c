function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/** ISO-8601 in UTC with milliseconds: `2026-11-27T22:41:07.123Z`. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * ISO-8601 local time with milliseconds and the offset, e.g. `2026-11-27T23:41:07.123+01:00`.
 * `offsetMinutes` is minutes east of UTC (the negation of `Date#getTimezoneOffset`).
 */
export function isoLocal(ms: number, offsetMinutes: number): string {
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
  return `${shifted.toISOString().slice(0, -1)}${offset}`;
}

/** The machine's offset at `ms`, minutes east of UTC. */
export function localOffset(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

/** How a moment is written on screen. */
export type TimeStyle = 'moment' | 'clock' | 'day';

const STYLES: Readonly<Record<TimeStyle, Intl.DateTimeFormatOptions>> = {
  /** A whole moment with its zone, for lists: "Nov 27, 2026, 11:41:07 PM GMT+1", "27 Nov 2026, 23:41:07 CET". */
  moment: { dateStyle: 'medium', timeStyle: 'long' },
  /** A time of day, for an axis over hours: "11:41 PM", "23:41". */
  clock: { timeStyle: 'short' },
  /** A day, for an axis over days: "Nov 27". */
  day: { month: 'short', day: 'numeric' },
};

/** Which clock a moment is read on, and in which language. */
export interface Zone {
  /** In UTC, rather than in the local zone. */
  utc: boolean;
  /** A BCP 47 tag; the browser's own language when absent. */
  locale?: string;
  /** The local zone (IANA name); the machine's when absent. Tests set it. */
  local?: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(options: Intl.DateTimeFormatOptions, zone: Zone): Intl.DateTimeFormat {
  const key = `${JSON.stringify(options)} ${zone.utc} ${zone.locale} ${zone.local}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(zone.locale, { ...options, timeZone: zone.utc ? 'UTC' : zone.local });
    formats.set(key, format);
  }
  return format;
}

/** A moment as the reader's locale writes it, on the zone's clock (with its name, for `moment`). */
export function formatTime(ms: number, style: TimeStyle, zone: Zone): string {
  return formatOf(STYLES[style], zone).format(ms);
}

/** The zone's short name at `ms`, as the locale writes it ("CET", "GMT+5:30", "UTC"). */
export function zoneName(ms: number, zone: Zone): string {
  const parts = formatOf({ timeZoneName: 'short' }, zone).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
}

/** The zone's offset at `ms`, minutes east of UTC (0 for UTC): where an axis puts whole hours. */
export function zoneOffset(ms: number, zone: Zone): number {
  if (zone.utc) return 0;
  if (!zone.local) return localOffset(ms);
  const parts = formatOf({ timeZoneName: 'longOffset' }, { ...zone, locale: 'en-US' }).formatToParts(ms);
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.find((p) => p.type === 'timeZoneName')?.value ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
