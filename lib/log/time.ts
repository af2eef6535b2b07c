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
