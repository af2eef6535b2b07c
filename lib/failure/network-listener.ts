import { classifyNetworkError } from '@/lib/diagnosis/tables/network-errors';
import type { FailedRequest } from '@/lib/log/incident';
import type { FailureFlow } from './flow';
import type { RequestStarts } from './request-starts';

/**
 * The body of the background's `webRequest.onErrorOccurred` listener (entrypoints/background.ts;
 * test/bench/micro.ts times it). Errors that are not failures of the site — the person navigated
 * away, an ad blocker, back/forward with no cached copy — and errors no table row names return
 * at once. Returns the flow's work, so that a benchmark can wait for it; the background drops it.
 */
export function createNetworkErrorListener(flow: FailureFlow, starts: RequestStarts) {
  return (details: FailedRequest): Promise<void> | undefined => {
    const classified = classifyNetworkError(details.error, details.url);
    if (!classified) return;
    if (details.type !== 'main_frame') {
      return classified.kind === 'failure' ? flow.onSubRequestNetworkError(details, classified.row) : undefined;
    }
    const start = starts.take(details.requestId);
    const req = start && details.tabId < 0 ? { ...details, tabId: start.tabId } : details;
    if (classified.kind === 'offline') return flow.onOffline(req);
    return flow.onNetworkError(req, classified.row, start?.time);
  };
}
