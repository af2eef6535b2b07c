/**
 * The part of the Globalping API this extension uses, transcribed by hand from its published
 * OpenAPI 3.1 description, "Globalping API" version 1.0.0:
 *   https://api.globalping.io/v1/spec.yaml (served from jsdelivr/globalping `public/v1/`,
 *   read at commit 52c0c192817ecc4284ef01e91b79c79bac9e752b, 2026-08-07)
 *   https://globalping.io/docs/api.globalping.io (the same text, rendered)
 * Names follow the spec's schema names. Only the `http` and `dns` measurement types are here;
 * fields we never send are left out of the request types, so that nothing can send them.
 */

/** `ContinentCode`. */
export type ContinentCode = 'AF' | 'AN' | 'AS' | 'EU' | 'NA' | 'OC' | 'SA';

/** `MeasurementLocationOption`: one place to pick probes from; `limit` 1–50 for anonymous use. */
export interface MeasurementLocationOption {
  continent?: ContinentCode;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  asn?: number;
  /** Fuzzy match over country, city, state, continent, region, ASN (`AS123`), network, tags. */
  magic?: string;
  /** Probes from this location; mutually exclusive with the request's global `limit`. */
  limit?: number;
}

/**
 * `MeasurementLocations`: places to pick probes from, or the `id` of an earlier measurement
 * whose probes (in the same order) should run this one too.
 */
type MeasurementLocations = MeasurementLocationOption[] | string;

/** `MeasurementHttpOptions.request` (without `host` and `headers`, which we never send). */
export interface HttpRequestOptions {
  /** `HttpRequestMethod`; the API's default is HEAD. */
  method?: 'GET' | 'HEAD';
  /** Defaults to `/`. At most 16,384 characters. */
  path?: string;
  /** Without the `?`. At most 16,384 characters. */
  query?: string;
}

/** `MeasurementHttpOptions` (without `resolver` and `ipVersion`, which we never send). */
interface MeasurementHttpOptions {
  request?: HttpRequestOptions;
  /** `HttpProtocol`; the API's default is HTTPS. */
  protocol?: 'HTTP' | 'HTTPS' | 'HTTP2';
  port?: number;
}

/** `MeasurementDnsOptions` (only what we send). */
interface MeasurementDnsOptions {
  /** `DnsQueryType`, of which we ask only for addresses. */
  query?: { type: 'A' | 'AAAA' };
}

interface MeasurementRequestBase {
  /** `MeasurementTarget`: a public host name or IP address. */
  target: string;
  /** Partial results while the measurement runs (only the first 5 tests update live). */
  inProgressUpdates?: boolean;
  locations?: MeasurementLocations;
  /** `MeasurementLimit`: 1–50 probes for anonymous use; exclusive with per-location limits. */
  limit?: number;
}

/** `MeasurementRequest` for the two types we run. */
export type MeasurementRequest =
  | (MeasurementRequestBase & { type: 'http'; measurementOptions?: MeasurementHttpOptions })
  | (MeasurementRequestBase & { type: 'dns'; measurementOptions?: MeasurementDnsOptions });

/** `CreateMeasurementResponse`, the body of `202 Accepted`. */
export interface CreateMeasurementResponse {
  id: string;
  /** Probes that will run it; may be fewer than asked for. */
  probesCount: number;
}

/** `MeasurementResultItem.probe`: `ProbeLocation` plus tags and resolvers. */
export interface Probe {
  continent: ContinentCode;
  /** UN M49 region name, such as "Eastern Asia". */
  region: string;
  country: string;
  state: string | null;
  city: string;
  asn: number;
  /** `NetworkName`, such as "Psychz Networks". */
  network: string;
  latitude: number;
  longitude: number;
  tags: string[];
  resolvers: string[];
}

/** `FailureSource` (experimental in the API): where a failed test most likely failed. */
type FailureSource = 'target' | 'resolver' | 'internal';

/** `InProgressTestResult`, `FailedTestResult`, `OfflineTestResult`. */
export interface UnfinishedTestResult {
  status: 'in-progress' | 'failed' | 'offline';
  failureSource?: FailureSource;
  /** For a failed test, the probe's error message ("Request timeout.", "connect ECONNREFUSED …"). */
  rawOutput: string;
}

/** `FinishedHttpTestResult`; all timings in milliseconds. */
export interface FinishedHttpTestResult {
  status: 'finished';
  rawOutput: string;
  rawHeaders: string;
  rawBody: string | null;
  truncated: boolean;
  /** Lower-case names; a repeated header is an array. */
  headers: Record<string, string | string[]>;
  statusCode: number;
  statusCodeName: string;
  resolvedAddress: string | null;
  timings: {
    total: number | null;
    dns: number | null;
    tcp: number | null;
    tls: number | null;
    /** From the connection (after TLS) to the first byte of the response. */
    firstByte: number | null;
    download: number | null;
  };
  tls: unknown;
}

/** `DnsTestAnswer`. */
interface DnsTestAnswer {
  name: string;
  type: string;
  ttl: number;
  class: string;
  value: string;
}

/** `FinishedSimpleDnsTestResult` (trace off). */
export interface FinishedDnsTestResult {
  status: 'finished';
  rawOutput: string;
  /** `DnsStatusCode`: 0 is NOERROR. */
  statusCode: number;
  /** `DnsStatusCodeName`: NOERROR, NXDOMAIN, SERVFAIL, … */
  statusCodeName: string;
  resolver: string;
  answers: DnsTestAnswer[];
  timings: { total: number };
}

/** `MeasurementResultItem`, typed by what the measurement ran. */
export interface MeasurementResultItem<R> {
  probe: Probe;
  result: R | UnfinishedTestResult;
}

/** `MeasurementResponse`, the body of `GET /v1/measurements/{id}`. */
export interface MeasurementResponse<R = FinishedHttpTestResult | FinishedDnsTestResult> {
  id: string;
  type: string;
  target: string;
  /** `MeasurementStatus`: anything but `in-progress` is final. */
  status: 'in-progress' | 'finished';
  createdAt: string;
  updatedAt: string;
  probesCount: number;
  results: MeasurementResultItem<R>[];
}

export type HttpMeasurement = MeasurementResponse<FinishedHttpTestResult>;
export type DnsMeasurement = MeasurementResponse<FinishedDnsTestResult>;

/** The error body of every 4xx and 5xx answer (400, 404, 422, 429, 500). */
export interface ErrorBody {
  error: {
    /** `validation_error`, `no_probes_found`, `not_found`, `rate_limit_exceeded`, `too_many_requests`, `api_error`, … */
    type: string;
    message: string;
    /** For `validation_error`: field path → message, e.g. `"limit": "\"limit\" must be less than or equal to 50"`. */
    params?: Record<string, string>;
  };
  links?: { documentation?: string };
}
