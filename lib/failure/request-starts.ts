/** A navigation as `webRequest.onBeforeRequest` saw it start. */
export interface RequestStart {
  tabId: number;
  /** Epoch ms. */
  time: number;
}

/** Navigations remembered at most; the oldest is forgotten first. */
const MAX_REMEMBERED = 64;

/**
 * When and in which tab each recent top-level navigation started, for a network error's NEL
 * `elapsed_time`, and for its tab in Firefox, which can report `tabId: -1` by the time a
 * navigation it started itself ends (see ./firefox-tab-recall.ts). Memory only, on purpose:
 * noting a navigation costs one map write, and a worker stopped mid-navigation only loses the
 * elapsed time ("not known").
 */
export class RequestStarts {
  private readonly starts = new Map<string, RequestStart>();

  /** From `onBeforeRequest` (main_frame). */
  note(requestId: string, tabId: number, time: number): void {
    if (this.starts.size >= MAX_REMEMBERED) {
      const oldest = this.starts.keys().next().value;
      if (oldest !== undefined) this.starts.delete(oldest);
    }
    this.starts.set(requestId, { tabId, time });
  }

  /** The start of a request that ended, forgotten as it is read. */
  take(requestId: string): RequestStart | undefined {
    const start = this.starts.get(requestId);
    if (start) this.starts.delete(requestId);
    return start;
  }
}
