import type { Incident } from '@/lib/log/model';

/** What the failure flow keeps per tab and hands to the overlay. Types and their constants. */

/** The webRequest request types whose failure can break what a person sees. */
export const WATCHED_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest', 'script', 'stylesheet'] as const;

/** A top-level failure waiting for its document to show the explanation. */
export interface Pending {
  /** The failing URL exactly as requested (not redacted: it is matched, never stored on disk). */
  url: string;
  incident: Incident;
  logState: LogState;
  /** How long its answer took, as the background saw it; the page's own timing refines it. */
  durationMs?: number;
}

/**
 * The top-level failure a tab shows, kept from the failure until the tab's next page, for the
 * popup's "This tab". `committed` is set once the failing document itself committed (or the
 * overlay claimed it): the next commit is then another page.
 */
export interface TabPage extends Pending {
  committed: boolean;
}

/**
 * The document a tab's top frame shows, as the failure flow knows it (./tab-document.ts), with
 * its burst: a request belongs to the document that made it, and a burst to one document.
 */
export interface TabDocument {
  /** Its address. */
  url: string;
  /** webNavigation's documentId, once its commit is seen (Chromium; Firefox 153 and later). */
  id?: string;
  /** Epoch ms it committed, or, while `coming`, when its failing response completed. */
  at: number;
  /** A top-level failure whose document has not committed yet. */
  coming?: true;
  /** While `coming`: the id of the document before it, whose late requests are not this one's. */
  previousId?: string;
  /** For a failing page: when its response completed (its own CSS and scripts are part of it). */
  failedAt?: number;
  /** The request id of that failure (`missed-…` when the page told of it, ./startup-catch-up.ts). */
  failedBy?: string;
  /** Its latest burst of failed sub-requests. */
  burst?: Burst;
}

/**
 * What the popup shows about one tab: the top-level failure it shows, else the latest burst of
 * its page with the logged incidents of that burst, newest first.
 */
export type TabFailure =
  | { kind: 'page'; incident: Incident; logState: LogState }
  | { kind: 'burst'; burst: Burst; incidents: Incident[] };

/** Whether an incident is in the log: saved, left out (private window), or the log failed. */
export type LogState = 'saved' | 'private' | 'unavailable';

/**
 * A burst: failed sub-requests (API calls, frames, scripts, styles) of one page with no pause of
 * BURST_GAP_MS between them. The overlay shows one notice per burst, with a count.
 */
export interface Burst {
  /** Counts the bursts in a tab, so a notice dismissed for one burst comes back for the next. */
  id: number;
  /** The status of the latest failure; 0 when it got no response (a network error). */
  status: number;
  /** For a network error: its NEL type (`tcp.refused`…). */
  nelType?: string;
  count: number;
  /** Epoch ms of the burst's first failure (absent in bursts kept by older versions). */
  first?: number;
  /** Epoch ms of the latest failure: a burst ends after BURST_GAP_MS without one. */
  last: number;
  /** Host of the latest failing request. */
  host: string;
}

/** A pause this long ends a burst of failures; the next failure starts a new notice. */
export const BURST_GAP_MS = 10_000;

/** "You are offline" is said once, then again only after this long (lib/failure/flow.ts). */
export const OFFLINE_REPEAT_MS = 10 * 60_000;

/** What the overlay script is asked to show in a page. */
export type OverlayPayload =
  | { kind: 'page'; incident: Incident; logState: LogState }
  | { kind: 'notice'; burst: Burst };
