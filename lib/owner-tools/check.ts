import type { Diagnosis } from '@/lib/diagnosis/model';

/** Why a check got no status at all. */
export type CheckError = 'timeout' | 'unreachable';

/** One "Check now" or watch result: what the site answered, from which network, how fast. */
export interface CheckRecord {
  id?: number;
  /** Epoch ms when the check was sent. */
  time: number;
  tzOffset: number;
  site: string;
  /** The address checked (redacted). */
  url: string;
  /** The status, or null when nothing answered (see `error`). */
  status: number | null;
  statusLine: string;
  error?: CheckError;
  /** Milliseconds until the response's headers arrived (time to first byte, as the browser sees it). */
  ttfbMs: number | null;
  ip: string | null;
  headers: Record<string, string>;
  /** Who answered: layers, edge location, and for a 5xx the likely cause. */
  diagnosis: Diagnosis;
  /** The network label set when the check ran. */
  networkLabel: string;
  /** A person's "Check now", or a watch's periodic check. */
  kind: 'check' | 'watch';
}

/** True when the site answered without a server error. */
export function checkOk(check: Pick<CheckRecord, 'status'>): boolean {
  return check.status !== null && check.status < 500;
}
