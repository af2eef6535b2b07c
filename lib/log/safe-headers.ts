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
export const SAFE_HEADERS: ReadonlySet<string> = new Set([
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
]);

/** Longest header value we keep; longer ones are cut, never stored whole. */
const MAX_HEADER_VALUE = 512;

/** Picks the allowlisted headers, lower-cased, last value wins, values bounded. */
export function pickSafeHeaders(headers: readonly HttpHeader[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    if (value === undefined || !SAFE_HEADERS.has(key)) continue;
    out[key] = value.length > MAX_HEADER_VALUE ? `${value.slice(0, MAX_HEADER_VALUE)}…` : value;
  }
  return out;
}
