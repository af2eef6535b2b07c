import { type CompletedRequest, createIncident, type Incident, type Vantage } from './incident';
import type { PendingByTab } from './pending';
import type { Settings } from './settings';

/** How an injection attempt ended. */
export type InjectOutcome = 'injected' | 'error-page' | 'failed';

/** The browser-facing side effects, passed in so that the flow is testable without a browser. */
export interface Effects {
  /** The tab's current URL and whether it is private; undefined when the tab is gone. */
  tabInfo(tabId: number): Promise<{ url?: string; incognito: boolean } | undefined>;
  /** The settings, and where a failure at `time` is seen from. */
  context(time: number): Promise<{ settings: Settings; tzOffset: number; vantage: Vantage }>;
  /** Stores the incident; its id, or undefined when the log is unavailable. */
  record(incident: Incident): Promise<number | undefined>;
  badge(tabId: number, status: number): Promise<void>;
  /** Injects the overlay into the tab's top frame (into one document when `documentId` is given). */
  inject(tabId: number, documentId?: string): Promise<InjectOutcome>;
  /** Sends the tab to the extension's own explanation page. */
  openExplainPage(tabId: number, url: string, incident: Incident): Promise<void>;
}

/** A top-frame navigation event, as webNavigation reports it. */
export interface FrameEvent {
  tabId: number;
  frameId: number;
  url: string;
  documentId?: string;
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
 */
export function createFailureFlow(effects: Effects, pending: PendingByTab) {
  async function explainTopLevel(tabId: number, url: string, incident: Incident): Promise<void> {
    await pending.set(tabId, { url, incident });
    const outcome = await effects.inject(tabId);
    if (outcome === 'error-page') await showExplainPage(tabId, url);
  }

  async function showExplainPage(tabId: number, url: string): Promise<void> {
    const entry = await pending.get(tabId);
    if (!entry || entry.url !== url) return;
    await pending.take(tabId);
    await effects.openExplainPage(tabId, url, entry.incident);
  }

  return {
    /** A response with status ≥ 500 completed. */
    async onFailure(req: CompletedRequest): Promise<void> {
      const topLevel = req.type === 'main_frame';
      const tab = req.tabId < 0 ? undefined : await effects.tabInfo(req.tabId);
      const { settings, tzOffset, vantage } = await effects.context(req.timeStamp);
      const incident = createIncident(req, { pageUrl: topLevel ? undefined : tab?.url, tzOffset, vantage });
      // Private windows are explained but not logged, unless the person allowed it.
      if (!tab?.incognito || settings.logPrivate) {
        const id = await effects.record(incident).catch(() => undefined);
        if (id !== undefined) incident.id = id;
      }
      if (req.tabId < 0) return;
      await effects.badge(req.tabId, req.statusCode);
      if (topLevel) await explainTopLevel(req.tabId, req.url, incident);
    },

    /** A document committed in some frame. */
    async onCommitted(event: FrameEvent): Promise<void> {
      if (event.frameId !== 0) return;
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
     * The overlay in a tab asks for its incident. A document whose own status is known and
     * below 500 is an older page of the same URL, not the failing one.
     */
    async onClaim(tabId: number, url: string, navStatus: number): Promise<Incident | null> {
      const entry = await pending.get(tabId);
      if (!entry || entry.url !== url || (navStatus > 0 && navStatus < 500)) return null;
      await pending.take(tabId);
      return entry.incident;
    },

    async onTabRemoved(tabId: number): Promise<void> {
      await pending.take(tabId);
    },
  };
}

export type FailureFlow = ReturnType<typeof createFailureFlow>;
