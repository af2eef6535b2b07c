import type { OtherNetworksCheck } from '@/lib/log/model';

/**
 * "Check from other networks" (Globalping), the part everyone shares: what can go wrong, and
 * where a check stands, as the background answers the popup, the explanation page and the
 * overlay. Types and pure rules; the background's side is ./other-networks-browser.ts, the
 * measuring itself is ./globalping/ (loaded only when used).
 */

/** The API: the only host this feature talks to, and the optional host permission it asks for. */
const GLOBALPING_ORIGIN = 'https://api.globalping.io';
export const GLOBALPING_PERMISSION = { origins: [`${GLOBALPING_ORIGIN}/*`] };

/** Why a check from other networks gave no answer, in the words the person needs. */
export type OtherNetworksFailure =
  /** The API's limit for anonymous use (tests an hour): try again after `retryAt`. */
  | { kind: 'rate-limited'; retryAt: number | null }
  /** No probe could take it. */
  | { kind: 'no-probes' }
  /** The probes did not finish in time. */
  | { kind: 'timeout' }
  /** The API could not be reached (offline, blocked, DNS). */
  | { kind: 'network' }
  /** The API answered with an error, or with something that is not its answer. */
  | { kind: 'api-error'; status: number | null };

/** Where a check of a site stands. */
export type OtherNetworksState =
  /** Off: the person has not agreed yet (or turned it off). Nothing was sent. */
  | { state: 'off' }
  /** Nothing was asked for this site yet. */
  | { state: 'idle' }
  /** The address cannot be checked from elsewhere (a local or reserved name, not http), or not from here. */
  | { state: 'refused' }
  /** Probes are answering: `done` of `total`. */
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; check: OtherNetworksCheck }
  | { state: 'failed'; failure: OtherNetworksFailure };

/**
 * Until when the API's last rate-limit answer asks us to wait: nothing is sent before then, and
 * the person is told when to try again instead of a silent retry. An hour at most when the API
 * named no time (its window is an hour).
 */
export function blockedUntil(failure: OtherNetworksFailure, now: number): number | null {
  if (failure.kind !== 'rate-limited') return null;
  return failure.retryAt ?? now + 3_600_000;
}

/** A check that stopped without an answer long ago is no longer running: its worker died with it. */
export const JOB_STALE_MS = 120_000;

/** The name /globalping.js puts its functions under, for the background to find them. */
export const GLOBALPING_GLOBAL = '__5xxExplainerGlobalping';
/** The built script the background loads when a check is asked for (entrypoints/globalping.ts). */
export const GLOBALPING_SCRIPT = '/globalping.js';

/** What /globalping.js provides (./globalping/run.ts). */
export interface GlobalpingModule {
  startCheck: typeof import('./globalping/run').startCheck;
  finishCheck: typeof import('./globalping/run').finishCheck;
}

/**
 * The country in the browser's language tag (`en-GB` → `GB`), the only hint of where the person
 * is that needs no asking; null when the tag names none. It adds one probe from that country.
 */
export function countryOfLanguage(tag: string): string | null {
  return /^[a-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-|$)/.exec(tag)?.[1]?.toUpperCase() ?? null;
}

/** What a page needs to offer "Check from other networks" (lib/messaging/other-networks-client.ts). */
export interface OtherNetworksApi {
  /** Starts a check of `url` (or answers the one running); `off` when the person has not agreed. */
  check(url: string, incidentId?: number): Promise<OtherNetworksState>;
  /** Where the check of `url`'s site stands. */
  status(url: string): Promise<OtherNetworksState>;
  /**
   * How a person agrees: here, on one of the extension's pages, which may ask for the API's host
   * permission (true once granted and saved); or, from the overlay, in the settings it opens.
   */
  consent: { where: 'here'; allow(includePath: boolean): Promise<boolean> } | { where: 'settings'; open(): void };
}
