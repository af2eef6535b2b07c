import { redactUrl } from '@/lib/log/redact';
import type { HttpRequestOptions, MeasurementLocationOption, MeasurementRequest } from './schema';

/**
 * Where the probes come from: a few on each inhabited continent, so that a failure confined to
 * one region shows as such. 9 probes, plus one in the visitor's country when it is known: within
 * the 5–10, and a small share of the 250 tests an hour an anonymous user may run.
 * @internal Exported for tests.
 */
export const PROBE_LOCATIONS: readonly MeasurementLocationOption[] = [
  { continent: 'EU', limit: 2 },
  { continent: 'NA', limit: 2 },
  { continent: 'AS', limit: 2 },
  { continent: 'SA', limit: 1 },
  { continent: 'OC', limit: 1 },
  { continent: 'AF', limit: 1 },
];

/**
 * Names that only mean something on the visitor's own machine or network (RFC 6761, 6762,
 * 8375, 2606, and ICANN's `.internal`): no probe elsewhere can reach them, so asking would
 * only report "down for everyone" about a site that was never public.
 */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'test', 'example', 'invalid'];

/** IPv4 ranges that are not reachable from the internet at large: [first octets, prefix length]. */
const PRIVATE_V4: readonly [number, number, number][] = [
  [0, 0, 8],
  [10, 0, 8],
  [100, 64, 10],
  [127, 0, 8],
  [169, 254, 16],
  [172, 16, 12],
  [192, 0, 24],
  [192, 168, 16],
  [198, 18, 15],
  [224, 0, 3], // multicast, reserved and broadcast: 224.0.0.0 and up
];

/** What the caller knows about the failure and what the person agreed to send. */
export interface MeasurementInput {
  /** The failing address, as the browser requested it. */
  url: string;
  /** The person agreed to send the page's path and query; otherwise only `/` of the site is asked for. */
  includePath: boolean;
  /** GET (the default) sees what a visitor sees; HEAD is lighter but some servers answer it differently. */
  method?: 'GET' | 'HEAD';
  /** ISO 3166-1 alpha-2 country of the visitor when known without asking for location; never asked for. */
  visitorCountry?: string | null;
}

/** Why an address cannot be measured from elsewhere. */
export type TargetProblem = 'not-a-url' | 'not-http' | 'not-public';

/** The host and how to reach it, or why there is nothing to measure. */
type Target =
  | { ok: true; host: string; protocol: 'HTTP' | 'HTTPS'; port: number | null; isIp: boolean }
  | { ok: false; problem: TargetProblem };

function isPrivateV4(host: string): boolean {
  const octets = host.split('.').map(Number);
  const ip = (((octets[0] ?? 0) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)) >>> 0;
  return PRIVATE_V4.some(([a, b, bits]) => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (ip & mask) >>> 0 === (((a << 24) | (b << 16)) & mask) >>> 0;
  });
}

function isPrivateV6(host: string): boolean {
  const h = host.slice(1, -1).toLowerCase();
  // Unspecified, loopback, IPv4-mapped (the URL parser writes them in hex), unique local
  // fc00::/7, link-local fe80::/10 and multicast ff00::/8.
  const first = (h.split(':')[0] ?? '').padStart(4, '0');
  return h === '::' || h === '::1' || h.startsWith('::ffff:') || /^(f[cd]|fe[89ab]|ff)/.test(first);
}

/**
 * Reads the host out of an address and says whether probes on the internet could reach it.
 * @internal Exported for tests.
 */
export function targetOf(url: string): Target {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, problem: 'not-http' };
  const host = parsed.hostname.replace(/\.$/, '');
  const v4 = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const v6 = host.startsWith('[');
  const name = host.toLowerCase();
  const local = v4
    ? isPrivateV4(host)
    : v6
      ? isPrivateV6(host)
      : !name.includes('.') || LOCAL_SUFFIXES.some((s) => name === s || name.endsWith(`.${s}`));
  if (local) return { ok: false, problem: 'not-public' };
  return {
    ok: true,
    host,
    protocol: parsed.protocol === 'https:' ? 'HTTPS' : 'HTTP',
    port: parsed.port ? Number(parsed.port) : null,
    isIp: v4 || v6,
  };
}

/**
 * The probe locations: the spread above, and the visitor's own country when it is known.
 * @internal Exported for tests.
 */
export function locationsFor(visitorCountry?: string | null): MeasurementLocationOption[] {
  const locations = PROBE_LOCATIONS.map((l) => ({ ...l }));
  if (visitorCountry && /^[a-z]{2}$/i.test(visitorCountry)) {
    locations.push({ country: visitorCountry.toUpperCase(), limit: 1 });
  }
  return locations;
}

/**
 * The HTTP measurement of a failing address. Without consent only the site's `/` is requested;
 * with it, the path and the query with secret-looking values redacted. Never the fragment,
 * never user:password, never headers or cookies.
 */
export function httpMeasurement(
  input: MeasurementInput,
): { ok: true; request: MeasurementRequest } | { ok: false; problem: TargetProblem } {
  const target = targetOf(input.url);
  if (!target.ok) return target;
  const redacted = new URL(redactUrl(input.url));
  const request: HttpRequestOptions = {
    method: input.method ?? 'GET',
    path: input.includePath ? redacted.pathname : '/',
  };
  if (input.includePath && redacted.search.length > 1) request.query = redacted.search.slice(1);
  return {
    ok: true,
    request: {
      type: 'http',
      target: target.host,
      inProgressUpdates: true,
      locations: locationsFor(input.visitorCountry),
      measurementOptions: {
        request,
        protocol: target.protocol,
        ...(target.port === null ? {} : { port: target.port }),
      },
    },
  };
}

/**
 * The DNS lookup of the same host from the same probes, in the same order: `locations` is the
 * HTTP measurement's id, which the API accepts to reuse its probes. Asks for AAAA when the
 * visitor reached the site over IPv6 (so the answers compare with the visitor's), else A.
 * Null for an IP address, which has nothing to look up.
 */
export function dnsMeasurement(
  url: string,
  httpMeasurementId: string,
  visitorIp?: string | null,
): MeasurementRequest | null {
  const target = targetOf(url);
  if (!target.ok || target.isIp) return null;
  return {
    type: 'dns',
    target: target.host,
    inProgressUpdates: true,
    locations: httpMeasurementId,
    measurementOptions: { query: { type: visitorIp?.includes(':') ? 'AAAA' : 'A' } },
  };
}
