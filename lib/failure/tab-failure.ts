import type { Query } from '@/lib/log/incidents';
import type { Incident } from '@/lib/log/model';
import type { FailureFlow } from './flow';
import type { TabFailure } from './model';

/** The log, as this module reads it (lib/log/incidents.ts in the extension). */
export interface LogReader {
  byId(id: number): Promise<Incident | undefined>;
  query(query: Query): Promise<Incident[]>;
}

/** Repeats within this long coalesce into an incident that started before the burst did. */
const COALESCE_SLACK_MS = 60_000;
/** A burst's incidents handed to the popup at most (its report lists 10 addresses). */
const MAX_BURST_INCIDENTS = 50;

/**
 * What the popup's "This tab" shows: the tab's top-level failure as the log has it now (with
 * every repeat counted), else its page's latest burst with the burst's logged incidents. A
 * top-level failure wins over a burst. Null when the tab shows neither. The pure twin of the
 * message handler (lib/messaging/router.ts): the flow's per-tab state and the log are passed in.
 */
export async function readTabFailure(flow: FailureFlow, tabId: number, log: LogReader): Promise<TabFailure | null> {
  const { page, burst } = await flow.onTab(tabId);
  if (page) {
    const { incident, logState } = page;
    const stored = incident.id === undefined ? undefined : await log.byId(incident.id).catch(() => undefined);
    return { kind: 'page', incident: stored ?? incident, logState };
  }
  if (!burst) return null;
  // webRequest's times have fractions of a millisecond; the log's are whole.
  const first = Math.floor(burst.first ?? burst.last);
  const logged = await log.query({ since: first - COALESCE_SLACK_MS, limit: 500 }).catch(() => []);
  const incidents = logged
    .filter((i) => i.tabId === tabId && i.type !== 'main_frame' && i.lastTime >= first)
    .slice(0, MAX_BURST_INCIDENTS);
  return { kind: 'burst', burst, incidents };
}
