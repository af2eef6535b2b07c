import { describe, expect, it } from 'vitest';
import { createFailureFlow, type Effects, type InjectOutcome } from '../../lib/failure-flow';
import type { CompletedRequest, Incident } from '../../lib/incident';
import { PendingByTab, type SessionArea } from '../../lib/pending';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { CONTEXT } from './helpers/incidents';

/** storage.session stand-in that round-trips through JSON like the real one. */
function memoryArea(): SessionArea & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: JSON.parse(data[key] as string) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data[k] = JSON.stringify(v);
    },
  };
}

function fakeEffects(injectOutcome: InjectOutcome = 'injected', settings: Partial<Settings> = {}) {
  const log: string[] = [];
  const recorded: Incident[] = [];
  const effects: Effects = {
    tabInfo: async (tabId) =>
      tabId === 5 ? { url: 'https://www.example.com/dashboard?token=t', incognito: false } : undefined,
    context: async () => ({ settings: { ...DEFAULT_SETTINGS, ...settings }, tzOffset: 0, vantage: CONTEXT.vantage }),
    record: async (incident) => {
      recorded.push(incident);
      return recorded.length;
    },
    badge: async (tabId, status) => void log.push(`badge ${tabId} ${status}`),
    inject: async (tabId, documentId) => {
      log.push(`inject ${tabId}${documentId ? ` ${documentId}` : ''}`);
      return injectOutcome;
    },
    openExplainPage: async (tabId, url, incident) => void log.push(`explain ${tabId} ${url} ${incident.status}`),
  };
  return { effects, log, recorded };
}

const failure: CompletedRequest = {
  requestId: '9',
  url: 'https://shop.example.com/cart?token=secret',
  method: 'GET',
  type: 'main_frame',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  tabId: 5,
  frameId: 0,
  fromCache: false,
  timeStamp: 1000,
};

describe('failure flow', () => {
  it('records a top-level failure, badges the tab and injects the overlay', async () => {
    const { effects, log, recorded } = fakeEffects();
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.requestUrl).toBe('https://shop.example.com/cart?token=REDACTED');
    expect(log).toEqual(['badge 5 502', 'inject 5']);
  });

  it('hands the incident to the failing document once, and not to an older page of the same URL', async () => {
    const { effects } = fakeEffects();
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    expect(await flow.onClaim(5, failure.url, 200)).toBeNull();
    expect(await flow.onClaim(5, 'https://elsewhere.example/', 0)).toBeNull();
    expect(await flow.onClaim(5, failure.url, 502)).toMatchObject({ id: 1, status: 502 });
    expect(await flow.onClaim(5, failure.url, 502)).toBeNull();
  });

  it('injects again when the document commits after the response completed', async () => {
    const { effects, log } = fakeEffects();
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, url: failure.url, documentId: 'DOC' });
    expect(log).toContain('inject 5 DOC');
  });

  it('forgets the failure when the tab goes elsewhere', async () => {
    const { effects, log } = fakeEffects();
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, url: 'https://other.example/' });
    await flow.onCommitted({ tabId: 5, frameId: 0, url: failure.url });
    expect(log.filter((l) => l.startsWith('inject'))).toEqual(['inject 5']);
    expect(await flow.onClaim(5, failure.url, 0)).toBeNull();
  });

  it('sends the tab to the explanation page when the browser shows its own error page', async () => {
    const { effects, log } = fakeEffects('error-page');
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    expect(log).toContain(`explain 5 ${failure.url} 502`);
  });

  it('also explains when the error page is only reported by navigation', async () => {
    const { effects, log } = fakeEffects('failed');
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    await flow.onNavigationError({ tabId: 5, frameId: 0, url: failure.url });
    await flow.onNavigationError({ tabId: 5, frameId: 0, url: failure.url });
    expect(log.filter((l) => l.startsWith('explain'))).toHaveLength(1);
  });

  it('survives a service-worker restart between failure and commit', async () => {
    const area = memoryArea();
    const first = fakeEffects();
    await createFailureFlow(first.effects, new PendingByTab(area)).onFailure(failure);
    const second = fakeEffects();
    const restarted = createFailureFlow(second.effects, new PendingByTab(area));
    await restarted.onCommitted({ tabId: 5, frameId: 0, url: failure.url, documentId: 'D2' });
    expect(second.log).toEqual(['inject 5 D2']);
    expect(await restarted.onClaim(5, failure.url, 502)).toMatchObject({ status: 502 });
  });

  it('files a failed API call under the page, badges it, and shows no overlay', async () => {
    const { effects, log, recorded } = fakeEffects();
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure({ ...failure, type: 'xmlhttprequest', url: 'https://api.example.com/v1', statusCode: 503 });
    expect(recorded[0]).toMatchObject({
      pageUrl: 'https://www.example.com/dashboard?token=REDACTED',
      site: 'example.com',
      status: 503,
    });
    expect(log).toEqual(['badge 5 503']);
  });

  it('still explains when the log is unavailable', async () => {
    const { effects, log } = fakeEffects();
    effects.record = async () => {
      throw new Error('QuotaExceededError');
    };
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    expect(log).toEqual(['badge 5 502', 'inject 5']);
    const claimed = await flow.onClaim(5, failure.url, 502);
    expect(claimed?.status).toBe(502);
    expect(claimed?.id).toBeUndefined();
  });

  it('records requests that belong to no tab without touching any tab', async () => {
    const { effects, log, recorded } = fakeEffects();
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure({ ...failure, tabId: -1 });
    expect(recorded).toHaveLength(1);
    expect(log).toEqual([]);
  });

  it('forgets a closed tab', async () => {
    const { effects } = fakeEffects();
    const flow = createFailureFlow(effects, new PendingByTab(memoryArea()));
    await flow.onFailure(failure);
    await flow.onTabRemoved(5);
    expect(await flow.onClaim(5, failure.url, 502)).toBeNull();
  });
});
