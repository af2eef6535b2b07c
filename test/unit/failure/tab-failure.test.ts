import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FailureFlow } from '@/lib/failure/flow';
import type { Burst, TabPage } from '@/lib/failure/model';
import { type LogReader, readTabFailure } from '@/lib/failure/tab-failure';
import type { Incident } from '@/lib/log/model';
import { createRouter } from '@/lib/messaging/router';
import { RecentHealthy } from '@/lib/owner-tools/recent-healthy';
import { makeIncident } from '../helpers/incidents';

/** A flow that only answers what a tab shows. */
function flowShowing(state: { page?: TabPage; burst?: Burst }): FailureFlow {
  return { onTab: async () => state } as unknown as FailureFlow;
}

function logOf(incidents: Incident[]): LogReader {
  return {
    byId: async (id) => incidents.find((i) => i.id === id),
    query: async ({ since = 0 }) => incidents.filter((i) => i.time >= since).sort((a, b) => b.time - a.time),
  };
}

const T = Date.UTC(2026, 10, 27, 22, 0, 0);
const page = makeIncident({ id: 7, time: T, tabId: 5 });
// As webRequest times it, to a fraction of a millisecond; the log keeps whole milliseconds.
const burst: Burst = { id: 1, status: 503, count: 4, first: T + 1000.4, last: T + 4000.6, host: 'api.example.com' };
const api = (id: number, at: number, overrides: Partial<Incident> = {}) =>
  makeIncident({ id, time: at, lastTime: at, tabId: 5, type: 'xmlhttprequest', status: 503, ...overrides });

describe('readTabFailure: the popup’s “This tab”', () => {
  it('is the top-level failure as the log has it now, every repeat counted', async () => {
    const stored = { ...page, count: 3, lastTime: T + 50_000 };
    const answer = await readTabFailure(
      flowShowing({ page: { url: 'x', incident: page, logState: 'saved', committed: true }, burst }),
      5,
      logOf([stored]),
    );
    expect(answer).toEqual({ kind: 'page', incident: stored, logState: 'saved' });
  });

  it('is the failure as the tab has it when the log does not (private window, cleared, full)', async () => {
    const unsaved = { ...page, id: undefined };
    const state = { page: { url: 'x', incident: unsaved, logState: 'private' as const, committed: true } };
    expect(await readTabFailure(flowShowing(state), 5, logOf([]))).toEqual({
      kind: 'page',
      incident: unsaved,
      logState: 'private',
    });
    const cleared = { page: { url: 'x', incident: page, logState: 'saved' as const, committed: true } };
    expect(await readTabFailure(flowShowing(cleared), 5, logOf([]))).toMatchObject({ incident: page });
  });

  it('is the page’s burst with its own incidents only, newest first', async () => {
    const mine = [api(1, T + 1000), api(2, T + 4000), api(3, T - 30_000, { lastTime: T + 2000 })];
    const others = [
      api(4, T + 2000, { tabId: 6 }), // another tab
      api(5, T - 20_000), // the page before, in this tab
      makeIncident({ id: 6, time: T + 3000, tabId: 5 }), // a top-level failure
    ];
    const answer = await readTabFailure(flowShowing({ burst }), 5, logOf([...mine, ...others]));
    expect(answer?.kind === 'burst' && answer.incidents.map((i) => i.id)).toEqual([2, 1, 3]);
    expect(answer).toMatchObject({ burst });
  });

  it('is nothing when the tab shows nothing', async () => {
    expect(await readTabFailure(flowShowing({}), 5, logOf([page]))).toBeNull();
  });
});

describe('the tab:failure message', () => {
  /** A flow whose tab 5 shows a 502, as the popup would find it. */
  function routerShowing() {
    const state = { page: { url: 'x', incident: page, logState: 'saved' as const, committed: true } };
    return createRouter(flowShowing(state), new RecentHealthy());
  }
  const origin = fakeBrowser.runtime.getURL('/').replace(/\/$/, '');
  const message = { name: 'tab:failure', body: { tabId: 5 } };

  it('answers the extension’s own pages (the popup)', async () => {
    const sender = { id: fakeBrowser.runtime.id, url: `${origin}/popup.html` };
    await expect(routerShowing().listener(message, sender)).resolves.toMatchObject({
      kind: 'page',
      incident: { id: 7 },
    });
  });

  it('is refused to a content script, even in the tab it asks about', () => {
    const sender = { id: fakeBrowser.runtime.id, url: 'http://shop.example.com/', tab: { id: 5 } as never, frameId: 0 };
    expect(routerShowing().listener(message, sender)).toBeUndefined();
  });
});
