/** When a server says to come back, from its `Retry-After` header (RFC 9110 §10.2.3). */
export interface RetryAfter {
  /** Whole seconds from `now` until that moment; 0 when the moment has already passed. */
  seconds: number;
  /** The same moment as epoch milliseconds. */
  at: number;
  /** Which of the header's two forms the server used. */
  form: 'delay' | 'date';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7). Date.parse is not used:
// it reads asctime dates in the local zone and accepts far looser text than HTTP allows.
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const RFC850_DATE = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/** Epoch ms for a calendar time in UTC, or null when a field is out of range (31 Feb, 25:00). */
function utc(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  const mon = MONTHS.indexOf(month.toLowerCase());
  if (mon < 0) return null;
  const t = Date.UTC(year, mon, day, h, m, s);
  const d = new Date(t);
  const same =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === mon &&
    d.getUTCDate() === day &&
    d.getUTCHours() === h &&
    d.getUTCMinutes() === m &&
    d.getUTCSeconds() === s;
  return same ? t : null;
}

/** Epoch ms of an HTTP-date, or null when the text is not one. */
function parseHttpDate(text: string, now: number): number | null {
  const value = text.trim();
  let m = IMF_FIXDATE.exec(value);
  if (m) return utc(Number(m[3]), m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC850_DATE.exec(value);
  if (m) {
    // A two-digit year more than 50 years ahead of now belongs to the previous century.
    const yy = Number(m[3]);
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  m = ASCTIME_DATE.exec(value);
  if (m) return utc(Number(m[6]), m[1] ?? '', Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return null;
}

/**
 * Reads a `Retry-After` value: delay-seconds or an HTTP-date, relative to `now` (epoch ms).
 * Returns null for anything else, so that garbage never turns into a promise to the visitor.
 */
export function parseRetryAfter(value: string | undefined, now: number): RetryAfter | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    if (!Number.isSafeInteger(seconds)) return null;
    return { seconds, at: now + seconds * 1000, form: 'delay' };
  }
  const at = parseHttpDate(text, now);
  if (at === null) return null;
  return { seconds: Math.max(0, Math.ceil((at - now) / 1000)), at, form: 'date' };
}
