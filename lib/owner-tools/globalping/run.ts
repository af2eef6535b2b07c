import type { OtherNetworksCheck } from '@/lib/log/model';
import { redactUrl } from '@/lib/log/redact';
import type { OtherNetworksFailure } from '../other-networks';
import { type GlobalpingDeps, globalpingClient } from './api';
import { GlobalpingError } from './errors';
import { type MeasureProgress, type Started, startMeasurements, waitMeasurements } from './measure';
import { dnsMeasurement, httpMeasurement } from './request';
import { checkOf } from './result';
import { verdict } from './verdict';

/**
 * What the background loads when a person asks for a check from other networks (and only
 * then: entrypoints/globalping.ts): ask for the measurements, then wait for them and judge.
 * Plain data in and out, never a thrown GlobalpingError, so that the caller needs none of this
 * module's classes. Touches fetch and the clock through ./api.ts (its `deps` replace them in tests).
 */

/** What the person asked for and what this browser knows, for the measurement. */
export interface CheckInput {
  /** The failing address (already redacted or not: it is redacted again). */
  url: string;
  /** The person agreed to send the page's path and query; otherwise only the site's `/`. */
  includePath: boolean;
  /** ISO 3166-1 alpha-2, when known without asking for location. */
  visitorCountry: string | null;
  /** The server address this browser connected to, to compare the probes' DNS answers with. */
  visitorIp: string | null;
}

/** The measurements asked for, as the background keeps them until they are done. */
export interface StartedCheck extends Started {
  /** The address as sent. */
  target: string;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; failure: OtherNetworksFailure };

function failureOf(error: unknown): OtherNetworksFailure {
  if (!(error instanceof GlobalpingError)) return { kind: 'api-error', status: null };
  const f = error.failure;
  if (f.kind === 'rate-limited') return { kind: 'rate-limited', retryAt: f.rateLimit.retryAt };
  if (f.kind === 'no-probes' || f.kind === 'timeout' || f.kind === 'network') return { kind: f.kind };
  if (f.kind === 'api-error' || f.kind === 'bad-response') return { kind: 'api-error', status: f.status };
  return { kind: 'api-error', status: null };
}

/** The address a measurement requests, as the API is told it (never user:password or fragment). */
function sentAddress(url: string, includePath: boolean): string {
  const redacted = new URL(redactUrl(url));
  return includePath ? `${redacted.origin}${redacted.pathname}${redacted.search}` : `${redacted.origin}/`;
}

/**
 * Asks the API for the HTTP measurement and the DNS one from the same probes. Null when the
 * address cannot be measured from elsewhere (a local or reserved name): nothing is sent then.
 */
export async function startCheck(
  input: CheckInput,
  deps: Partial<GlobalpingDeps> = {},
): Promise<Outcome<StartedCheck> | null> {
  const plan = httpMeasurement({
    url: input.url,
    includePath: input.includePath,
    visitorCountry: input.visitorCountry,
  });
  if (!plan.ok) return null;
  try {
    const started = await startMeasurements(globalpingClient(deps), plan.request, (id) =>
      dnsMeasurement(input.url, id, input.visitorIp),
    );
    return { ok: true, value: { ...started, target: sentAddress(input.url, input.includePath) } };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** Waits for the measurements and judges them against what this browser got. */
export async function finishCheck(
  started: StartedCheck,
  visitor: { status: number | null; ip: string | null; country: string | null; time: number },
  onProgress: (progress: MeasureProgress) => void,
  deps: Partial<GlobalpingDeps> = {},
): Promise<Outcome<OtherNetworksCheck>> {
  try {
    const measured = await waitMeasurements(globalpingClient(deps), started, { onProgress });
    const v = verdict(measured.http, measured.dns, visitor);
    return {
      ok: true,
      value: checkOf(v, { time: visitor.time, measurementId: started.httpId, target: started.target }),
    };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}
