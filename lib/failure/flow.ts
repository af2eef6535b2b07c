import type { NetworkErrorRow } from '@/lib/diagnosis/tables/network-errors';
import { failureLabel } from '@/lib/log/failure-label';
import {
  type CompletedRequest,
  createIncident,
  createNetworkIncident,
  type FailedRequest,
  type IncidentContext,
  withBody,
} from '@/lib/log/incident';
import { MAX_NEW_PER_TAB_MINUTE } from '@/lib/log/limits';
import type { Incident, Vantage } from '@/lib/log/model';
import type { Settings } from '@/lib/settings';
import {
  BURST_GAP_MS,
  type Burst,
  type LogState,
  OFFLINE_REPEAT_MS,
  type OverlayPayload,
  type Pending,
  type TabDocument,
  type TabPage,
} from './model';
import { committed, errorPageAsset, failing, grown, known, MISSED, madeBy } from './tab-document';
import { type SessionArea, TabState } from './tab-state';

/** Longest answer time a page may claim. */
const MAX_RESPONSE_MS = 10 * 60_000;

/** A time the page claims, if it is one: a finite number of ms above 0 and at most ten minutes. */
function pageTiming(value: number): number | undefined {
  return Number.isFinite(value) && value > 0 && value <= MAX_RESPONSE_MS ? Math.round(value) : undefined;
}

/** How an injection attempt ended. */
export type InjectOutcome = 'injected' | 'error-page' | 'failed';

/** The browser-facing side effects, passed in so that the flow is testable without a browser (./flow-browser.ts). */
export interface Effects {
  /** The tab's current URL and whether it is private; undefined when the tab is gone. */
  tabInfo(tabId: number): Promise<{ url?: string; incognito: boolean } | undefined>;
  /** The settings, and where a failure at `time` is seen from. */
  context(
    time: number,
  ): Promise<{ settings: Settings; tzOffset: number; vantage: Vantage; siteOf: (url: string) => string }>;
  /**
   * Stores the incident (coalescing repeats); its id. With `fold`, it opens no new incident but
   * counts on in the site's latest (lib/log/incidents.ts). Throws when the log is unavailable.
   */
  record(incident: Incident, fold?: boolean): Promise<number>;
  /** Replaces what a stored incident says of its page with what the page's body told. */
  refine(id: number, refined: Pick<Incident, 'diagnosis' | 'pageText'>): Promise<void>;
  /** Puts a short label on the tab's toolbar button: the status, or a network error's layer (`DNS`…). */
  badge(tabId: number, text: string): Promise<void>;
  /** Injects the overlay into the tab's top frame (into one document when `documentId` is given). */
  inject(tabId: number, documentId?: string): Promise<InjectOutcome>;
  /**
   * Tells the overlay script in the tab's top frame (in one document when `documentId` is given)
   * about a burst; false when none is listening there.
   */
  notify(tabId: number, burst: Burst, documentId?: string): Promise<boolean>;
  /** Sends the tab to the extension's own explanation page. */
  openExplainPage(tabId: number, url: string, incident: Incident, logState: LogState): Promise<void>;
  /** Sends the tab to the explanation page's "You are offline" notice. */
  openOfflinePage(tabId: number, url: string): Promise<void>;
}

/** The fields of a failed request the flow reads, whichever way it failed. */
type Request = Pick<
  CompletedRequest,
  | 'requestId'
  | 'tabId'
  | 'frameId'
  | 'type'
  | 'url'
  | 'timeStamp'
  | 'initiator'
  | 'documentUrl'
  | 'documentId'
  | 'documentLifecycle'
  | 'incognito'
>;

/** A top-frame navigation event, as webNavigation reports it. */
export interface FrameEvent {
  tabId: number;
  frameId: number;
  url: string;
  /** Epoch ms. */
  timeStamp: number;
  documentId?: string;
}

/** Whether the person wants this failure explained on screen (it is logged either way). */
function wanted(settings: Settings, incident: Incident, topLevel: boolean): boolean {
  if (settings.mutedCodes.includes(incident.status) || settings.quietSites.includes(incident.site)) return false;
  return topLevel ? settings.overlay : settings.apiNotices;
}

