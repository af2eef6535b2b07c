import type { Diagnosis } from '@/lib/diagnosis/model';
import { type CompletedRequest, createIncident, withBody } from '@/lib/log/incident';
import { MAX_NEW_PER_TAB_MINUTE } from '@/lib/log/limits';
import type { Incident, Vantage } from '@/lib/log/model';
import type { Settings } from '@/lib/settings';
import { BURST_GAP_MS, type Burst, type LogState, type OverlayPayload, type Pending } from './model';
import { type SessionArea, TabState } from './tab-state';

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
  /** Replaces a stored incident's diagnosis with the one the page's body refined. */
  refine(id: number, diagnosis: Diagnosis): Promise<void>;
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
  // The incidents each tab opened in its current minute, so a page cannot flood the log.
  const opened = new TabState<{ start: number; keys: number[] }>(session, 'opened');

  async function showExplainPage(tabId: number, url: string): Promise<void> {
    const entry = await pending.get(tabId);
    if (!entry || entry.url !== url) return;
    await pending.take(tabId);
    await effects.openExplainPage(tabId, url, entry.incident, entry.logState);
  }

  async function explainTopLevel(tabId: number, url: string, incident: Incident, logState: LogState): Promise<void> {
    await pending.set(tabId, { url, incident, logState });
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
    /** A response with status ≥ 500 completed. */
    async onFailure(req: CompletedRequest): Promise<void> {
      // Our own checks ("Reload when it's back", from the service worker, in no tab) are not the
      // person's failures. A Retry from the explanation page is: it navigates a tab.
      if (req.tabId < 0 && (req.initiator === ownOrigin || req.documentUrl?.startsWith(ownOrigin))) return;
      const topLevel = req.type === 'main_frame';
      const tab = req.tabId < 0 ? undefined : await effects.tabInfo(req.tabId);
      const { settings, tzOffset, vantage, siteOf } = await effects.context(req.timeStamp);
      const incident = createIncident(req, { pageUrl: topLevel ? undefined : tab?.url, tzOffset, vantage, siteOf });
      const logState = await record(incident, !tab || tab.incognito || req.incognito === true, settings);
      if (!tab) return;
      await effects.badge(req.tabId, req.statusCode);
      if (topLevel) await badges.set(req.tabId, { url: req.url, status: req.statusCode });
      if (!wanted(settings, incident, topLevel)) return;
      if (topLevel) await explainTopLevel(req.tabId, req.url, incident, logState);
      else await noticeSubRequest(req.tabId, req);
    },

    /** A document committed in some frame. */
    async onCommitted(event: FrameEvent): Promise<void> {
      if (event.frameId !== 0) return;
      // A new page starts without a burst of its own.
      await bursts.take(event.tabId);
      const badge = await badges.take(event.tabId);
      if (badge?.url === event.url) await effects.badge(event.tabId, badge.status);
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
     * with the page's body), or the notice for a burst of failed sub-requests, or nothing.
     */
    async onClaim(tabId: number, url: string, navStatus: number, body: string): Promise<OverlayPayload | null> {
      const entry = await pending.get(tabId);
      if (entry && entry.url === url && !(navStatus > 0 && navStatus < 500)) {
        await pending.take(tabId);
        const incident = body ? withBody(entry.incident, body) : entry.incident;
        if (
          incident.id !== undefined &&
          JSON.stringify(incident.diagnosis) !== JSON.stringify(entry.incident.diagnosis)
        ) {
          await effects.refine(incident.id, incident.diagnosis).catch(() => undefined);
        }
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
    },
  };
}

export type FailureFlow = ReturnType<typeof createFailureFlow>;
