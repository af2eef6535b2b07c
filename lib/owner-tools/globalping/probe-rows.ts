import { type EdgeLocation, edgeLocation } from '@/lib/diagnosis/edge-location';
import type {
  ContinentCode,
  DnsMeasurement,
  FinishedDnsTestResult,
  FinishedHttpTestResult,
  HttpMeasurement,
  MeasurementResultItem,
  Probe,
  UnfinishedTestResult,
} from './schema';

/** How one probe's request went: the server answered (below 500), failed (5xx or no answer), or the probe itself did not tell. */
type ProbeOutcome = 'up' | 'failing' | 'excluded';

/** Why a probe's answer does not count: it was offline, failed on its own side, or had not finished. */
type Exclusion = 'offline' | 'probe-error' | 'unfinished';

/** Why a probe got no HTTP answer, from the probe's error message. */
export type ProbeError = 'timeout' | 'dns' | 'refused' | 'reset' | 'tls' | 'private-address' | 'other';

/** How a probe's DNS answer compares with the address the visitor's browser connected to. */
type DnsMatch = 'same' | 'nearby' | 'different';

/** One probe's DNS lookup of the host. */
interface DnsRow {
  /** NOERROR, NXDOMAIN, SERVFAIL, …; null when the lookup did not finish. */
  rcode: string | null;
  /** The A or AAAA values, in the order received. */
  addresses: string[];
  /** The resolver the probe asked. */
  resolver: string | null;
  /** Null when there is nothing to compare: no visitor address, or no finished lookup. */
  match: DnsMatch | null;
}

/** One probe's line in the result table. */
export interface ProbeRow {
  continent: ContinentCode;
  region: string;
  country: string;
  city: string;
  asn: number;
  /** The network's name, such as "Deutsche Telekom AG". */
  network: string;
  outcome: ProbeOutcome;
  /** Set when outcome is `excluded`. */
  exclusion: Exclusion | null;
  /** The HTTP status the probe got; null when it got none. */
  status: number | null;
  /** Why it got none; null when it got a status. */
  error: ProbeError | null;
  /** From the start of the request to the first byte: DNS + TCP + TLS + wait, like a browser's. */
  ttfbMs: number | null;
  /** The address the probe connected to. */
  resolvedAddress: string | null;
  /** The CDN location that answered, where the response headers name one. */
  edge: EdgeLocation | null;
  dns: DnsRow | null;
  /** The probe is in the country the caller gave for the visitor. */
  inVisitorCountry: boolean;
}

/** Node's and undici's error messages, as probes report them in `rawOutput`, to an id. */
const ERROR_PATTERNS: readonly [RegExp, ProbeError][] = [
  [/private ip ranges/i, 'private-address'],
  [/timeout|timed out|ETIMEDOUT/i, 'timeout'],
  [/ENOTFOUND|EAI_AGAIN|ENODATA|ESERVFAIL|getaddrinfo|queryA/i, 'dns'],
  [/ECONNREFUSED/, 'refused'],
  [/ECONNRESET|EPIPE|socket hang up|other side closed|ERR_HTTP2/i, 'reset'],
  [/certificate|CERT_|SSL|TLS|self[- ]signed|unable to verify/i, 'tls'],
];

/**
 * A failure on the probe's side, not the site's: `internal`, or, from an API that does not yet
 * say where a test failed, the API's own note that the probe never reported back.
 */
function isProbesOwnFailure(result: UnfinishedTestResult): boolean {
  if (result.failureSource) return result.failureSource === 'internal';
  return /the measurement timed out/i.test(String(result.rawOutput ?? ''));
}

function errorOf(rawOutput: string): ProbeError {
  return ERROR_PATTERNS.find(([pattern]) => pattern.test(rawOutput))?.[1] ?? 'other';
}

function isFinishedHttp(result: FinishedHttpTestResult | UnfinishedTestResult): result is FinishedHttpTestResult {
  return result.status === 'finished' && typeof (result as FinishedHttpTestResult).statusCode === 'number';
}

function isFinishedDns(
  result: FinishedDnsTestResult | UnfinishedTestResult | undefined,
): result is FinishedDnsTestResult {
  return result?.status === 'finished' && Array.isArray((result as FinishedDnsTestResult).answers);
}

/** Header values as edgeLocation reads them: lower-case names, repeated values joined. */
function flatHeaders(headers: FinishedHttpTestResult['headers'] | undefined): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

function ttfbOf(t: FinishedHttpTestResult['timings'] | undefined): number | null {
  if (typeof t?.firstByte !== 'number') return null;
  return (t.dns ?? 0) + (t.tcp ?? 0) + (t.tls ?? 0) + t.firstByte;
}

