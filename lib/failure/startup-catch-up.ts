import { browser } from 'wxt/browser';
import type { FailureFlow } from './flow';
import type { SessionArea } from './tab-state';

/** What a tab's top document says of its own load (Navigation Timing). */
interface NavigationFacts {
  status: number;
  url: string;
  /** Epoch ms its response ended. */
  time: number;
}

/** Runs in the page's top frame, in the extension's isolated world: self-contained. */
function navigationFacts(): NavigationFacts {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    status: nav?.responseStatus ?? 0,
    url: location.href,
    time: performance.timeOrigin + (nav?.responseEnd ?? 0),
  };
}

async function ask(flow: FailureFlow, tabId: number): Promise<void> {
  const [result] = await browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, func: navigationFacts })
    .catch(() => []);
  const facts = result?.result as NavigationFacts | undefined;
  if (facts && facts.status >= 500) await flow.onMissedPage(tabId, facts.url, facts.status, facts.time);
}

/** A tab still loading at start is asked once it is done, for this long at most. */
const LOADING_WAIT_MS = 60_000;

const web = (url: string | undefined) => url !== undefined && /^https?:\/\//i.test(url);

/** Where the flag lives (storage.session: it holds for the browser session, across worker restarts). */
const LIVE_KEY = 'webRequestLive';

/**
 * The pages that failed before the extension could hear of it. A browser that has just
 * installed the extension (or starts with a new profile) loads its first pages while the
 * service worker is still starting: webRequest reports only once its listeners have reached the
 * network layer, and a failure before that would be neither explained nor logged. So until
 * webRequest has reported a navigation in this browser session, each page that commits in a
 * top frame (webNavigation, which reports at once) is asked for its own response status
 * (Navigation Timing; Chromium), and so are the pages open when the extension is installed or
 * the browser starts. A failure the flow does not know yet is explained and logged from what the
 * page says (no headers: the overlay's claim brings its body for the diagnosis). Once webRequest
 * has reported, pages are never asked: it hears them all. Touches the browser.
 */
export function createMissedFailureWatch(flow: FailureFlow, session: SessionArea) {
  let live = false;
  const isLive = async () => {
    if (!live) live = (await session.get(LIVE_KEY).catch((): Record<string, unknown> => ({})))[LIVE_KEY] === true;
    return live;
  };
  return {
    /** webRequest reported a navigation (the hot path: one test of a boolean once live). */
    heard(): void {
      if (live) return;
      live = true;
      void session.set({ [LIVE_KEY]: true }).catch(() => undefined);
    },

    /** A document committed; a web page's top frame is asked while webRequest has not reported yet. */
    async committed(event: { tabId: number; frameId: number; url: string }): Promise<void> {
      if (live || event.frameId !== 0 || !web(event.url) || (await isLive())) return;
      await ask(flow, event.tabId);
    },

    /**
     * The extension was installed or the browser started: the web pages already open, and those
     * still loading once they are done (for a minute at most; a stopped worker forgets them).
     */
    async openPages(): Promise<void> {
      if (await isLive()) return;
      const tabs = await browser.tabs.query({}).catch(() => []);
      const loading = new Set<number>();
      for (const tab of tabs) {
        if (tab.id === undefined || tab.discarded) continue;
        if (tab.status === 'loading') loading.add(tab.id);
        else if (web(tab.url)) await ask(flow, tab.id);
      }
      if (loading.size === 0) return;
      const done = (tabId: number, change: { status?: string }, tab: { url?: string }) => {
        if (change.status !== 'complete' || !loading.delete(tabId)) return;
        if (loading.size === 0) browser.tabs.onUpdated.removeListener(done);
        if (web(tab.url)) void ask(flow, tabId);
      };
      browser.tabs.onUpdated.addListener(done);
      setTimeout(() => browser.tabs.onUpdated.removeListener(done), LOADING_WAIT_MS);
      // Any that finished between the query and the listener.
      for (const tabId of [...loading]) {
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        if (tab?.status === 'complete') done(tabId, { status: 'complete' }, tab);
      }
    },
  };
}
