import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '@/lib/diagnosis/tables/network-errors';
import { createFailureFlow, type Effects, type InjectOutcome } from '@/lib/failure/flow';
import { type Burst, OFFLINE_REPEAT_MS } from '@/lib/failure/model';
import { createNetworkErrorListener } from '@/lib/failure/network-listener';
import { RequestStarts } from '@/lib/failure/request-starts';
import type { SessionArea } from '@/lib/failure/tab-state';
import type { CompletedRequest, FailedRequest } from '@/lib/log/incident';
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
  /** Whether each recorded failure was to be counted on in place rather than open an incident. */
  const folds: boolean[] = [];
  const bursts: Burst[] = [];
  const effects: Effects = {
    tabInfo: async (tabId) =>
      tabId === 5 || tabId === 6
        ? { url: 'https://www.example.com/dashboard?token=t', incognito: options.incognito ?? false }
        : undefined,
    context: async () => ({
      settings: { ...DEFAULT_SETTINGS, ...options.settings },
      tzOffset: 0,
      vantage: CONTEXT.vantage,
      siteOf: CONTEXT.siteOf,
    }),
    record: async (incident, fold) => {
      recorded.push(incident);
      folds.push(fold === true);
      return recorded.length;
    },
    refine: async (id, refined) => void log.push(`refine ${id}${refined.pageText ? ` “${refined.pageText}”` : ''}`),
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
  return { effects, log, recorded, folds, bursts };
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

/** The network-error table's row for a browser error name. */
function row(error: string) {
  const classified = classifyNetworkError(error, 'https://x.test/');
  if (classified?.kind !== 'failure') throw new Error(error);
  return classified.row;
}

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

  it('puts no badge on a false alarm: a bot check named by its headers, or found in its page', async () => {
    const challenge = setup();
    const headers = [
      { name: 'server', value: 'cloudflare' },
      { name: 'cf-mitigated', value: 'challenge' },
    ];
    await challenge.flow.onFailure({ ...failure, statusCode: 503, responseHeaders: headers });
    await challenge.flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url });
    expect(challenge.log.filter((line) => line.startsWith('badge'))).toEqual([]);
    expect(challenge.recorded[0]?.diagnosis.falseAlarm).toBe(true);

    const legacy = setup();
    await legacy.flow.onFailure({
      ...failure,
      statusCode: 503,
      responseHeaders: [{ name: 'server', value: 'cloudflare' }],
    });
    expect(legacy.log).toEqual(['badge 5 503', 'inject 5']);
    const page = await legacy.flow.onClaim(
      5,
      failure.url,
      503,
      '<html><head><title>Just a moment...</title></head><body>Checking your browser before accessing shop.example.com.<form id="challenge-form" action="/cdn-cgi/l/chk_jschl"></form></body></html>',
    );
    expect(page).toMatchObject({ kind: 'page', incident: { diagnosis: { falseAlarm: true } } });
    expect(legacy.log.at(-1)).toBe('badge 5 ');
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
    expect(log).toContain('refine 1 “nginx/1.25.3”');
  });

  it('keeps what the page said, secrets removed, with the incident', async () => {
    const { flow, log } = setup();
    await flow.onFailure(failure);
    const body = '<body><h1>Sorry</h1><p>Try https://shop.example.com/cart?token=S3CRET later.</p></body>';
    const payload = await flow.onClaim(5, failure.url, 502, body);
    const said = 'Sorry Try https://shop.example.com/cart?token=REDACTED later.';
    expect(payload).toMatchObject({ kind: 'page', incident: { pageText: said } });
    expect(log).toContain(`refine 1 “${said}”`);
  });

  it('reads how long the answer took: a 502 in milliseconds is a server that is down', async () => {
    const { flow, recorded } = setup();
    // The background saw the page load start at 988 (lib/failure/request-starts.ts).
    await flow.onFailure(failure, 988);
    expect(recorded[0]?.diagnosis.causes[0]).toMatchObject({
      id: 'upstream-down',
      evidence: expect.arrayContaining([{ source: 'timing', text: '12' }]),
    });
  });

  it('refines the time with the page’s own timing, and ignores a time that is not one', async () => {
    for (const [responseMs, cause] of [
      [31_000, 'upstream-bad-answer'],
      [Number.NaN, 'upstream-failed'],
      [-1, 'upstream-failed'],
      [Number.POSITIVE_INFINITY, 'upstream-failed'],
      [1e12, 'upstream-failed'],
    ] as const) {
      const { flow } = setup();
      await flow.onFailure(failure);
      const payload = await flow.onClaim(5, failure.url, 502, '', responseMs);
      expect(payload?.kind === 'page' && payload.incident.diagnosis.causes[0]?.id, String(responseMs)).toBe(cause);
    }
  });

  it('badges the page again when its document commits after the response (the browser clears it)', async () => {
    const { flow, log } = setup({ settings: { overlay: false } });
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url });
    expect(log).toEqual(['badge 5 502', 'badge 5 502']);
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url });
    expect(log).toHaveLength(2);
  });

  it('injects again when the document commits after the response completed', async () => {
    const { flow, log } = setup();
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url, documentId: 'DOC' });
    expect(log).toContain('inject 5 DOC');
  });

  it('is forgotten when the tab goes elsewhere', async () => {
    const { flow, log } = setup();
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: 'https://other.example/' });
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url });
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
    await flow.onNavigationError({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url });
    await flow.onNavigationError({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url });
    expect(log.filter((l) => l.startsWith('explain'))).toHaveLength(1);
  });

  it('survives a service-worker restart between failure and commit', async () => {
    const area = memoryArea();
    await setup({}, area).flow.onFailure(failure);
    const restarted = setup({}, area);
    await restarted.flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url, documentId: 'D2' });
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

