import { describe, expect, it } from 'vitest';
import { createFailureFlow, type Effects, type InjectOutcome } from '@/lib/failure/flow';
import type { Burst } from '@/lib/failure/model';
import type { SessionArea } from '@/lib/failure/tab-state';
import type { CompletedRequest } from '@/lib/log/incident';
import type { Incident } from '@/lib/log/model';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { CONTEXT } from '../helpers/incidents';

const OWN = 'chrome-extension://abcdefghijklmnop';

/** storage.session stand-in that round-trips through JSON like the real one. */
function memoryArea(): SessionArea {
  const data: Record<string, string> = {};
  return {
    async get(key) {
      return key in data ? { [key]: JSON.parse(data[key] as string) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data[k] = JSON.stringify(v);
    },
  };
}

interface FakeOptions {
  inject?: InjectOutcome;
  settings?: Partial<Settings>;
  incognito?: boolean;
  /** Whether an overlay script already listens in the tab. */
  listening?: boolean;
}

function fakeEffects(options: FakeOptions = {}) {
  const log: string[] = [];
  const recorded: Incident[] = [];
  const bursts: Burst[] = [];
  const effects: Effects = {
    tabInfo: async (tabId) =>
      tabId === 5
        ? { url: 'https://www.example.com/dashboard?token=t', incognito: options.incognito ?? false }
        : undefined,
    context: async () => ({
      settings: { ...DEFAULT_SETTINGS, ...options.settings },
      tzOffset: 0,
      vantage: CONTEXT.vantage,
      siteOf: CONTEXT.siteOf,
    }),
    record: async (incident) => {
      recorded.push(incident);
      return recorded.length;
    },
    refine: async (id) => void log.push(`refine ${id}`),
    badge: async (tabId, status) => void log.push(`badge ${tabId} ${status}`),
    inject: async (tabId, documentId) => {
      log.push(`inject ${tabId}${documentId ? ` ${documentId}` : ''}`);
      return options.inject ?? 'injected';
    },
    notify: async (_tabId, burst) => {
      bursts.push(burst);
      return options.listening ?? false;
    },
    openExplainPage: async (tabId, url, incident, logState) =>
      void log.push(`explain ${tabId} ${url} ${incident.status} ${logState}`),
    openOfflinePage: async (tabId, url) => void log.push(`offline ${tabId} ${url}`),
  };
  return { effects, log, recorded, bursts };
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
  responseHeaders: [{ name: 'server', value: 'nginx' }],
};

const api = (n: number, at = 2000): CompletedRequest => ({
  ...failure,
  type: 'xmlhttprequest',
  url: `https://api.example.com/v1/${n}`,
  statusCode: 503,
  timeStamp: at,
});

function setup(options: FakeOptions = {}, area = memoryArea()) {
  const fake = fakeEffects(options);
  return { ...fake, flow: createFailureFlow(fake.effects, area, OWN) };
}

describe('a top-level failure', () => {
  it('is recorded, badged, diagnosed, and the overlay is injected', async () => {
    const { flow, log, recorded } = setup();
    await flow.onFailure(failure);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.requestUrl).toBe('https://shop.example.com/cart?token=REDACTED');
    expect(recorded[0]?.diagnosis.chain.map((l) => l.id)).toContain('nginx');
    expect(log).toEqual(['badge 5 502', 'inject 5']);
  });

  it('goes to the failing document once, not to an older page of the same URL', async () => {
    const { flow } = setup();
    await flow.onFailure(failure);
    expect(await flow.onClaim(5, failure.url, 200, '')).toBeNull();
    expect(await flow.onClaim(5, 'https://elsewhere.example/', 0, '')).toBeNull();
    expect(await flow.onClaim(5, failure.url, 502, '')).toMatchObject({
      kind: 'page',
      logState: 'saved',
      incident: { id: 1, status: 502 },
    });
    expect(await flow.onClaim(5, failure.url, 502, '')).toBeNull();
  });

  it('refines the diagnosis with the page body and stores it', async () => {
    const { flow, log } = setup();
    await flow.onFailure({ ...failure, responseHeaders: [] });
    const body =
      '<html><head><title>502 Bad Gateway</title></head><body><hr><center>nginx/1.25.3</center></body></html>';
    const payload = await flow.onClaim(5, failure.url, 502, body);
    expect(payload?.kind === 'page' && payload.incident.diagnosis.chain.map((l) => l.id)).toContain('nginx');
    expect(log).toContain('refine 1');
  });

  it('badges the page again when its document commits after the response (the browser clears it)', async () => {
    const { flow, log } = setup({ settings: { overlay: false } });
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, url: failure.url });
    expect(log).toEqual(['badge 5 502', 'badge 5 502']);
    await flow.onCommitted({ tabId: 5, frameId: 0, url: failure.url });
    expect(log).toHaveLength(2);
  });

  it('injects again when the document commits after the response completed', async () => {
    const { flow, log } = setup();
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, url: failure.url, documentId: 'DOC' });
    expect(log).toContain('inject 5 DOC');
  });

  it('is forgotten when the tab goes elsewhere', async () => {
    const { flow, log } = setup();
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, url: 'https://other.example/' });
    await flow.onCommitted({ tabId: 5, frameId: 0, url: failure.url });
    expect(log.filter((l) => l.startsWith('inject'))).toEqual(['inject 5']);
    expect(await flow.onClaim(5, failure.url, 0, '')).toBeNull();
  });

  it('sends the tab to the explanation page when the browser shows its own error page', async () => {
    const { flow, log } = setup({ inject: 'error-page' });
    await flow.onFailure(failure);
    expect(log).toContain(`explain 5 ${failure.url} 502 saved`);
  });

  it('also explains when the error page is only reported by navigation, once', async () => {
    const { flow, log } = setup({ inject: 'failed' });
    await flow.onFailure(failure);
    await flow.onNavigationError({ tabId: 5, frameId: 0, url: failure.url });
    await flow.onNavigationError({ tabId: 5, frameId: 0, url: failure.url });
    expect(log.filter((l) => l.startsWith('explain'))).toHaveLength(1);
  });

  it('survives a service-worker restart between failure and commit', async () => {
    const area = memoryArea();
    await setup({}, area).flow.onFailure(failure);
    const restarted = setup({}, area);
    await restarted.flow.onCommitted({ tabId: 5, frameId: 0, url: failure.url, documentId: 'D2' });
    expect(restarted.log).toEqual(['badge 5 502', 'inject 5 D2']);
    expect(await restarted.flow.onClaim(5, failure.url, 502, '')).toMatchObject({ incident: { status: 502 } });
  });

  it('still explains when the log is unavailable, and says so', async () => {
    const { flow, effects, log } = setup();
    effects.record = async () => {
      throw new Error('QuotaExceededError');
    };
    await flow.onFailure(failure);
    expect(log).toEqual(['badge 5 502', 'inject 5']);
    const payload = await flow.onClaim(5, failure.url, 502, '');
    expect(payload).toMatchObject({ kind: 'page', logState: 'unavailable', incident: { status: 502 } });
  });

  it('explains a private window without logging it, unless allowed', async () => {
    const quiet = setup({ incognito: true });
    await quiet.flow.onFailure(failure);
    expect(quiet.recorded).toHaveLength(0);
    expect(await quiet.flow.onClaim(5, failure.url, 502, '')).toMatchObject({ logState: 'private' });
    const allowed = setup({ incognito: true, settings: { logPrivate: true } });
    await allowed.flow.onFailure(failure);
    expect(allowed.recorded).toHaveLength(1);
  });

  it.each([
    ['the overlay is off', { overlay: false }],
    ['the code is muted', { mutedCodes: [502] }],
    ['the site is quiet', { quietSites: ['example.com'] }],
  ])('is logged and badged but not shown when %s', async (_why, settings) => {
    const { flow, log, recorded } = setup({ settings });
    await flow.onFailure(failure);
    expect(recorded).toHaveLength(1);
    expect(log).toEqual(['badge 5 502']);
  });
});

