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

/**
 * Runs the HTTP measurement, then the DNS one on the same probes (`dnsFor` gets the HTTP
 * measurement's id), and waits for both. A failure of the HTTP measurement is thrown, as a
 * GlobalpingError; the DNS lookup only adds detail, so its failure is returned instead.
 */
export async function measure(
  client: GlobalpingClient,
  http: MeasurementRequest,
  dnsFor: (httpId: string) => MeasurementRequest | null,
  options: { signal?: AbortSignal; onProgress?: (progress: MeasureProgress) => void } = {},
): Promise<Measured> {
  const { signal, onProgress } = options;
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

  const progress: MeasureProgress = {
    http: { done: 0, total: created.probesCount },
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
    client.wait(created.id, { signal, onProgress: report('http') }),
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