describe('what the popup reads for a tab', () => {
  const other = { tabId: 5, frameId: 0, timeStamp: 1500, url: 'https://other.example/' };

  it('is the top-level failure from its response until the tab’s next page, refined once claimed', async () => {
    const { flow } = setup();
    expect(await flow.onTab(5)).toEqual({ page: undefined, burst: undefined });
    await flow.onFailure(failure);
    expect((await flow.onTab(5)).page?.incident).toMatchObject({ status: 502, id: 1 });
    await flow.onCommitted({ ...other, url: failure.url }); // the failing document itself
    await flow.onClaim(5, failure.url, 502, '<p>Back soon</p>');
    expect((await flow.onTab(5)).page).toMatchObject({ logState: 'saved', incident: { pageText: 'Back soon' } });
    await flow.onCommitted(other);
    expect((await flow.onTab(5)).page).toBeUndefined();
  });

  it.each([
    ['after', true],
    ['before', false],
  ])(
    'is kept, unclaimed, when the response completes %s its document commits, until the next page',
    async (_, committedFirst) => {
      const { flow } = setup({ settings: { overlay: false } });
      if (committedFirst) await flow.onCommitted({ ...other, url: failure.url });
      await flow.onFailure(failure);
      if (!committedFirst) await flow.onCommitted({ ...other, url: failure.url });
      expect((await flow.onTab(5)).page?.incident.status).toBe(502);
      await flow.onCommitted(other);
      expect((await flow.onTab(5)).page).toBeUndefined();
    },
  );

  it('is kept while the explanation page stands in for the browser’s error page', async () => {
    const { flow } = setup({ inject: 'error-page' });
    await flow.onFailure(failure);
    await flow.onCommitted({ ...other, url: `${OWN}/explain.html?url=x` });
    expect((await flow.onTab(5)).page?.incident.status).toBe(502);
    await flow.onCommitted({ ...other, url: failure.url }); // Retry, from the explanation page
    expect((await flow.onTab(5)).page).toBeUndefined();
  });

  it('is forgotten with its tab', async () => {
    const { flow } = setup();
    await flow.onFailure(failure);
    await flow.onTabRemoved(5);
    expect((await flow.onTab(5)).page).toBeUndefined();
  });

  it('has the page’s burst, with when it started', async () => {
    const { flow } = setup({ listening: true });
    await flow.onFailure(api(1, 2000));
    await flow.onFailure(api(2, 2500));
    expect((await flow.onTab(5)).burst).toMatchObject({ count: 2, first: 2000, last: 2500 });
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
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: 'https://www.example.com/next' });
    expect(await flow.onClaim(5, 'https://www.example.com/next', 200, '')).toBeNull();
  });
});

