/** The fields of a webRequest event this module reads. */
export interface TabbedRequest {
  requestId: string;
  tabId: number;
}

/** What `webRequest.onHeadersReceived` hands us: the fields read here. */
export interface HeadersEvent extends TabbedRequest {
  statusCode: number;
}

/** In-flight failing navigations remembered at most (they are forgotten when they complete). */
const MAX_REMEMBERED = 64;

/**
 * Firefox can lose the tab of a top-level navigation: with site isolation (Fission, on by
 * default), a navigation the browser itself starts — an address typed in the address bar, a
 * reload, automation — moves the tab to a new browsing context on the way, and by
 * `webRequest.onCompleted` Firefox reports `tabId: -1` for it (seen on ESR 153; a page's own
 * `location.href = …` and `tabs.update` keep their tab). `onHeadersReceived` fires before the
 * switch, with the right tab and the status. So on Firefox a main-frame-only listener remembers
 * the tab of each failing navigation — a healthy one returns at once — and onCompleted gets it
 * back here. Chromium always knows the tab and does not register the listener.
 */
export function createTabRecall() {
  const tabs = new Map<string, number>();
  return {
    /** From `onHeadersReceived` (main_frame): remembers the tab of a failing navigation. */
    remember(event: HeadersEvent): void {
      if (event.statusCode < 500 || event.tabId < 0) return;
      // Only failures that never complete (aborted, network error) stay behind: drop them in bulk.
      if (tabs.size >= MAX_REMEMBERED) tabs.clear();
      tabs.set(event.requestId, event.tabId);
    },

    /** The completed request, with its tab restored when Firefox no longer knew it. */
    restore<T extends TabbedRequest>(request: T): T {
      const tabId = tabs.get(request.requestId);
      if (tabId === undefined) return request;
      tabs.delete(request.requestId);
      return request.tabId < 0 ? { ...request, tabId } : request;
    },
  };
}
