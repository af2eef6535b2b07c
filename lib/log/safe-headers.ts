import { ID_HEADER_NAME } from '@/lib/diagnosis/request-ids';

/** A response header as webRequest reports it. */
export interface HttpHeader {
  name: string;
  value?: string;
}

/**
 * Response headers worth keeping: they say who answered and how to trace the request.
 * An allowlist, so that cookies, tokens and anything unexpected are never stored.
 * @internal Exported for the convention test that the diagnosis reads only these.
 */
const SAFE_HEADERS: ReadonlySet<string> = new Set([
  'server',
  'via',
  'date',
  'content-type',
  'content-length',
  'retry-after',
  'x-cache',
  'x-served-by',
  'x-timer',
  'x-varnish',
  'x-powered-by',
  'cf-ray',
  'cf-cache-status',
  'cf-error-type',
  'cf-error-origin',
  'cf-mitigated',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-vercel-id',
  'x-vercel-error',
  'x-vercel-cache',
  'x-nf-request-id',
  'x-request-id',
  'x-correlation-id',
  'x-fastly-request-id',
  'x-akamai-request-id',
  'x-azure-ref',
  'x-envoy-upstream-service-time',
  'x-iinfo',
  'x-cdn',
  'x-sucuri-id',
  'x-github-request-id',
  'traceparent',
  'link',
  // Who answered, as the diagnosis reads it (lib/diagnosis/tables/fingerprints-*.ts).
  'x-cache-lookup',
  'x-squid-error',
  'x-envoy-overloaded',
  'x-kong-response-latency',
  'x-railway-edge',
  'x-railway-fallback',
  'x-render-origin-server',
  'rndr-id',
  'x-amz-id-2',
  'cdn-requestpullsuccess',
]);

/** Never kept, whatever their name looks like: they carry sessions and credentials. */
const SECRET_HEADER = /cookie|auth|token|secret|session|password|key/;

/**
 * Whether a response header is kept: the list above, or a name vendors give request, trace and
 * correlation IDs (`fly-request-id`, `x-kong-request-id`, `x-cloud-trace-context`…), never one
 * that carries a session or a credential.
 * @internal Exported for the convention test that the diagnosis reads only these.
 */
export function isSafeHeader(name: string): boolean {
  return SAFE_HEADERS.has(name) || (ID_HEADER_NAME.test(name) && !SECRET_HEADER.test(name));
}

/** Longest header value we keep; longer ones are cut, never stored whole. */
const MAX_HEADER_VALUE = 512;

/**
 * Picks the allowlisted headers, lower-cased, values bounded. A header sent more than once is one
 * value, its lines joined with ", " as HTTP reads them (Caddy in front of nginx sends two `Server`
 * lines: both are layers).
 */
export function pickSafeHeaders(headers: readonly HttpHeader[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    if (value === undefined || !isSafeHeader(key)) continue;
    const joined = key in out ? `${out[key]}, ${value}` : value;
    out[key] = joined.length > MAX_HEADER_VALUE ? `${joined.slice(0, MAX_HEADER_VALUE)}…` : joined;
  }
  return out;
}