describe('a request belongs to the document that made it', () => {
  const pageA = 'https://www.example.com/dashboard?token=t';
  const fromA = (n: number, at: number): CompletedRequest => ({
    ...api(n, at),
    documentId: 'DOC-A',
    documentLifecycle: 'active',
  });
  const pageB = { ...failure, statusCode: 503, timeStamp: 5000 };

  async function burstThenFailingPage(options: FakeOptions = {}) {
    const fake = setup({ listening: true, ...options });
    await fake.flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: pageA, documentId: 'DOC-A' });
    await fake.flow.onFailure(fromA(1, 2000));
    await fake.flow.onFailure(fromA(2, 2100));
    // The person goes to a failing page; the dashboard's last calls are still being handled.
    await fake.flow.onFailure(pageB, 4900);
    await fake.flow.onFailure(fromA(3, 4950));
    await fake.flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 5010, url: failure.url, documentId: 'DOC-B' });
    await fake.flow.onFailure(fromA(4, 4990));
    return fake;
  }

  it('the old page’s late failures are logged, but never shown or badged on the failing page after it', async () => {
    const { flow, log, recorded, bursts } = await burstThenFailingPage();
    expect(recorded.map((i) => i.status)).toEqual([503, 503, 503, 503, 503]);
    expect(bursts.map((b) => b.count)).toEqual([1, 2]);
    expect(log.filter((l) => l.startsWith('badge')).at(-1)).toBe('badge 5 503');
    expect(log.filter((l) => l.startsWith('badge'))).toHaveLength(4);
    expect(await flow.onClaim(5, failure.url, 503, '', undefined, 'DOC-B')).toMatchObject({
      kind: 'page',
      incident: { type: 'main_frame', status: 503 },
    });
    expect((await flow.onTab(5)).burst).toBeUndefined();
  });

  it('the failing page’s overlay goes into its own document', async () => {
    const { log } = await burstThenFailingPage();
    expect(log).toContain('inject 5 DOC-B');
    expect(log).not.toContain('inject 5 DOC-A');
  });

  it('a notice is handed only to the document whose burst it is', async () => {
    const { flow } = setup({ listening: true });
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: pageA, documentId: 'DOC-A' });
    await flow.onFailure(fromA(1, 2000));
    expect(await flow.onClaim(5, pageA, 200, '', undefined, 'DOC-OTHER')).toBeNull();
    expect(await flow.onClaim(5, pageA, 200, '', undefined, 'DOC-A')).toMatchObject({ kind: 'notice' });
  });

  it('badges nothing when its document is gone by the time it is told (the person moved on)', async () => {
    const { flow, log, recorded } = setup({ inject: 'failed' });
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: pageA, documentId: 'DOC-A' });
    await flow.onFailure(fromA(1, 2000));
    expect(recorded).toHaveLength(1);
    expect(log).toEqual(['inject 5 DOC-A']);
  });

  it('a late notice of the old page, painted while the failing page came, leaves the failing page’s badge', async () => {
    const { flow, effects, log } = setup();
    // The old page still takes its notice; meanwhile the person reached a failing page.
    effects.notify = async () => {
      await flow.onFailure({ ...failure, timeStamp: 5000 }, 4900);
      return true;
    };
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: pageA, documentId: 'DOC-A' });
    await flow.onFailure(fromA(1, 4800));
    expect(log.filter((l) => l.startsWith('badge')).at(-1)).toBe('badge 5 502');
  });

  it('a late notice of the old page, painted after a healthy page committed, leaves no badge', async () => {
    const { flow, effects, log } = setup();
    effects.notify = async () => {
      await flow.onCommitted({
        tabId: 5,
        frameId: 0,
        timeStamp: 5000,
        url: 'https://www.example.com/',
        documentId: 'DOC-C',
      });
      return true;
    };
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: pageA, documentId: 'DOC-A' });
    await flow.onFailure(fromA(1, 4800));
    expect(log.filter((l) => l.startsWith('badge')).at(-1)).toBe('badge 5 ');
  });

  it('tells the overlay of its own document only', async () => {
    const { flow, effects } = setup();
    const targets: (string | undefined)[] = [];
    effects.notify = async (_tab, _burst, documentId) => {
      targets.push(documentId);
      return true;
    };
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: pageA, documentId: 'DOC-A' });
    await flow.onFailure(fromA(1, 2000));
    expect(targets).toEqual(['DOC-A']);
  });

  it.each(['pending_deletion', 'cached', 'prerender'])(
    'a %s document’s failures are logged, not shown',
    async (state) => {
      const { flow, recorded, bursts, log } = setup({ listening: true });
      await flow.onFailure({ ...api(1), documentLifecycle: state });
      expect(recorded).toHaveLength(1);
      expect(bursts).toHaveLength(0);
      expect(log).toEqual([]);
    },
  );

  it('without document ids (Firefox): by the address of the document that made it, and by time', async () => {
    const { flow, bursts } = setup({ listening: true });
    const noIds = (n: number, at: number, documentUrl = pageA): CompletedRequest => ({ ...api(n, at), documentUrl });
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: pageA });
    await flow.onFailure(noIds(1, 2000));
    await flow.onFailure(pageB);
    await flow.onFailure(noIds(2, 4950));
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 5010, url: failure.url });
    await flow.onFailure(noIds(3, 4990));
    // The same address loaded again: only what ended after its commit is the new page's.
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 9000, url: pageA });
    await flow.onFailure(noIds(4, 8990));
    await flow.onFailure(noIds(5, 9100));
    expect(bursts.map((b) => b.host && b.first)).toEqual([2000, 9100]);
  });

  it('a worker that saw no commit takes the failing request’s document for the page', async () => {
    const { flow } = setup({ listening: true });
    await flow.onFailure(fromA(1, 2000));
    expect(await flow.onClaim(5, pageA, 200, '', undefined, 'DOC-A')).toMatchObject({ kind: 'notice' });
    expect(await flow.onClaim(5, pageA, 200, '', undefined, 'DOC-B')).toBeNull();
  });
});

