/**
 * How much the log keeps of each thing, the same when a failure is recorded and when a file is
 * imported: what the extension writes, it can read back, and a file can hold nothing it would
 * not write. Recording cuts to these limits; importing refuses what exceeds them. Pure.
 */

/** Longest address kept (redacted first, then cut: ./redact.ts). */
export const MAX_URL_CHARS = 8192;
/** Longest status line kept. */
export const MAX_STATUS_LINE = 200;
/** Most failures one incident can stand for; more are still counted, up to this. */
export const MAX_COUNT = 1_000_000;
/** How far back an incident may lie: ten years. */
const MAX_AGE_MS = 10 * 365.25 * 86_400_000;
/** How far ahead of this machine's clock an incident may lie: a day (another machine's clock). */
export const MAX_AHEAD_MS = 86_400_000;

/**
 * New incidents one site may hold: past this, further failures are counted on in the site's
 * latest incident of the same status (nothing is lost; `count` goes up).
 */
export const MAX_SITE_INCIDENTS = 2000;
/** New incidents one tab may open per minute; past this, its failures count on the same way. */
export const MAX_NEW_PER_TAB_MINUTE = 30;

/** Longest values kept of where a failure was seen from (lib/log/model.ts, Vantage). */
export const VANTAGE_LIMITS = {
  browser: 200,
  extension: 50,
  connection: 50,
  effectiveType: 50,
  networkLabel: 80,
} as const;

/** The request types the log holds (webRequest's names). */
export const INCIDENT_TYPES: ReadonlySet<string> = new Set([
  'main_frame',
  'sub_frame',
  'xmlhttprequest',
  'script',
  'stylesheet',
]);

/** C0 and C1 control characters, DEL, and the line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;

/** Whether text holds a control character (imports refuse it). */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

/** Text as the log keeps it at record time: control characters become spaces, cut to `max`. */
export function keepText(text: string, max: number): string {
  const clean = text.replace(CONTROLS, ' ');
  return clean.length > max ? clean.slice(0, max) : clean;
}

/** An HTTP method: a token (RFC 9110), as browsers send them. */
export function isMethod(text: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/.test(text);
}

/** A status line for `status`: `HTTP/x 502 reason`, or the bare code when the browser gave none. */
export function isStatusLine(text: string, status: number): boolean {
  if (text.length > MAX_STATUS_LINE || hasControl(text)) return false;
  return text === String(status) || new RegExp(`^HTTP/\\d(?:\\.\\d)? ${status}(?: |$)`).test(text);
}

/** An IPv4 or IPv6 address as webRequest reports it (no brackets, no port). */
export function isIp(text: string): boolean {
  if (/^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text)) return true;
  if (!/^[0-9a-f:.]{2,45}$/i.test(text) || !text.includes(':')) return false;
  try {
    return new URL(`http://[${text}]/`).hostname !== '';
  } catch {
    return false;
  }
}

/** Whether an incident's time is one the log keeps, seen from `now`. */
export function isPlausibleTime(time: number, now: number): boolean {
  return Number.isFinite(time) && time >= now - MAX_AGE_MS && time <= now + MAX_AHEAD_MS;
}
