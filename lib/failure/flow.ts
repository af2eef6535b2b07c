import { type CompletedRequest, createIncident, withBody } from '@/lib/log/incident';
import { MAX_NEW_PER_TAB_MINUTE } from '@/lib/log/limits';
import type { Incident, Vantage } from '@/lib/log/model';
import type { Settings } from '@/lib/settings';
import { BURST_GAP_MS, type Burst, type LogState, type OverlayPayload, type Pending, type TabPage } from './model';
import { type SessionArea, TabState } from './tab-state';

/** Top-level requests in flight whose start is remembered; older ones are forgotten first. */
const MAX_IN_FLIGHT = 64;

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
  badge(tabId: number, status: number): Promise<void>;
  /** Injects the overlay into the tab's top frame (into one document when `documentId` is given). */
  inject(tabId: number, documentId?: string): Promise<InjectOutcome>;
  /** Tells the overlay script in the tab's top frame about a burst; false when none is listening. */
  notify(tabId: number, burst: Burst): Promise<boolean>;
  /** Sends the tab to the extension's own explanation page. */
  openExplainPage(tabId: number, url: string, incident: Incident, logState: LogState): Promise<void>;
}

/** A top-frame navigation event, as webNavigation reports it. */
export interface FrameEvent {
  tabId: number;
  frameId: number;
  url: string;
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
  const text = `${incident.status} ${incident.requestUrl}`;
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
 * Follows a failed response from the network to the person's screen.
 *
 * The order of events is not fixed: for a top-level failure, `webRequest.onCompleted` can
 * fire before or after the new document commits. So the failure is parked per tab, and
 * whichever comes last — completion or commit — injects the overlay; the overlay then
 * claims the entry, checking that its document really is the failing one. When the
 * browser shows its own error page instead (an empty body), nothing can be injected there
 * and the tab is sent to the extension's explanation page.
 *
 * Failed sub-requests (API calls, frames, scripts, styles) of a page that loaded become a
 * burst per tab: the first one injects the overlay script for a small notice, later ones
 * within BURST_GAP_MS grow its count.
 */
export function createFailureFlow(effects: Effects, session: SessionArea, ownOrigin: string) {
  const pending = new TabState<Pending>(session, 'pending');
  const bursts = new TabState<Burst>(session, 'bursts');
  // The browser clears a tab's badge when a new document commits, which can come after the
  // response completed: the top-level failure is kept to badge the committed page again.
  const badges = new TabState<{ url: string; status: number }>(session, 'badges');
  // When each top-level request went out, by request id. In memory on purpose: it is a write per
  // page load, and a stopped worker only loses the timing of the few requests then in flight.
  const sent = new Map<string, number>();
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
    const outcome = await effects.inject(tabId);
    if (outcome === 'error-page') await showExplainPage(tabId, url);
  }

  async function noticeSubRequest(tabId: number, req: CompletedRequest): Promise<void> {
    // Read and written in one step: failures arrive together, and each must be counted.
    const burst = await bursts.update(tabId, (previous): Burst => {
      const ongoing = previous && req.timeStamp - previous.last < BURST_GAP_MS;
      return {
        id: ongoing ? previous.id : (previous?.id ?? 0) + 1,
        status: req.statusCode,
        count: ongoing ? previous.count + 1 : 1,
        first: ongoing ? (previous.first ?? previous.last) : req.timeStamp,
        last: Math.max(req.timeStamp, previous?.last ?? 0),
        host: hostOf(req.url),
      };
    });
    if (!(await effects.notify(tabId, burst))) await effects.inject(tabId);
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

  return {
    /** A top-level request is being sent: its failure's diagnosis reads how long the answer took. */
    onRequestSent(req: { requestId: string; timeStamp: number }): void {
      sent.set(req.requestId, req.timeStamp);
      if (sent.size > MAX_IN_FLIGHT) sent.delete(sent.keys().next().value as string);
    },

    /** A response with status ≥ 500 completed. */
    async onFailure(req: CompletedRequest): Promise<void> {
      // Our own checks ("Reload when it's back", from the service worker, in no tab) are not the
      // person's failures. A Retry from the explanation page is: it navigates a tab.
      if (req.tabId < 0 && (req.initiator === ownOrigin || req.documentUrl?.startsWith(ownOrigin))) return;
      const topLevel = req.type === 'main_frame';
      const began = sent.get(req.requestId);
      sent.delete(req.requestId);
      const durationMs = began === undefined ? undefined : req.timeStamp - began;
      const tab = req.tabId < 0 ? undefined : await effects.tabInfo(req.tabId);
      const { settings, tzOffset, vantage, siteOf } = await effects.context(req.timeStamp);
      const pageUrl = topLevel ? undefined : tab?.url;
      const incident = createIncident(req, { pageUrl, tzOffset, vantage, siteOf, durationMs });
      const logState = await record(incident, !tab || tab.incognito || req.incognito === true, settings);
      if (!tab) return;
      await effects.badge(req.tabId, req.statusCode);
      if (topLevel) {
        await badges.set(req.tabId, { url: req.url, status: req.statusCode });
        await pages.set(req.tabId, { url: req.url, incident, logState, committed: false });
      }
      if (!wanted(settings, incident, topLevel)) return;
      if (topLevel) await explainTopLevel(req.tabId, req.url, incident, logState, durationMs);
      else await noticeSubRequest(req.tabId, req);
    },

    /** A document committed in some frame. */
    async onCommitted(event: FrameEvent): Promise<void> {
      if (event.frameId !== 0) return;
      // A new page starts without a burst of its own.
      await bursts.take(event.tabId);
      const badge = await badges.take(event.tabId);
      if (badge?.url === event.url) await effects.badge(event.tabId, badge.status);
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
    ): Promise<OverlayPayload | null> {
      const entry = await pending.get(tabId);
      if (entry && entry.url === url && !(navStatus > 0 && navStatus < 500)) {
        await pending.take(tabId);
        const durationMs = pageTiming(responseMs ?? Number.NaN) ?? entry.durationMs;
        const incident = body || durationMs !== undefined ? withBody(entry.incident, body, durationMs) : entry.incident;
        if (incident !== entry.incident && incident.id !== undefined) {
          await effects.refine(incident.id, incident).catch(() => undefined);
        }
        await pages.set(tabId, { url, incident, logState: entry.logState, committed: true });
        return { kind: 'page', incident, logState: entry.logState };
      }
      const burst = await bursts.get(tabId);
      return burst ? { kind: 'notice', burst } : null;
    },

    async onTabRemoved(tabId: number): Promise<void> {
      await opened.take(tabId);
      await pending.take(tabId);
      await bursts.take(tabId);
      await badges.take(tabId);
      await pages.take(tabId);
    },

    /** What the tab shows now, for the popup: its top-level failure and its page's latest burst. */
    async onTab(tabId: number): Promise<{ page?: TabPage; burst?: Burst }> {
      return { page: await pages.get(tabId), burst: await bursts.get(tabId) };
    },
  };
}

export type FailureFlow = ReturnType<typeof createFailureFlow>;