describe('the error page’s own subresources', () => {
  const asset = (url: string, at: number, type = 'stylesheet'): CompletedRequest => ({
    ...failure,
    url,
    type,
    statusCode: 502,
    timeStamp: at,
    documentId: 'DOC',
    documentLifecycle: 'active',
  });

  async function failingPage() {
    const fake = setup({ listening: true });
    await fake.flow.onFailure(failure, 990);
    await fake.flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1010, url: failure.url, documentId: 'DOC' });
    return fake;
  }

  it('its CSS, scripts and calls to its own site in the seconds after it failed are part of its failure', async () => {
    const { flow, recorded, bursts } = await failingPage();
    await flow.onFailure(asset('https://shop.example.com/style.css', 1200));
    await flow.onFailure(asset('https://static.example.com/app.js', 1300, 'script'));
    await flow.onFailure(asset('https://shop.example.com/api/cart', 9000, 'xmlhttprequest'));
    expect(recorded.map((i) => i.type)).toEqual(['main_frame']);
    expect(bursts).toHaveLength(0);
    expect(await flow.onClaim(5, failure.url, 502, '', undefined, 'DOC')).toMatchObject({ kind: 'page' });
  });

  it('also when they got no response at all', async () => {
    const { flow, bursts } = await failingPage();
    const refusedCss = { ...asset('https://shop.example.com/style.css', 1200), error: 'net::ERR_CONNECTION_REFUSED' };
    await flow.onSubRequestNetworkError(refusedCss, row('net::ERR_CONNECTION_REFUSED'));
    expect(bursts).toHaveLength(0);
  });

  it('another site’s, or its own site’s later, are incidents of their own', async () => {
    const { flow, recorded } = await failingPage();
    await flow.onFailure(asset('https://cdn.other.net/lib.js', 1200, 'script'));
    await flow.onFailure(asset('https://shop.example.com/api/poll', 1000 + 10_000, 'xmlhttprequest'));
    expect(recorded.map((i) => i.requestUrl)).toEqual([
      'https://shop.example.com/cart?token=REDACTED',
      'https://cdn.other.net/lib.js',
      'https://shop.example.com/api/poll',
    ]);
  });

  it('the page before it is not the failing page: its late calls are not folded into the failure', async () => {
    const { flow, recorded } = setup({ listening: true });
    await flow.onCommitted({
      tabId: 5,
      frameId: 0,
      timeStamp: 500,
      url: 'https://shop.example.com/',
      documentId: 'OLD',
    });
    await flow.onFailure(failure, 990);
    await flow.onFailure({ ...asset('https://shop.example.com/api/x', 1005, 'xmlhttprequest'), documentId: 'OLD' });
    expect(recorded).toHaveLength(2);
  });
});