/** The eight groups of an IPv6 address as 4-digit hex, or null when it is not one. */
function v6Groups(ip: string): string[] | null {
  if (!ip.includes(':')) return null;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right];
  return groups.length === 8 ? groups.map((g) => g.padStart(4, '0')) : null;
}

/** The network an address belongs to, at the size CDNs and hosts usually hand out: /24 or /48. */
function prefixOf(ip: string): string | null {
  const v6 = v6Groups(ip);
  if (v6) return v6.slice(0, 3).join(':');
  const v4 = /^(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  return v4?.[1] ?? null;
}

function sameAddress(a: string, b: string): boolean {
  const [ga, gb] = [v6Groups(a), v6Groups(b)];
  return ga && gb ? ga.join(':') === gb.join(':') : a === b;
}

/**
 * Compares a probe's DNS answers with the visitor's address.
 * @internal Exported for tests.
 */
export function dnsMatch(addresses: readonly string[], visitorIp: string): DnsMatch {
  if (addresses.some((a) => sameAddress(a, visitorIp))) return 'same';
  const prefix = prefixOf(visitorIp);
  return prefix !== null && addresses.some((a) => prefixOf(a) === prefix) ? 'nearby' : 'different';
}

function dnsRow(
  result: FinishedDnsTestResult | UnfinishedTestResult | undefined,
  visitorIp: string | null,
): DnsRow | null {
  if (!result) return null;
  if (!isFinishedDns(result)) return { rcode: null, addresses: [], resolver: null, match: null };
  const addresses = result.answers.filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => a.value);
  return {
    rcode: result.statusCodeName ?? null,
    addresses,
    resolver: result.resolver ?? null,
    match: visitorIp ? dnsMatch(addresses, visitorIp) : null,
  };
}

type DnsItem = MeasurementResultItem<FinishedDnsTestResult>;

const sameProbe = (a: Probe, b: Probe) => a.asn === b.asn && a.country === b.country && a.city === b.city;

/**
 * The DNS result of each HTTP probe. A DNS measurement that reused the HTTP one's probes lists
 * them in the same order; a probe is still matched by network and place, never by index alone.
 */
function pairDns(http: HttpMeasurement, dns: DnsMeasurement | null | undefined) {
  if (!dns) return http.results.map(() => undefined);
  const unused = new Set(dns.results.keys());
  return http.results.map((item, i) => {
    const fits = (j: number) => unused.has(j) && sameProbe((dns.results[j] as DnsItem).probe, item.probe);
    const index = fits(i) ? i : [...unused].find(fits);
    if (index === undefined) return undefined;
    unused.delete(index);
    return dns.results[index]?.result;
  });
}

/** One row per HTTP probe, with its DNS answer alongside. */
export function probeRows(
  http: HttpMeasurement,
  dns: DnsMeasurement | null | undefined,
  visitor: { ip?: string | null; country?: string | null },
): ProbeRow[] {
  const dnsResults = pairDns(http, dns);
  const visitorCountry = visitor.country?.toUpperCase() ?? null;
  return http.results.map(({ probe, result }, i) => {
    const finished = isFinishedHttp(result) ? result : null;
    const unfinished = finished ? null : (result as UnfinishedTestResult);
    let outcome: ProbeOutcome = 'excluded';
    let exclusion: Exclusion | null = null;
    let error: ProbeError | null = null;
    if (finished) {
      outcome = finished.statusCode >= 500 ? 'failing' : 'up';
    } else if (unfinished?.status === 'failed' && !isProbesOwnFailure(unfinished)) {
      // `target` (the site or its path, its DNS records included) and `resolver` (its DNS
      // did not answer usably) are the site's failures; `internal` is the probe's own.
      outcome = 'failing';
      error = unfinished.failureSource === 'resolver' ? 'dns' : errorOf(String(unfinished.rawOutput ?? ''));
    } else {
      exclusion =
        unfinished?.status === 'offline' ? 'offline' : unfinished?.status === 'failed' ? 'probe-error' : 'unfinished';
    }
    return {
      continent: probe.continent,
      region: probe.region,
      country: probe.country,
      city: probe.city,
      asn: probe.asn,
      network: probe.network,
      outcome,
      exclusion,
      status: finished?.statusCode ?? null,
      error,
      ttfbMs: ttfbOf(finished?.timings),
      resolvedAddress: finished?.resolvedAddress ?? null,
      edge: finished ? edgeLocation(flatHeaders(finished.headers)) : null,
      dns: dnsRow(dnsResults[i], visitor.ip ?? null),
      inVisitorCountry: visitorCountry !== null && probe.country === visitorCountry,
    };
  });
}
