import { MAX_URL_CHARS } from './limits';
import type { Incident } from './model';
import {
  AUTH_PATH,
  decodeFully,
  EMAIL,
  isSecretName,
  JWT,
  normaliseName,
  secretShape,
  tokenInAuthPath,
} from './secret-shapes';

/**
 * Redaction by design, not by list: the one place that decides what of a URL or a header value
 * may be kept. Records, checks, watches, the support report, exports and imports all go through
 * it (redactIncident for whole incidents), so a secret stripped in one is stripped in all. What makes
 * a name or a value secret is ./secret-shapes.ts.
 *
 * - Parameter names are normalised (decoded repeatedly, NFKC, lower-cased, every separator and
 *   bracket removed) and matched by substring: `X-Amz-Credential`, `client[secret]`, `apiKey`
 *   and `%2561ccess_token` are all secrets.
 * - Values are judged by their shape wherever they are, in any parameter or path segment: JWTs,
 *   e-mail addresses, phone numbers, long random-looking strings; in a path about signing in,
 *   resetting or inviting (`/reset/…`, `/invite/…`, `/webhooks/…`) any segment that is not a
 *   plain word.
 * - A URL inside a value (`next=`, `redirect_uri=`) is redacted the same way, recursively.
 * - It fails closed: what does not parse keeps its scheme and host only.
 * Pure and fast enough for the hot path (a failing request costs two calls).
 */

/** What a secret is replaced with. */
const REDACTED = 'REDACTED';

/** How deep URLs inside URLs are followed; deeper ones are redacted whole. */
const MAX_DEPTH = 4;

/** Longer URLs are cut before they are parsed: the browser allows 2 MB, we keep at most 8 KB. */
const PARSE_LIMIT = 32 * 1024;

/** A value that is itself a URL (absolute, protocol-relative or an absolute path). */
function looksLikeUrl(value: string): boolean {
  return /^(?:(?:https?|wss?):)?\/\/[^/]/i.test(value) || /^\/(?:[^/]|$)/.test(value);
}

const RELATIVE_BASE = 'https://relative.invalid';

/** A URL inside a parameter, redacted the same way; null when it did not change. */
function redactNested(value: string, depth: number): string | null {
  if (depth >= MAX_DEPTH) return REDACTED;
  const relative = !/^(?:https?|wss?):/i.test(value);
  const absolute = relative ? new URL(value, RELATIVE_BASE).href : value;
  let out = redactParsed(absolute, depth + 1);
  if (relative && out.startsWith(RELATIVE_BASE)) out = out.slice(RELATIVE_BASE.length);
  else if (relative && value.startsWith('//')) out = out.replace(/^https?:/i, '');
  return out === value ? null : out;
}

/** One `name=value` (or bare value) of a query or a path's matrix parameters. */
function redactParam(part: string, depth: number): string {
  const eq = part.indexOf('=');
  if (eq === -1) {
    return secretShape(decodeFully(part, true)) ? REDACTED : part;
  }
  const name = part.slice(0, eq);
  const raw = part.slice(eq + 1);
  if (raw === '') return part;
  if (isSecretName(name)) return `${name}=${REDACTED}`;
  const value = decodeFully(raw, true);
  if (looksLikeUrl(value)) {
    try {
      const nested = redactNested(value, depth);
      return nested === null ? part : `${name}=${encodeURIComponent(nested)}`;
    } catch {
      return `${name}=${REDACTED}`;
    }
  }
  return secretShape(value) ? `${name}=${REDACTED}` : part;
}

/** The path, segment by segment: shapes everywhere, tokens after an auth segment, matrix parameters. */
function redactPath(path: string, depth: number): string {
  let auth = false;
  return path
    .split('/')
    .map((segment) => {
      if (!segment) return segment;
      const [head = '', ...matrix] = segment.split(';');
      const decoded = decodeFully(head, false);
      let out = head;
      if (secretShape(decoded) || (auth && tokenInAuthPath(decoded))) out = REDACTED;
      else if (AUTH_PATH.test(normaliseName(head))) auth = true;
      return [out, ...matrix.map((p) => redactParam(p, depth))].join(';');
    })
    .join('/');
}