describe('a page that keeps removing the card', () => {
  it('gets the failure’s label for the toolbar button, only for its own page', async () => {
    const { flow } = setup();
    await flow.onFailure(failure);
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: failure.url });
    await flow.onClaim(5, failure.url, 502, '');
    expect(await flow.onHidden(5, 'https://elsewhere.example/')).toBeNull();
    expect(await flow.onHidden(5, failure.url)).toBe('502');
  });
});

describe('a page that failed while the extension was starting', () => {
  it('is explained and logged from what the page tells of itself', async () => {
    const { flow, log, recorded } = setup();
    await flow.onMissedPage(5, failure.url, 502, 1000);
    expect(recorded).toMatchObject([{ status: 502, type: 'main_frame', headers: {} }]);
    expect(log).toEqual(['badge 5 502', 'inject 5']);
    expect(await flow.onClaim(5, failure.url, 502, '<center>nginx/1.25.3</center>')).toMatchObject({ kind: 'page' });
  });

  it.each([
    ['webRequest first', true],
    ['the page first', false],
  ])('heard twice (%s) is one failure', async (_, webRequestFirst) => {
    const { flow, recorded } = setup();
    if (webRequestFirst) await flow.onFailure(failure);
    await flow.onMissedPage(5, failure.url, 502, 1003.5);
    if (!webRequestFirst) await flow.onFailure(failure);
    expect(recorded).toHaveLength(1);
  });

  it.each([
    ['webRequest first', true],
    ['the page first', false],
  ])('heard twice (%s) with its commit handled in between is one failure', async (_, webRequestFirst) => {
    const { flow, recorded } = setup();
    const commit = { tabId: 5, frameId: 0, timeStamp: 1010, url: failure.url, documentId: 'D1' };
    if (webRequestFirst) await flow.onFailure(failure);
    else await flow.onMissedPage(5, failure.url, 502, 1003.5);
    await flow.onCommitted(commit);
    if (webRequestFirst) await flow.onMissedPage(5, failure.url, 502, 1003.5);
    else await flow.onFailure(failure);
    expect(recorded).toHaveLength(1);
  });

  it('told twice by the page itself (asked on its commit, and as a page open at start) is one failure', async () => {
    const { flow, recorded } = setup();
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1010, url: failure.url, documentId: 'D1' });
    await flow.onMissedPage(5, failure.url, 502, 1003.5);
    await flow.onMissedPage(5, failure.url, 502, 1003.5);
    expect(recorded).toHaveLength(1);
  });

  it('a page that fails again within a second of the first is a failure of its own', async () => {
    const { flow, recorded } = setup();
    await flow.onMissedPage(5, failure.url, 502, 1000);
    await flow.onMissedPage(5, failure.url, 502, 1400);
    expect(recorded).toHaveLength(2);
  });

  it('a reload that fails again is a failure of its own', async () => {
    const { flow, recorded } = setup();
    await flow.onMissedPage(5, failure.url, 502, 1000);
    // Each load is a request of its own (webRequest's ids are unique in a browser session).
    await flow.onFailure({ ...failure, requestId: '10', timeStamp: 2500 });
    await flow.onFailure({ ...failure, requestId: '11', timeStamp: 2600 });
    expect(recorded).toHaveLength(3);
  });
});