describe('failed sub-requests', () => {
  it('are filed under the page, badged, and become one notice per burst with a count', async () => {
    const { flow, log, recorded, bursts } = setup();
    await flow.onFailure(api(1, 2000));
    await flow.onFailure(api(2, 2100));
    await flow.onFailure(api(3, 2200));
    expect(recorded[0]).toMatchObject({
      pageUrl: 'https://www.example.com/dashboard?token=REDACTED',
      site: 'example.com',
    });
    expect(bursts.map((b) => [b.id, b.count])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(log.filter((l) => l.startsWith('inject'))).toHaveLength(3);
    expect(await flow.onClaim(5, 'https://www.example.com/dashboard?token=t', 200, '')).toMatchObject({
      kind: 'notice',
      burst: { id: 1, count: 3, status: 503, host: 'api.example.com' },
    });
  });

  it('does not inject again while the overlay script listens, and starts a new burst after a pause', async () => {
    const { flow, log, bursts } = setup({ listening: true });
    await flow.onFailure(api(1, 2000));
    await flow.onFailure(api(2, 2000 + 60_000));
    expect(log.filter((l) => l.startsWith('inject'))).toHaveLength(0);
    expect(bursts.map((b) => [b.id, b.count])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('counts every failure of a burst, also when many arrive at once in a worker that just started', async () => {
    const area = memoryArea();
    await setup({ listening: true }, area).flow.onFailure(api(0, 2000));
    const restarted = setup({ listening: true }, area);
    await Promise.all([1, 2, 3, 4, 5].map((n) => restarted.flow.onFailure(api(n, 2000 + n))));
    expect(await restarted.flow.onClaim(5, 'https://www.example.com/dashboard?token=t', 200, '')).toMatchObject({
      kind: 'notice',
      burst: { id: 1, count: 6 },
    });
    expect(Math.max(...restarted.bursts.map((b) => b.count))).toBe(6);
  });

  it('are not shown when notices are off', async () => {
    const { flow, bursts, recorded } = setup({ settings: { apiNotices: false } });
    await flow.onFailure(api(1));
    expect(recorded).toHaveLength(1);
    expect(bursts).toHaveLength(0);
  });

  it('a new page starts without the old page’s burst', async () => {
    const { flow } = setup({ listening: true });
    await flow.onFailure(api(1));
    await flow.onCommitted({ tabId: 5, frameId: 0, url: 'https://www.example.com/next' });
    expect(await flow.onClaim(5, 'https://www.example.com/next', 200, '')).toBeNull();
  });
});

describe('bookkeeping', () => {
  it('records requests that belong to no tab without touching any tab', async () => {
    const { flow, log, recorded } = setup();
    await flow.onFailure({ ...failure, tabId: -1 });
    expect(recorded).toHaveLength(1);
    expect(log).toEqual([]);
  });

  it('ignores the extension’s own checks', async () => {
    const { flow, recorded } = setup();
    await flow.onFailure({ ...failure, tabId: -1, type: 'xmlhttprequest', initiator: OWN });
    expect(recorded).toHaveLength(0);
  });

  it('still explains a Retry from the explanation page, which the extension started in a tab', async () => {
    const { flow, recorded, log } = setup();
    await flow.onFailure({ ...failure, initiator: OWN });
    expect(recorded).toHaveLength(1);
    expect(log).toContain('inject 5');
  });

  it('forgets a closed tab', async () => {
    const { flow } = setup();
    await flow.onFailure(failure);
    await flow.onTabRemoved(5);
    expect(await flow.onClaim(5, failure.url, 502, '')).toBeNull();
  });
});
