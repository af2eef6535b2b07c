import type { GlobalpingClient } from './api';
import { GlobalpingError, type GlobalpingFailure } from './errors';
import type { DnsMeasurement, HttpMeasurement, MeasurementRequest, MeasurementResponse } from './schema';

/** How far a measurement has got: tests that are final out of all its tests. */
interface Progress {
  done: number;
  total: number;
}

/** Both measurements as far as they have got, for a progress display. */
export interface MeasureProgress {
  http: Progress;
  dns: Progress | null;
}

/** The finished measurements; the DNS one is optional, and why it is missing when it is. */
export interface Measured {
  http: HttpMeasurement;
  dns: DnsMeasurement | null;
  dnsFailure: GlobalpingFailure | null;
}

/** Tests that are final (anything but `in-progress`) out of all tests. */
function progressOf(measurement: MeasurementResponse): Progress {
  const done = measurement.results.filter((r) => r.result.status !== 'in-progress').length;
  return { done, total: measurement.results.length };
}

function failureOf(error: unknown): GlobalpingFailure {
  if (error instanceof GlobalpingError && error.failure.kind !== 'aborted') return error.failure;
  throw error;
}

/** The measurements asked for: their ids (the DNS one may be missing) and why DNS is missing. */
export interface Started {
  httpId: string;
  /** Probes the API assigned to the HTTP measurement. */
  probesCount: number;
  dnsId: string | null;
  dnsFailure: GlobalpingFailure | null;
}

/**
 * Asks for the HTTP measurement, then the DNS one on the same probes (`dnsFor` gets the HTTP
 * measurement's id). Kept apart from waiting, so that the ids can be stored and a stopped
 * service worker can wait again without asking (and paying) twice. A failure of the HTTP
 * measurement is thrown, as a GlobalpingError; the DNS lookup only adds detail, so its failure
 * is returned instead.
 */
export async function startMeasurements(
  client: GlobalpingClient,
  http: MeasurementRequest,
  dnsFor: (httpId: string) => MeasurementRequest | null,
  signal?: AbortSignal,
): Promise<Started> {
  const created = await client.create(http, signal);
  const dnsRequest = dnsFor(created.id);
  let dnsFailure: GlobalpingFailure | null = null;
  let dnsId: string | null = null;
  if (dnsRequest) {
    try {
      dnsId = (await client.create(dnsRequest, signal)).id;
    } catch (error) {
      dnsFailure = failureOf(error);
    }
  }
  return { httpId: created.id, probesCount: created.probesCount, dnsId, dnsFailure };
}

/** Waits for both measurements (./api.ts polls as the spec asks), reporting progress. */
export async function waitMeasurements(
  client: GlobalpingClient,
  started: Started,
  options: { signal?: AbortSignal; onProgress?: (progress: MeasureProgress) => void } = {},
): Promise<Measured> {
  const { signal, onProgress } = options;
  const { httpId, dnsId } = started;
  let dnsFailure = started.dnsFailure;
  const progress: MeasureProgress = {
    http: { done: 0, total: started.probesCount },
    dns: dnsId ? { done: 0, total: 0 } : null,
  };
  const report = (which: 'http' | 'dns') => (m: MeasurementResponse) => {
    progress[which] = progressOf(m);
    onProgress?.({ ...progress });
  };
  // When the HTTP measurement fails, stop polling the DNS one too.
  const stop = new AbortController();
  const dnsSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const [httpResult, dnsResult] = await Promise.all([
    client.wait(httpId, { signal, onProgress: report('http') }),
    dnsId
      ? client.wait(dnsId, { signal: dnsSignal, onProgress: report('dns') }).catch((error: unknown) => {
          dnsFailure = failureOf(error);
          return null;
        })
      : null,
  ]).finally(() => stop.abort());
  return {
    http: httpResult as HttpMeasurement,
    dns: dnsResult as DnsMeasurement | null,
    dnsFailure,
  };
}
