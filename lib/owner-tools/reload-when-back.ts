/**
 * "Reload when it's back": when to check a failed address again. Pure: the page that shows
 * the countdown runs the timer (it lives exactly as long as the tab shows the failure, so it
 * stops by itself when the tab closes or navigates away), and the background does each
 * check (GET, no cache, not logged), so no state lives in the service worker between checks.
 * Not to be confused with a watch (./watch.ts), which lives in the background.
 */

/** At most this many checks; then we stop and say so. */
export const MAX_CHECKS = 10;
/** Backoff without Retry-After: 5 s, 10 s, 20 s, 40 s, then every 60 s. */
const BACKOFF_S = [5, 10, 20, 40, 60];
/** Never sooner than this, whatever Retry-After says; never later than this either. */
const MIN_S = 1;
const MAX_S = 15 * 60;

/** Seconds to wait before check number `attempt` (0-based), honouring Retry-After when given. */
export function nextDelay(attempt: number, retryAfterSeconds: number | null): number {
  const backoff = BACKOFF_S[Math.min(attempt, BACKOFF_S.length - 1)] as number;
  const wanted = retryAfterSeconds ?? backoff;
  return Math.min(MAX_S, Math.max(MIN_S, Math.ceil(wanted)));
}

/** Where "reload when it's back" stands, for the card to show. */
export type ReloadState =
  | { phase: 'idle' }
  | { phase: 'waiting'; seconds: number; attempt: number }
  | { phase: 'checking'; attempt: number }
  | { phase: 'back' }
  | { phase: 'gave-up' };

/** What one check found, as reload when it's back needs it: the status (null when nothing answered). */
export interface CheckResult {
  status: number | null;
  /** Retry-After of the answer, in seconds, when it had one. */
  retryAfter: number | null;
}
