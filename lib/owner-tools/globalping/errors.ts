import { parseRetryAfter } from '@/lib/diagnosis/retry-after';
import type { ErrorBody, HttpMeasurement, MeasurementResponse } from './schema';

/** What the rate-limit headers of a 429 said (`X-RateLimit-*`, `X-Request-Cost`, `Retry-After`). */
interface RateLimit {
  /** Epoch ms when trying again can work: from `Retry-After` or `X-RateLimit-Reset`; null if neither. */
  retryAt: number | null;
  /** Tests allowed per window (`X-RateLimit-Limit`). */
  limit: number | null;
  /** Tests left in this window (`X-RateLimit-Remaining`). */
  remaining: number | null;
  /** Tests this request needed (`X-Request-Cost`). */
  cost: number | null;
}

/**
 * Why a call to the API did not give a result. A discriminated union, so that the caller (and
 * later the words shown) can tell them apart without reading messages.
 */
export type GlobalpingFailure =
  /** 429: too many tests this hour (POST) or polls too fast (GET). */
  | { kind: 'rate-limited'; type: string; rateLimit: RateLimit }
  /** 400 `validation_error`: our request broke a rule of the schema; `params` names the fields. */
  | { kind: 'invalid-request'; type: string; params: Record<string, string> }
  /** 422 `no_probes_found`: no probe matched, or a reused measurement id has expired. */
  | { kind: 'no-probes'; type: string }
  /** 404: the measurement is gone (they live about 7 days). */
  | { kind: 'not-found'; type: string }
  /** Any other answer: 5xx, or a status the spec does not list. */
  | { kind: 'api-error'; status: number; type: string | null }
  /** A body that is not the JSON the spec describes. */
  | { kind: 'bad-response'; status: number }
  /** No answer: offline, DNS, TLS, a redirect (never followed), a blocked request. */
  | { kind: 'network' }
  /** The measurement was still running at the deadline; `partial` is the last state seen. */
  | { kind: 'timeout'; partial: MeasurementResponse | HttpMeasurement | null }
  /** The caller's signal aborted. */
  | { kind: 'aborted' };

/** Thrown by the client; `failure` says which failure, with what the API said about it. */
export class GlobalpingError extends Error {
  readonly failure: GlobalpingFailure;

  constructor(failure: GlobalpingFailure, options?: { cause?: unknown }) {
    super(`Globalping: ${failure.kind}`, options);
    this.name = 'GlobalpingError';
    this.failure = failure;
  }
}

function intHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name)?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Reads the rate-limit headers. GET answers 429 with `Retry-After`; POST with
 * `X-RateLimit-Reset`, the seconds until the hourly window starts again.
 */
function rateLimitOf(headers: Headers, now: number): RateLimit {
  const retryAfter = parseRetryAfter(headers.get('retry-after') ?? undefined, now);
  const reset = intHeader(headers, 'x-ratelimit-reset');
  return {
    retryAt: retryAfter ? retryAfter.at : reset === null ? null : now + reset * 1000,
    limit: intHeader(headers, 'x-ratelimit-limit'),
    remaining: intHeader(headers, 'x-ratelimit-remaining'),
    cost: intHeader(headers, 'x-request-cost'),
  };
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.type === 'string';
}

/** The failure an unsuccessful answer stands for, from its status, headers and (parsed) body. */
export function failureOf(status: number, headers: Headers, body: unknown, now: number): GlobalpingFailure {
  const type = isErrorBody(body) ? body.error.type : null;
  if (status === 429)
    return { kind: 'rate-limited', type: type ?? 'too_many_requests', rateLimit: rateLimitOf(headers, now) };
  if (status === 400 && type) {
    const params = isErrorBody(body) && typeof body.error.params === 'object' ? body.error.params : {};
    return {
      kind: 'invalid-request',
      type,
      params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
    };
  }
  if (status === 422 && type) return { kind: 'no-probes', type };
  if (status === 404 && type) return { kind: 'not-found', type };
  return { kind: 'api-error', status, type };
}