describe('bookkeeping', () => {
  it('logs nothing of a request whose tab is unknown (it may be a private one), unless private logging is on', async () => {
    const quiet = setup();
    await quiet.flow.onFailure({ ...failure, tabId: -1 });
    // The tab closed before it could be looked up: the same.
    await quiet.flow.onFailure({ ...failure, tabId: 9 });
    expect(quiet.recorded).toHaveLength(0);
    expect(quiet.log).toEqual([]);
    const allowed = setup({ settings: { logPrivate: true } });
    await allowed.flow.onFailure({ ...failure, tabId: -1 });
    expect(allowed.recorded).toHaveLength(1);
    expect(allowed.log).toEqual([]);
  });

  it('logs nothing Firefox marks as incognito, whatever the tab says', async () => {
    const { flow, recorded } = setup();
    await flow.onFailure({ ...failure, incognito: true });
    await flow.onFailure({ ...api(1), incognito: true });
    expect(recorded).toHaveLength(0);
    expect(await flow.onClaim(5, failure.url, 502, '')).toMatchObject({ logState: 'private' });
  });

  it('lets a tab open 30 incidents a minute; its further new failures count on in place', async () => {
    const { flow, folds } = setup({ listening: true });
    for (let i = 0; i < 40; i++) await flow.onFailure(api(i, 2000 + i));
    // Repeats of an address the tab already opened are not new.
    await flow.onFailure(api(3, 2100));
    // Another tab, and the same tab a minute later, start afresh.
    await flow.onFailure({ ...api(99, 2200), tabId: 6 });
    await flow.onFailure(api(100, 2000 + 60_000));
    expect(folds.map((f, i) => (f ? i : -1)).filter((i) => i >= 0)).toEqual(
      Array.from({ length: 10 }, (_, i) => 30 + i),
    );
    expect(folds).toHaveLength(43);
  });

  it('keeps the per-tab count across a service-worker restart', async () => {
    const area = memoryArea();
    const before = setup({ listening: true }, area);
    for (let i = 0; i < 30; i++) await before.flow.onFailure(api(i, 2000 + i));
    const after = setup({ listening: true }, area);
    await after.flow.onFailure(api(31, 2500));
    expect(after.folds).toEqual([true]);
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

describe('a request that got no response (a network error)', () => {
  const refused: FailedRequest = {
    requestId: '11',
    url: 'https://shop.example.com/cart?token=secret',
    method: 'GET',
    type: 'main_frame',
    tabId: 5,
    frameId: 0,
    fromCache: false,
    timeStamp: 1040,
    error: 'net::ERR_CONNECTION_REFUSED',
  };

  it('is logged as its own kind, badged with its layer, and the tab goes to the explanation page at once', async () => {
    const { flow, log, recorded } = setup();
    await flow.onNetworkError(refused, row(refused.error), 1000);
    expect(recorded[0]).toMatchObject({
      status: 0,
      requestUrl: 'https://shop.example.com/cart?token=REDACTED',
      network: { error: 'net::ERR_CONNECTION_REFUSED', phase: 'connection', type: 'tcp.refused', elapsed_time: 40 },
    });
    // No document of the site's to inject into: the browser shows its own page.
    expect(log).toEqual(['badge 5 TCP', `explain 5 ${refused.url} 0 saved`]);
  });

  it('badges the browser’s error page again when it commits (the browser clears the badge)', async () => {
    const { flow, log } = setup({ settings: { overlay: false } });
    await flow.onNetworkError({ ...refused, error: 'net::ERR_NAME_NOT_RESOLVED' }, row('net::ERR_NAME_NOT_RESOLVED'));
    await flow.onCommitted({ tabId: 5, frameId: 0, timeStamp: 1500, url: refused.url });
    expect(log).toEqual(['badge 5 DNS', 'badge 5 DNS']);
  });

  it('is logged but not shown on a quiet site, and not logged in a private window', async () => {
    const quiet = setup({ settings: { quietSites: ['example.com'] } });
    await quiet.flow.onNetworkError(refused, row(refused.error));
    expect(quiet.recorded).toHaveLength(1);
    expect(quiet.log).toEqual(['badge 5 TCP']);
    const incognito = setup({ incognito: true });
    await incognito.flow.onNetworkError(refused, row(refused.error));
    expect(incognito.recorded).toHaveLength(0);
    expect(incognito.log).toContain(`explain 5 ${refused.url} 0 private`);
  });

  it('in a sub-request to the page’s own site: counted in the page’s burst, not logged', async () => {
    const { flow, recorded, bursts } = setup();
    const call = { ...refused, type: 'xmlhttprequest', url: 'https://api.example.com/v1/orders' };
    await flow.onSubRequestNetworkError(call, row(refused.error));
    await flow.onSubRequestNetworkError({ ...call, timeStamp: 1100 }, row(refused.error));
    expect(recorded).toHaveLength(0);
    expect(bursts.at(-1)).toMatchObject({ count: 2, status: 0, nelType: 'tcp.refused', host: 'api.example.com' });
  });

  it('in a sub-request to another site (an ad or tracker blocked by DNS): left alone', async () => {
    const { flow, recorded, bursts, log } = setup();
    const tracker = { ...refused, type: 'script', url: 'https://ads.tracker.example.net/t.js' };
    await flow.onSubRequestNetworkError(tracker, row('net::ERR_NAME_NOT_RESOLVED'));
    expect([recorded, bursts, log]).toEqual([[], [], []]);
  });

  it('offline: says so once, and logs nothing', async () => {
    const { flow, recorded, log } = setup();
    const offline = { ...refused, error: 'net::ERR_INTERNET_DISCONNECTED' };
    await flow.onOffline(offline);
    await flow.onOffline({ ...offline, tabId: 5, timeStamp: offline.timeStamp + 60_000 });
    expect(log).toEqual([`offline 5 ${refused.url}`]);
    // Still offline much later: said again.
    await flow.onOffline({ ...offline, timeStamp: offline.timeStamp + OFFLINE_REPEAT_MS + 1 });
    expect(log).toHaveLength(2);
    expect(recorded).toHaveLength(0);
  });

  it('offline in many tabs at once: said in one of them only', async () => {
    const { flow, log } = setup();
    const offline = { ...refused, error: 'net::ERR_INTERNET_DISCONNECTED' };
    await Promise.all([5, 5, 5].map((tabId, i) => flow.onOffline({ ...offline, tabId, timeStamp: 1000 + i })));
    expect(log).toEqual([`offline 5 ${refused.url}`]);
  });
});

describe('the background’s onErrorOccurred listener', () => {
  function listener() {
    const fake = setup();
    const starts = new RequestStarts();
    return { ...fake, starts, listen: createNetworkErrorListener(fake.flow, starts) };
  }
  const base: FailedRequest = {
    requestId: '21',
    url: 'http://shop.example.com/',
    method: 'GET',
    type: 'main_frame',
    tabId: 5,
    frameId: 0,
    fromCache: false,
    timeStamp: 5000,
    error: 'net::ERR_ABORTED',
  };

  it.each([
    'net::ERR_ABORTED',
    'net::ERR_BLOCKED_BY_CLIENT',
    'net::ERR_CACHE_MISS',
    'NS_BINDING_ABORTED',
    'net::ERR_SOMETHING_NEW',
  ])('returns at once for %s: nothing is explained or logged', (error) => {
    const { listen, recorded, log } = listener();
    expect(listen({ ...base, error })).toBeUndefined();
    expect([recorded, log]).toEqual([[], []]);
  });

  it('measures the elapsed time from the navigation’s start, and gets back a tab Firefox lost', async () => {
    const { listen, starts, recorded, log } = listener();
    starts.note('21', 5, 4200);
    await listen({ ...base, tabId: -1, error: 'NS_ERROR_CONNECTION_REFUSED' });
    expect(recorded[0]?.network).toMatchObject({ elapsed_time: 800, type: 'tcp.refused' });
    expect(recorded[0]?.tabId).toBe(5);
    expect(log).toContain(`explain 5 ${base.url} 0 saved`);
  });

  it('does not know the elapsed time of a navigation it did not see start', async () => {
    const { listen, recorded } = listener();
    await listen({ ...base, error: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(recorded[0]?.network).toMatchObject({ elapsed_time: null, server_ip: '' });
  });
});
