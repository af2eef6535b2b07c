import { failureOf, GlobalpingError } from './errors';
import type { CreateMeasurementResponse, MeasurementRequest, MeasurementResponse } from './schema';

/**
 * The one API this feature talks to.
 * @internal Exported for tests.
 */
export const GLOBALPING_API = 'https://api.globalping.io';

/**
 * The spec: poll a running measurement no sooner than 500 ms after the previous answer.
 * @internal Exported for tests.
 */
export const POLL_INTERVAL_MS = 500;

/**
 * How long to wait for a measurement in all. The spec: a probe's own timeout is at most 30 s,
 * and "callers should allow at least 10 additional seconds" before giving up.
 * @internal Exported for tests.
 */
export const MEASUREMENT_DEADLINE_MS = 40_000;

/** One request to the API gives up after this long. */
const REQUEST_TIMEOUT_MS = 15_000;

/** Bodies larger than this are not what the spec describes (10 probes with 10 kB bodies are ~150 kB). */
const MAX_BODY_CHARS = 10_000_000;

/** Measurement ids are base62 (`PY5fMsREMmIq45VR`); anything else never goes into a URL path. */
const MEASUREMENT_ID = /^[0-9A-Za-z]{1,64}$/;

/**
 * What the client needs from its environment. The background passes none of these (so it gets
 * the real API, `fetch` and clock); only the unit tests pass a loopback stub's `base`.
 */
export interface GlobalpingDeps {
  /** Origin of the API: `https://…`, or `http://` to a loopback address (the test stub). */
  base: string;
  fetch: typeof fetch;
  now: () => number;
  /** Resolves after `ms`, rejects when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Options for waiting on a measurement. */
interface WaitOptions {
  signal?: AbortSignal;
  /** Total time allowed from the first poll; defaults to MEASUREMENT_DEADLINE_MS. */
  deadlineMs?: number;
  /** Called with every state seen, in-progress ones included, so a page can show progress. */
  onProgress?: (measurement: MeasurementResponse) => void;
}

/** The API's two measurement endpoints, and waiting for a result. */
export interface GlobalpingClient {
  /** `POST /v1/measurements`. */
  create(request: MeasurementRequest, signal?: AbortSignal): Promise<CreateMeasurementResponse>;
  /** `GET /v1/measurements/{id}`, once. */
  get(id: string, signal?: AbortSignal): Promise<MeasurementResponse>;
  /** Polls until the measurement is final, as the spec's client guidelines say. */
  wait(id: string, options?: WaitOptions): Promise<MeasurementResponse>;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/** Only https, or plain http to this machine: the client never sends a measurement in clear. */
function checkedBase(base: string): string {
  const url = new URL(base);
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError(`Globalping API base must be https: ${base}`);
  }
  return url.origin;
}

function isCreated(body: unknown): body is CreateMeasurementResponse {
  const b = body as CreateMeasurementResponse | null;
  return typeof b?.id === 'string' && MEASUREMENT_ID.test(b.id) && Number.isInteger(b.probesCount);
}

function isMeasurement(body: unknown): body is MeasurementResponse {
  const b = body as MeasurementResponse | null;
  return (
    typeof b?.id === 'string' &&
    typeof b.status === 'string' &&
    Array.isArray(b.results) &&
    b.results.every((r) => typeof r?.probe === 'object' && r.probe !== null && typeof r.result?.status === 'string')
  );
}

/**
 * A client for the Globalping API over `fetch`: no credentials, no cookies, no referrer, and
 * redirects are errors, so an answer can only come from `base` itself.
 */
export function globalpingClient(deps: Partial<GlobalpingDeps> = {}): GlobalpingClient {
  const base = checkedBase(deps.base ?? GLOBALPING_API);
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const now = deps.now ?? Date.now;
  const wait = deps.sleep ?? sleep;

  async function call(path: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) throw new GlobalpingError({ kind: 'aborted' });
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        credentials: 'omit',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (cause) {
      throw new GlobalpingError({ kind: signal?.aborted ? 'aborted' : 'network' }, { cause });
    }
    let body: unknown = null;
    try {
      const text = await response.text();
      body = text.length > MAX_BODY_CHARS ? null : JSON.parse(text);
    } catch {
      // Left null: a 5xx from a proxy in front of the API is often HTML; a 2xx must be JSON.
    }
    if (response.ok && body !== null) return body;
    if (response.ok) throw new GlobalpingError({ kind: 'bad-response', status: response.status });
    throw new GlobalpingError(failureOf(response.status, response.headers, body, now()));
  }

  async function create(request: MeasurementRequest, signal?: AbortSignal): Promise<CreateMeasurementResponse> {
    const body = await call(
      '/v1/measurements',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        cache: 'no-store',
      },
      signal,
    );
    if (!isCreated(body)) throw new GlobalpingError({ kind: 'bad-response', status: 202 });
    return { id: body.id, probesCount: body.probesCount };
  }

  async function get(id: string, signal?: AbortSignal): Promise<MeasurementResponse> {
    if (!MEASUREMENT_ID.test(id)) throw new TypeError(`Not a measurement id: ${id}`);
    // `no-cache` makes a browser revalidate with the ETag the API sends (If-None-Match), which is
    // the spec's advice for polling, without our code keeping the last body.
    const body = await call(
      `/v1/measurements/${id}`,
      { headers: { accept: 'application/json' }, cache: 'no-cache' },
      signal,
    );
    if (!isMeasurement(body)) throw new GlobalpingError({ kind: 'bad-response', status: 200 });
    return body;
  }

  async function waitFor(id: string, options: WaitOptions = {}): Promise<MeasurementResponse> {
    const { signal, onProgress } = options;
    const deadline = now() + (options.deadlineMs ?? MEASUREMENT_DEADLINE_MS);
    let last: MeasurementResponse | null = null;
    const pause = async (ms: number) => {
      try {
        await wait(ms, signal);
      } catch (cause) {
        throw new GlobalpingError({ kind: 'aborted' }, { cause });
      }
    };
    for (;;) {
      try {
        last = await get(id, signal);
      } catch (error) {
        // Polling too fast answers 429 with Retry-After: wait as told if the deadline allows it.
        const failure = error instanceof GlobalpingError ? error.failure : null;
        const retryAt = failure?.kind === 'rate-limited' ? failure.rateLimit.retryAt : null;
        if (retryAt === null || retryAt > deadline) throw error;
        await pause(Math.max(retryAt - now(), POLL_INTERVAL_MS));
        continue;
      }
      onProgress?.(last);
      if (last.status !== 'in-progress') return last;
      if (now() + POLL_INTERVAL_MS > deadline) throw new GlobalpingError({ kind: 'timeout', partial: last });
      await pause(POLL_INTERVAL_MS);
    }
  }

  return { create, get, wait: waitFor };
}
