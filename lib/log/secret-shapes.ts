/**
 * What makes a URL's part a secret: its name (normalised, matched by substring) or its shape
 * (JWTs, e-mail addresses, phone numbers, random-looking strings, tokens in sign-in paths).
 * ./redact.ts walks a URL and asks these. Pure.
 */

/** Substrings of a normalised parameter name that make its value a secret. */
const SECRET_NAME_PARTS = [
  'token',
  'secret',
  'sig',
  'cred',
  'pass',
  'pwd',
  'session',
  'sessid',
  'key',
  'auth',
  'code',
  'state',
  'nonce',
  'ticket',
  'saml',
  'verif',
  'invite',
  'magic',
  'reset',
  'bearer',
  'cookie',
  'csrf',
  'xsrf',
  'hmac',
  'jwt',
  'otp',
  'mail',
  'phone',
  'mobile',
  'msisdn',
  'private',
  'policy',
];

/** Short names that are secrets as a whole word only (`sid`, but not `side` or `inside`). */
const SECRET_NAMES = new Set(['sid', 'pw', 'pin', 'sso', 'mfa', 'tel', 'tan']);

/** Ordinary names that happen to contain a secret's substring. */
const ORDINARY_NAMES = new Set(['keyword', 'keywords', 'author', 'authors', 'passenger', 'passengers']);

/** Path segments after which anything that is not a plain word is a token (reset, invite, magic links, webhooks). */
export const AUTH_PATH =
  /passw|reset|invit|magic|verif|confirm|activat|unsubscribe|token|auth|login|signin|signup|sso|session|share|hook|callback|otp|mfa|2fa|secret|cred|apikey|keys|join|claim|redeem|ticket|saml|recover/;

/** Decodes percent-encoding (and `+` as a space in a query) until nothing changes. */
export function decodeFully(text: string, plusIsSpace: boolean): string {
  let current = text;
  for (let i = 0; i < 5; i++) {
    // `+` is a space in a query, but only in its own encoding: a decoded `%2B` is a plus.
    let next = plusIsSpace && i === 0 ? current.replace(/\+/g, ' ') : current;
    try {
      next = decodeURIComponent(next);
    } catch {
      next = next.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
    if (next === current) break;
    current = next;
  }
  return current;
}

/** A parameter name as it is matched: decoded, folded, lower-cased, with no separators or brackets. */
export function normaliseName(raw: string): string {
  return decodeFully(raw, true)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function isSecretName(raw: string): boolean {
  const name = normaliseName(raw);
  if (!name || ORDINARY_NAMES.has(name)) return false;
  return SECRET_NAMES.has(name) || SECRET_NAME_PARTS.some((part) => name.includes(part));
}

export const JWT = /eyJ[\w-]{10,}/;
// Every run bounded, so that a long value costs linear time, not quadratic (no ReDoS on the hot path).
export const EMAIL = /[^\s@/?#&=:;,]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/i;
const PHONE_CHARS = /^\+?[\d(][\d ().-]*\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A phone number: 7 to 15 digits written as one (with + or separators), not a date or an address. */
function isPhone(text: string): boolean {
  const t = text.trim();
  if (!PHONE_CHARS.test(t) || ISO_DATE.test(t) || IPV4.test(t)) return false;
  const digits = t.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && (t.startsWith('+') || /\d[ ().-]+\d/.test(t));
}

/**
 * A random-looking string: a hex run of 32 or more, or letters mixed with digits over at least 16
 * characters with one mixed piece of 8 or more (split at - _ . ~ + / =). Slugs and dates
 * (`how-to-fix-502-errors-in-2026`, `2026-12-01`) are words and numbers apart, so they stay.
 */
function looksRandom(text: string): boolean {
  if (text.length < 16 || /[^\w\-.~+/=]/.test(text)) return false;
  if (/^[0-9a-f]{32,}$/i.test(text)) return true;
  let mixed = 0;
  let longest = 0;
  for (const piece of text.split(/[-_.~+/=]+/)) {
    if (/\d/.test(piece) && /[a-z]/i.test(piece) && !/^[0-9a-f]{1,31}$/i.test(piece)) {
      mixed += piece.length;
      longest = Math.max(longest, piece.length);
    } else if (/^[0-9a-f]{16,}$/i.test(piece) && /\d/.test(piece) && /[a-f]/i.test(piece)) {
      mixed += piece.length;
      longest = Math.max(longest, piece.length);
    }
  }
  return mixed >= 16 && longest >= 8;
}

/** Whether a decoded value is secret by its shape alone, whatever its name. */
export function secretShape(value: string): boolean {
  return JWT.test(value) || (value.includes('@') && EMAIL.test(value)) || isPhone(value) || looksRandom(value);
}

/** Inside a path about signing in or resetting: anything but a plain word or a short number is a token. */
export function tokenInAuthPath(segment: string): boolean {
  if (segment.length <= 4) return false;
  if (/^[a-z]+(?:[-_.][a-z]+)*$/i.test(segment)) return false;
  return !/^\d{1,5}$/.test(segment);
}
