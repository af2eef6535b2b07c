import type { Burst, TabDocument } from './model';

/**
 * Which document a failed request belongs to. Pure: the failure flow (./flow.ts) keeps one
 * TabDocument per tab and asks these questions of it.
 *
 * A tab's events reach the background in order, but the flow handles them asynchronously, and a
 * page with hundreds of failing calls keeps it busy after the person has moved on: the old
 * document's late completions must not land on the new one. So a request is matched to the
 * document that made it, by what the browser says of it:
 * - Chromium: `documentLifecycle` (only an `active` document is the one on screen) and, in the top
 *   frame, `documentId`, compared with webNavigation's;
 * - Firefox (no document ids in webRequest): in the top frame `documentUrl`, the address of the
 *   document that made the request, and everywhere its time, against when the document committed.
 */

/** The fields of a webRequest event read here (Chromium names; Firefox gives `documentUrl`). */
export interface RequestOrigin {
  frameId: number;
  timeStamp: number;
  documentId?: string;
  documentLifecycle?: string;
  documentUrl?: string;
}

/** A top-frame commit, as webNavigation reports it. */
export interface Commit {
  url: string;
  timeStamp: number;
  documentId?: string;
}

/** An address without its fragment: a jump within a page is the same document. */
function sansFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Whether a failed sub-request was made by the document the tab shows (or, while a failing page
 * is still to commit, by none that is gone). Unknown is the page on screen: a worker that started
 * after the page committed has seen no commit.
 */
export function madeBy(req: RequestOrigin, doc: TabDocument | undefined): boolean {
  // A page being unloaded, kept in the back/forward cache, or prerendered is not on screen.
  if (req.documentLifecycle !== undefined && req.documentLifecycle !== 'active') return false;
  if (!doc) return true;
  if (req.frameId === 0 && req.documentId !== undefined) {
    if (doc.id !== undefined) return req.documentId === doc.id;
    // The failing page has not committed yet: a request of the page before it is late.
    if (doc.previousId !== undefined && req.documentId === doc.previousId) return false;
  }
  if (req.frameId === 0 && req.documentUrl && sansFragment(req.documentUrl) !== sansFragment(doc.url)) return false;
  // Nothing a document does can end before it commits; the page before it stops at that point.
  return req.timeStamp >= doc.at;
}

/** The tab's document once a top-frame commit is seen: the failing page committing, or a new page. */
export function committed(doc: TabDocument | undefined, commit: Commit): TabDocument {
  const next: TabDocument = { url: commit.url, at: commit.timeStamp };
  if (commit.documentId !== undefined) next.id = commit.documentId;
  // The failing page committing: it still stands for its failure, and for who told of it.
  if (doc?.coming && doc.url === commit.url && doc.failedAt !== undefined) {
    next.failedAt = doc.failedAt;
    if (doc.failedBy !== undefined) next.failedBy = doc.failedBy;
  }
  return next;
}

/** How close in time a page's own account of its failure and webRequest's are, for one failure. */
const SAME_FAILURE_MS = 1000;

/**
 * Whether a top-level failure is one the tab's document already stands for: told once by
 * webRequest and once by the page itself (./startup-catch-up.ts), in either order, or the same
 * account twice (a page asked on its commit and again as a page open at start).
 */
export function known(doc: TabDocument | undefined, url: string, time: number, requestId: string): boolean {
  if (doc?.failedAt === undefined || doc.url !== url || Math.abs(doc.failedAt - time) >= SAME_FAILURE_MS) return false;
  if (doc.failedBy === requestId) return true;
  return (doc.failedBy?.startsWith(MISSED) ?? false) !== requestId.startsWith(MISSED);
}

/** Request ids the flow gives the failures pages tell of themselves: `missed-<tab>-<response end>`. */
export const MISSED = 'missed-';

/**
 * The tab's document once a top-level failure of `url` completed at `time`: the document already
 * committed for it (the commit came first, after the request started at `startedAt`), or a failing
 * page still to commit. Either way the page before it and its burst are over.
 */
export function failing(
  doc: TabDocument | undefined,
  url: string,
  time: number,
  startedAt?: number,
  requestId?: string,
): TabDocument {
  if (doc && !doc.coming && doc.url === url && startedAt !== undefined && doc.at >= startedAt) {
    const { burst: _over, ...same } = doc;
    return { ...same, failedAt: time, ...(requestId ? { failedBy: requestId } : {}) };
  }
  const next: TabDocument = {
    url,
    at: time,
    failedAt: time,
    coming: true,
    ...(requestId ? { failedBy: requestId } : {}),
  };
  const previousId = doc?.coming ? doc.previousId : doc?.id;
  if (previousId !== undefined) next.previousId = previousId;
  return next;
}

/** Sub-requests within this long after a top-level failure, to its own site, are the error page's own. */
const ERROR_PAGE_ASSETS_MS = 10_000;

/**
 * Whether a failed sub-request is the error page's own (its CSS, images, scripts): made by the
 * failing document, within ERROR_PAGE_ASSETS_MS of its failure, to its own site. Those are part of
 * the page's failure, not incidents of their own. `sameSite` compares the request with the page.
 */
export function errorPageAsset(req: RequestOrigin, doc: TabDocument | undefined, sameSite: boolean): boolean {
  return (
    doc?.failedAt !== undefined && sameSite && req.timeStamp - doc.failedAt < ERROR_PAGE_ASSETS_MS && madeBy(req, doc)
  );
}

/** The burst after one more failure at `time` (a new one after a pause of `gap` ms). */
export function grown(
  previous: Burst | undefined,
  next: Omit<Burst, 'id' | 'count' | 'first' | 'last'>,
  time: number,
  gap: number,
): Burst {
  const ongoing = previous && time - previous.last < gap;
  return {
    ...next,
    id: ongoing ? previous.id : (previous?.id ?? 0) + 1,
    count: ongoing ? previous.count + 1 : 1,
    first: ongoing ? (previous.first ?? previous.last) : time,
    last: Math.max(time, previous?.last ?? 0),
  };
}