/** A short fingerprint of what makes an incident new (its status and address), for the per-tab count. */
function incidentKey(incident: Incident): number {
  let hash = 0x811c9dc5;
  const text = `${incident.status} ${incident.network?.type ?? ''} ${incident.requestUrl}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Follows a failure from the network to the person's screen: a response with a status of 500 or
 * more, or a request that got no response at all (a network error).
 *
 * The order of events is not fixed: for a top-level failure, `webRequest.onCompleted` can
 * fire before or after the new document commits. So the failure is parked per tab, and
 * whichever comes last — completion or commit — injects the overlay; the overlay then
 * claims the entry, checking that its document really is the failing one. When the
 * browser shows its own error page instead (an empty body), nothing can be injected there
 * and the tab is sent to the extension's explanation page. A top-level network error always
 * ends on the browser's own page, so its tab goes to the explanation page at once.
 *
 * Failed sub-requests (API calls, frames, scripts, styles) of a page that loaded become a
 * burst per document: the first one injects the overlay script for a small notice, later ones
 * within BURST_GAP_MS grow its count. A request belongs to the document that made it
 * (./tab-document.ts): the late completions of a page the person left are logged, never shown
 * on the next one, and a top-level failure ends the burst before it. The error page's own CSS,
 * scripts and calls to its site, in the seconds after it failed, are part of its failure, not
 * incidents. A sub-request that got no response is counted in the burst when it went to the
 * page's own site, and not logged (third-party ones are left alone: ad and tracker hosts
 * blocked by DNS fail that way on every page).
 */
export function createFailureFlow(effects: Effects, session: SessionArea, ownOrigin: string) {
  const pending = new TabState<Pending>(session, 'pending');
  // The document each tab shows, with its burst.
  const docs = new TabState<TabDocument>(session, 'documents');
  // The browser clears a tab's badge when a new document commits, which can come after the
  // response completed: the top-level failure is kept to badge the committed page again.
  const badges = new TabState<{ url: string; text: string }>(session, 'badges');
  // What the popup's "This tab" reads: the top-level failure until the tab's next page.
  const pages = new TabState<TabPage>(session, 'pages');
  // The incidents each tab opened in its current minute, so a page cannot flood the log.
  const opened = new TabState<{ start: number; keys: number[] }>(session, 'opened');

  async function showExplainPage(tabId: number, url: string): Promise<void> {
    const entry = await pending.get(tabId);
    if (!entry || entry.url !== url) return;
    await pending.take(tabId);
    await pages.set(tabId, { ...entry, committed: true });
    await effects.openExplainPage(tabId, url, entry.incident, entry.logState);
  }

  /**
   * A top-frame commit: the failing document itself the first time, another page after that.
   * The extension's own explanation page shows the failure it replaced.
   */
  async function forgetPage(event: FrameEvent): Promise<void> {
    const page = await pages.get(event.tabId);
    if (!page || event.url.startsWith(ownOrigin)) return;
    if (!page.committed && page.url === event.url) await pages.set(event.tabId, { ...page, committed: true });
    else await pages.take(event.tabId);
  }

  async function explainTopLevel(
    tabId: number,
    url: string,
    incident: Incident,
    logState: LogState,
    durationMs?: number,
  ): Promise<void> {
    await pending.set(tabId, { url, incident, logState, durationMs });
    // No response, no document of the site's: the browser shows its own page. When the failing
    // document already committed, the overlay goes into that one.
    const doc = await docs.get(tabId);
    const outcome = incident.network ? 'error-page' : await effects.inject(tabId, doc?.coming ? undefined : doc?.id);
    if (outcome === 'error-page') await showExplainPage(tabId, url);
  }

  /**
   * Counts a failed sub-request in its document's burst, and tells the overlay there. False when
   * the tab shows another document now, or that document is gone by the time it is told.
   */
  async function noticeSubRequest(req: Request, status: number, tabUrl: string, nelType?: string): Promise<boolean> {
    let burst: Burst | undefined;
    // Read and written in one step: failures arrive together, and each must be counted.
    const doc = await docs.update(req.tabId, (current) => {
      if (!madeBy(req, current)) return current as TabDocument;
      // A page the flow saw no commit of (the worker started after it): the one that made this.
      const base = current ?? {
        url: tabUrl,
        at: 0,
        ...(req.frameId === 0 && req.documentId ? { id: req.documentId } : {}),
      };
      const next = { host: hostOf(req.url), status, ...(nelType ? { nelType } : {}) };
      burst = grown(base.burst, next, req.timeStamp, BURST_GAP_MS);
      return { ...base, burst };
    });
    if (!burst) return false;
    // Reached only while that document is still there (the person may have moved on meanwhile).
    if (await effects.notify(req.tabId, burst, doc.id)) return true;
    return (await effects.inject(req.tabId, doc.id)) === 'injected';
  }

  /** Whether a failed sub-request is the failing page's own (its CSS, scripts): part of its failure. */
  async function ofErrorPage(req: Request, siteOf: (url: string) => string): Promise<boolean> {
    const doc = await docs.get(req.tabId);
    return errorPageAsset(req, doc, doc !== undefined && siteOf(doc.url) === siteOf(req.url));
  }

  /**
   * Whether a failure would be one new incident too many for its tab this minute: then it is
   * counted on in place instead (MAX_NEW_PER_TAB_MINUTE). Repeats of an address it already
   * opened are not new.
   */
  async function crowded(tabId: number, incident: Incident): Promise<boolean> {
    const key = incidentKey(incident);
    let fold = false;
    await opened.update(tabId, (window) => {
      const current = window && incident.time - window.start < 60_000 ? window : { start: incident.time, keys: [] };
      if (current.keys.includes(key)) return current;
      if (current.keys.length >= MAX_NEW_PER_TAB_MINUTE) {
        fold = true;
        return current;
      }
      return { start: current.start, keys: [...current.keys, key] };
    });
    return fold;
  }

  async function record(incident: Incident, hidden: boolean, settings: Settings): Promise<LogState> {
    // Private windows, and requests whose tab is unknown (it may be a private one), are
    // explained but not logged, unless the person allowed it.
    if (hidden && !settings.logPrivate) return 'private';
    try {
      incident.id = await effects.record(incident, await crowded(incident.tabId, incident));
      return 'saved';
    } catch {
      return 'unavailable';
    }
  }

  // Offline errors come in bunches (every tab at once): one at a time, so that one says it.
  let offlineTurn: Promise<void> = Promise.resolve();

  /** Our own checks ("Reload when it's back", from the service worker, in no tab) are not the person's failures. */
  const ours = (req: Request) =>
    req.tabId < 0 && (req.initiator === ownOrigin || req.documentUrl?.startsWith(ownOrigin) === true);

  /**
   * The one path of a failure: make the record, log it, badge the tab, and explain it (a page)
   * or count it in the page's burst (a sub-request). `startedAt` is when a top-level request
   * started, when the background saw it (./request-starts.ts): how long it took is evidence.
   */
  async function handle(
    req: Request,
    startedAt: number | undefined,
    make: (context: IncidentContext) => Incident,
  ): Promise<void> {
    // A Retry from the explanation page is the person's: it navigates a tab.
    if (ours(req)) return;
    const topLevel = req.type === 'main_frame';
    // First, before anything else is awaited: the failing page ends the burst of the page before
    // it, and its own CSS and scripts, which come next, are known for what they are.
    if (topLevel && req.tabId >= 0) {
      let told = false;
      await docs.update(req.tabId, (doc) => {
        told = known(doc, req.url, req.timeStamp, req.requestId);
        return told ? (doc as TabDocument) : failing(doc, req.url, req.timeStamp, startedAt, req.requestId);
      });
      // Heard twice while the extension was starting: from webRequest and from the page itself.
      if (told) return;
    }
    const durationMs = startedAt === undefined ? undefined : Math.max(0, req.timeStamp - startedAt);
    const tab = req.tabId < 0 ? undefined : await effects.tabInfo(req.tabId);
    const { settings, tzOffset, vantage, siteOf } = await effects.context(req.timeStamp);
    if (!topLevel && tab && (await ofErrorPage(req, siteOf))) return;
    const pageUrl = topLevel ? undefined : tab?.url;
    const incident = make({ pageUrl, tzOffset, vantage, siteOf, durationMs });
    const logState = await record(incident, !tab || tab.incognito || req.incognito === true, settings);
    if (!tab) return;
    const text = failureLabel(incident);
    if (topLevel) {
      // Kept before it is painted: a notice of the page before, painted late, reads it (badgeNotice).
      await pages.set(req.tabId, { url: req.url, incident, logState, committed: false });
      // A false alarm (a bot check, a Wi-Fi login) is not the site's failure: no badge for it.
      if (!incident.diagnosis.falseAlarm) {
        await badges.set(req.tabId, { url: req.url, text });
        await effects.badge(req.tabId, text);
      }
      if (wanted(settings, incident, true)) await explainTopLevel(req.tabId, req.url, incident, logState, durationMs);
      return;
    }
    // Logged either way; shown, and badged, only on the document that made it.
    if (!wanted(settings, incident, false)) {
      if (madeBy(req, await docs.get(req.tabId))) await badgeNotice(req, text);
      return;
    }
    if (await noticeSubRequest(req, incident.status, tab.url ?? '')) await badgeNotice(req, text);
  }

  /**
   * Badges a sub-request's failure on the document that made it. The tab may have moved on while
   * that was painted: then the tab gets its own page's badge back (a top-level failure always
   * wins), or none.
   */
  async function badgeNotice(req: Request, text: string): Promise<void> {
    await effects.badge(req.tabId, text);
    const doc = await docs.get(req.tabId);
    if (madeBy(req, doc)) return;
    const page = await pages.get(req.tabId);
    const own = page && page.url === doc?.url && !page.incident.diagnosis.falseAlarm;
    await effects.badge(req.tabId, own ? failureLabel(page.incident) : '');
  }

  return {
    /** A response with status ≥ 500 completed; `startedAt` as for handle. */
    async onFailure(req: CompletedRequest, startedAt?: number): Promise<void> {
      await handle(req, startedAt, (context) => createIncident(req, context));
    },

    /**
     * A page that failed before webRequest could report it (the extension was starting,
     * ./startup-catch-up.ts): its top document says it answered `status`. Explained and logged
     * as if heard, without headers, unless the flow already knows the failure.
     */
    async onMissedPage(tabId: number, url: string, status: number, time: number): Promise<void> {
      const req: CompletedRequest = {
        requestId: `${MISSED}${tabId}-${time}`,
        url,
        method: 'GET',
        type: 'main_frame',
        statusCode: status,
        tabId,
        frameId: 0,
        fromCache: false,
        timeStamp: time,
        responseHeaders: [],
      };
      await handle(req, undefined, (context) => createIncident(req, context));
    },

    /**
     * A top-level request got no response (webRequest.onErrorOccurred), classified as `row`;
     * `startedAt` is when it started, when the background saw that.
     */
    async onNetworkError(req: FailedRequest, row: NetworkErrorRow, startedAt?: number): Promise<void> {
      await handle(req, startedAt, (context) => createNetworkIncident(req, row, context));
    },

    /**
     * A sub-request (API call, frame, script, style) got no response: counted in the page's
     * burst when it went to the page's own site, never logged.
     */
    async onSubRequestNetworkError(req: FailedRequest, row: NetworkErrorRow): Promise<void> {
      if (req.tabId < 0 || ours(req)) return;
      const tab = await effects.tabInfo(req.tabId);
      if (!tab?.url) return;
      const { settings, siteOf } = await effects.context(req.timeStamp);
      const site = siteOf(tab.url);
      if (!settings.apiNotices || settings.quietSites.includes(site) || siteOf(req.url) !== site) return;
      if (await ofErrorPage(req, siteOf)) return;
      await noticeSubRequest(req, 0, tab.url, row.type);
    },

    /**
     * A page could not load because the browser is offline: not the site's failure, so not
     * logged; the person is told once (again after OFFLINE_REPEAT_MS), not for every page.
     */
    onOffline(req: FailedRequest): Promise<void> {
      if (req.tabId < 0 || ours(req)) return Promise.resolve();
      offlineTurn = offlineTurn.then(async () => {
        const said = (await session.get('offlineSaidAt')).offlineSaidAt;
        if (typeof said === 'number' && req.timeStamp - said < OFFLINE_REPEAT_MS) return;
        await session.set({ offlineSaidAt: req.timeStamp });
        await effects.openOfflinePage(req.tabId, req.url);
      });
      // A failed turn must not stop the next one.
      offlineTurn = offlineTurn.catch(() => undefined);
      return offlineTurn;
    },

    /** A document committed in some frame. */
    async onCommitted(event: FrameEvent): Promise<void> {
      if (event.frameId !== 0) return;
      // A new page starts without a burst of its own.
      await docs.update(event.tabId, (doc) => committed(doc, event));
      const badge = await badges.take(event.tabId);
      if (badge?.url === event.url) await effects.badge(event.tabId, badge.text);
      await forgetPage(event);
      const entry = await pending.get(event.tabId);
      if (!entry) return;
      if (entry.url !== event.url) {
        await pending.take(event.tabId);
        return;
      }
      const outcome = await effects.inject(event.tabId, event.documentId);
      if (outcome === 'error-page') await showExplainPage(event.tabId, event.url);
    },

    /** A top-frame navigation ended on the browser's own error page. */
    async onNavigationError(event: FrameEvent): Promise<void> {
      if (event.frameId === 0) await showExplainPage(event.tabId, event.url);
    },

    /**
     * The overlay in a tab asks what to show: the failing page's explanation (diagnosed again
     * with the page's body and the time its response took: `responseMs` comes from the page, so
     * anything but a plausible time is ignored), or the notice for a burst of failed
     * sub-requests, or nothing.
     */
    async onClaim(
      tabId: number,
      url: string,
      navStatus: number,
      body: string,
      responseMs?: number,
      documentId?: string,
    ): Promise<OverlayPayload | null> {
      const doc = await docs.get(tabId);
      // The claiming document, as the browser names it (Chromium; Firefox 153+), must be the tab's.
      if (documentId !== undefined && doc?.id !== undefined && doc.id !== documentId) return null;
      const entry = await pending.get(tabId);
      if (entry && entry.url === url && !(navStatus > 0 && navStatus < 500)) {
        await pending.take(tabId);
        const durationMs = pageTiming(responseMs ?? Number.NaN) ?? entry.durationMs;
        const incident = body || durationMs !== undefined ? withBody(entry.incident, body, durationMs) : entry.incident;
        if (incident !== entry.incident && incident.id !== undefined) {
          await effects.refine(incident.id, incident).catch(() => undefined);
        }
        await pages.set(tabId, { url, incident, logState: entry.logState, committed: true });
        // The page's own words can show a false alarm the headers did not: its badge goes.
        if (incident.diagnosis.falseAlarm && !entry.incident.diagnosis.falseAlarm) {
          await badges.take(tabId);
          await effects.badge(tabId, '');
        }
        return { kind: 'page', incident, logState: entry.logState };
      }
      return doc?.burst ? { kind: 'notice', burst: doc.burst } : null;
    },

    /**
     * The overlay in a tab gave up: the page kept removing the card. The failure's label (`500`)
     * when it is the tab's page's, for the toolbar button to say where the explanation is now.
     */
    async onHidden(tabId: number, url: string): Promise<string | null> {
      const page = await pages.get(tabId);
      return page?.committed && page.url === url ? failureLabel(page.incident) : null;
    },

    async onTabRemoved(tabId: number): Promise<void> {
      await opened.take(tabId);
      await pending.take(tabId);
      await docs.take(tabId);
      await badges.take(tabId);
      await pages.take(tabId);
    },

    /** What the tab shows now, for the popup: its top-level failure and its page's latest burst. */
    async onTab(tabId: number): Promise<{ page?: TabPage; burst?: Burst }> {
      return { page: await pages.get(tabId), burst: (await docs.get(tabId))?.burst };
    },
  };
}

export type FailureFlow = ReturnType<typeof createFailureFlow>;