/** Scheme and host of something that would not parse; nothing at all when even those are unclear. */
function schemeAndHost(raw: string): string {
  const match =
    /^\s*([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#\\]*@)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d+)?(?=[/?#\\]|\s*$)/i.exec(raw);
  return match ? `${(match[1] as string).toLowerCase()}://${(match[2] as string).toLowerCase()}/` : '';
}

function redactParsed(raw: string, depth: number): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return schemeAndHost(raw);
  }
  if (!/^(?:https?|wss?):$/.test(url.protocol)) {
    // data:, blob:, file: and the like carry their content in the address: the scheme is enough.
    return url.host ? `${url.protocol}//${url.host}/` : url.protocol;
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  if (url.hash) url.hash = '';
  // Rebuilt by hand: URLSearchParams would re-encode every untouched value.
  const path = redactPath(url.pathname, depth);
  if (path !== url.pathname) url.pathname = path;
  if (url.search) {
    const query = url.search
      .slice(1)
      .split(/([&;])/)
      .map((part, i) => (i % 2 === 1 ? part : part && redactParam(part, depth)))
      .join('');
    if (query !== url.search.slice(1)) url.search = query;
  }
  return url.href;
}

/** Cuts a long address down to a length the log keeps, from the end, on a whole character. */
function cut(href: string): string {
  if (href.length <= MAX_URL_CHARS) return href;
  const mark = '%E2%80%A6'; // "…", already encoded: the cut URL parses to itself
  return href.slice(0, MAX_URL_CHARS - mark.length).replace(/%[0-9a-f]?$/i, '') + mark;
}

/** Drops the end of an address too long to keep at a parameter or segment boundary, before parsing it. */
function preCut(raw: string): string {
  if (raw.length <= PARSE_LIMIT) return raw;
  const head = raw.slice(0, PARSE_LIMIT);
  const boundary = Math.max(head.lastIndexOf('&'), head.lastIndexOf('/'), head.lastIndexOf(';'));
  return boundary > head.indexOf('//') + 2 ? head.slice(0, boundary) : head;
}

/**
 * The address as the log may keep it: no credentials, no fragment, no secret values, at most
 * MAX_URL_CHARS. Anything that does not parse keeps its scheme and host only.
 */
export function redactUrl(raw: string): string {
  return cut(redactParsed(preCut(String(raw)), 0));
}

const URL_IN_TEXT = /<([^<>\s]*)>|\b(?:https?|wss?):\/\/[^\s<>"',]+/gi;

/**
 * A stored header value: every URL in it redacted (`Link: <…?token=…>`), and JWTs and e-mail
 * addresses replaced. Request IDs stay: they are what support asks for.
 */
function redactHeaderValue(value: string): string {
  return value
    .replace(URL_IN_TEXT, (match: string, inBrackets: string | undefined) =>
      inBrackets === undefined ? redactUrl(match) : `<${redactLinkTarget(inBrackets)}>`,
    )
    .replace(new RegExp(JWT.source, 'g'), REDACTED)
    .replace(new RegExp(EMAIL.source, 'gi'), REDACTED);
}

/** A `Link` target: an absolute URL, or a reference relative to the page. */
function redactLinkTarget(target: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return redactUrl(target);
  const rooted = target.startsWith('/');
  try {
    const out = redactNested(rooted ? target : `/${target}`, 0);
    if (out === null) return target;
    return rooted ? out : out.replace(/^\//, '');
  } catch {
    return REDACTED;
  }
}

/** Every stored header with its value redacted (names are the allowlist's: ./safe-headers.ts). */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = redactHeaderValue(value);
  return out;
}

/**
 * An incident as it may be stored or leave the machine. Recording already redacts; exports and
 * the support report redact again, so a log kept by an older version leaves without its secrets.
 */
export function redactIncident<T extends Pick<Incident, 'pageUrl' | 'requestUrl' | 'headers'>>(incident: T): T {
  return {
    ...incident,
    pageUrl: redactUrl(incident.pageUrl),
    requestUrl: redactUrl(incident.requestUrl),
    headers: redactHeaders(incident.headers),
  };
}
