import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diagnose } from '@/lib/diagnosis/diagnose';
import type { FailureFlow } from '@/lib/failure/flow';
import { siteChecks } from '@/lib/log/checks';
import { addIncidents, recordIncident } from '@/lib/log/incidents';
import type { CheckRecord } from '@/lib/log/model';
import { type MessageName, SENDERS } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import type { PageFacts } from '@/lib/owner-tools/outbound';
import { RecentHealthy } from '@/lib/owner-tools/recent-healthy';
import { listWatches } from '@/lib/owner-tools/watch-browser';
import { loadSettings } from '@/lib/settings';
import { freshLog } from '../helpers/db';
import { englishBrowser } from '../helpers/i18n-browser';
import { makeIncident } from '../helpers/incidents';

// What the router asks the browser to do, answered from scripts: every check is noted, none is made.
const checks: { url: string; page: PageFacts | null; refusal?: string }[] = [];
vi.mock('@/lib/owner-tools/check-browser', () => ({
  checkSite: async (url: string, kind: CheckRecord['kind'], page: PageFacts | null, refusal?: string) => {
    checks.push({ url, page, ...(page ? {} : { refusal }) });
    const time = Date.now();
    const status = page ? 502 : null;
    return {
      time,
      tzOffset: 0,
      site: new URL(url).hostname.split('.').slice(-2).join('.'),
      url,
      status,
      statusLine: String(status),
      ...(page ? {} : { error: refusal }),
      ttfbMs: 5,
      ip: null,
      headers: {},
      diagnosis: diagnose({ status: status ?? 0, headers: {}, url }, time),
      networkLabel: '',
      kind,
    } as CheckRecord;
  },
}));
const statusLookups: { site: string; scheme: string; page: PageFacts }[] = [];
vi.mock('@/lib/owner-tools/status-page-browser', () => ({
  lookupStatus: async (site: string, scheme: string, _now: number, page: PageFacts) => {
    statusLookups.push({ site, scheme, page });
    return null;
  },
}));
const copied: string[] = [];
vi.mock('@/lib/platform/clipboard', () => ({
  copyFromBackground: async (text: string) => {
    copied.push(text);
    return true;
  },
}));
// Checks from other networks are noted with what they are about; none is made.
const networkChecks: { url: string; site: string; incidentId: number | null | undefined }[] = [];
vi.mock('@/lib/owner-tools/other-networks-browser', () => ({
  loadGlobalping: async () => {
    throw new Error('never loaded here');
  },
  createOtherNetworks: () => ({
    start: async (target: { url: string; site: string; incident: { id?: number } | null }) => {
      networkChecks.push({ url: target.url, site: target.site, incidentId: target.incident?.id });
      return { state: 'running', done: 0, total: 9 };
    },
    status: async () => ({ state: 'idle' }),
  }),
}));
vi.mock('@/lib/site/psl-browser', async () => {
  const { siteOf } = await import('@/lib/site/psl-node');
  return { loadSiteOf: async () => siteOf };
});

const ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${ID}`;
const TAB_URL = 'https://shop.example.com/cart?item=3';

interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id: number; url: string; incognito: boolean };
}

/** Our overlay script in a tab's top frame: the sender the browser describes, never the message. */
const content = (over: Partial<Sender> = {}, incognito = false): Sender => ({
  id: ID,
  url: TAB_URL,
  frameId: 0,
  tab: { id: 5, url: TAB_URL, incognito },
  ...over,
});
const popup: Sender = { id: ID, url: `${ORIGIN}/popup.html` };

/** A body that tries to steer each message elsewhere: another address, site, tab. */
const HOSTILE = {
  url: 'http://127.0.0.1:8080/admin',
  site: 'localhost',
  scheme: 'http:',
  navStatus: 502,
  body: '<h1>502</h1>',
  burst: { id: 1, status: 503, count: 9, last: 0, host: 'x' },
  intervalMinutes: 1,
  durationMinutes: 60,
  text: 'attacker text',
};

const shownIncident = makeIncident({
  vantage: { browser: 'Chromium 156', extension: '0.1.0', networkLabel: 'home wifi' },
});
const claims: { tabId: number; url: string; documentId?: string }[] = [];
const flow = {
  onClaim: async (tabId: number, url: string, ...rest: unknown[]) => {
    const documentId = rest[3] as string | undefined;
    claims.push({ tabId, url, ...(documentId ? { documentId } : {}) });
    return { kind: 'page', incident: shownIncident, logState: 'saved' };
  },
  // The tab's own page is TAB_URL, failing with a 502.
  onHidden: async (tabId: number, url: string) => (tabId === 5 && url === TAB_URL ? '502' : null),
} as unknown as FailureFlow;

let router: ReturnType<typeof createRouter>;
const send = (name: string, body: unknown, sender: Sender) =>
  router.listener({ name, body }, sender as Parameters<typeof router.listener>[1]);

beforeEach(async () => {
  fakeBrowser.reset();
  await freshLog();
  englishBrowser();
  for (const list of [checks, statusLookups, copied, claims, networkChecks] as unknown[][]) list.length = 0;
  router = createRouter(flow, new RecentHealthy());
});

const CONTENT_MAY = (Object.keys(SENDERS) as MessageName[]).filter((n) => SENDERS[n].includes('content'));
const CONTENT_MAY_NOT = (Object.keys(SENDERS) as MessageName[]).filter((n) => !SENDERS[n].includes('content'));

describe('a content script', () => {
  it('may send exactly these messages', () => {
    expect(CONTENT_MAY).toEqual([
      'overlay:claim',
      'overlay:hidden',
      'popup:open',
      'reload:check',
      'site:check',
      'networks:check',
      'networks:status',
      'networks:setup',
      'site:status',
      'site:quiet',
      'site:mine',
      'report:copy',
    ]);
  });

  it('networks:check asks about its own tab’s address, never the one it names; nothing in a private window', async () => {
    expect(await send('networks:check', HOSTILE, content())).toMatchObject({ state: 'running' });
    expect(networkChecks).toEqual([{ url: TAB_URL, site: 'example.com', incidentId: undefined }]);
    expect(await send('networks:check', HOSTILE, content({}, true))).toEqual({ state: 'refused' });
    expect(await send('networks:status', HOSTILE, content({}, true))).toEqual({ state: 'refused' });
    expect(networkChecks).toHaveLength(1);
  });

  it('networks:check keeps the answer with the incident its overlay shows, if it is this site’s own', async () => {
    const id = await recordIncident(makeIncident({ pageUrl: TAB_URL, requestUrl: TAB_URL }));
    const claim = flow.onClaim;
    flow.onClaim = async () => ({ kind: 'page', incident: { ...shownIncident, id }, logState: 'saved' }) as never;
    try {
      await send('overlay:claim', HOSTILE, content());
      await send('networks:check', { ...HOSTILE, incidentId: 999 }, content());
      expect(networkChecks.at(-1)).toEqual({ url: TAB_URL, site: 'example.com', incidentId: id });
    } finally {
      flow.onClaim = claim;
    }
  });

  it('networks:setup opens the settings where the person can agree, and nothing else', async () => {
    expect(await send('networks:setup', HOSTILE, content())).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(`${ORIGIN}/options.html#other-networks`);
    expect(networkChecks).toEqual([]);
  });

  it.each(CONTENT_MAY_NOT)('is refused %s, and nothing happens', async (name) => {
    expect(send(name, HOSTILE, content())).toBeUndefined();
    expect(checks).toEqual([]);
    expect(await listWatches()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(copied).toEqual([]);
  });

  it.each(CONTENT_MAY)('is refused %s from a sub-frame, from another extension, and from a non-web page', (name) => {
    expect(send(name, HOSTILE, content({ frameId: 3 }))).toBeUndefined();
    expect(send(name, HOSTILE, content({ id: 'other-extension' }))).toBeUndefined();
    expect(send(name, HOSTILE, content({ url: 'file:///home/a.html' }))).toBeUndefined();
    expect(send(name, HOSTILE, { id: ID, url: 'https://a.example/' })).toBeUndefined();
  });

  it('overlay:claim claims its own tab’s document, whatever it says, and gets no network label', async () => {
    const payload = await send('overlay:claim', { ...HOSTILE, url: 'https://elsewhere.example/' }, content());
    expect(claims).toEqual([{ tabId: 5, url: TAB_URL }]);
    expect(payload).toMatchObject({ kind: 'page' });
    expect(JSON.stringify(payload)).not.toContain('home wifi');
  });

  it('overlay:claim names the document the browser says sent it', async () => {
    await send('overlay:claim', { ...HOSTILE, documentId: 'FORGED' }, content({ documentId: 'DOC-1' }));
    expect(claims).toEqual([{ tabId: 5, url: TAB_URL, documentId: 'DOC-1' }]);
  });

  it('overlay:hidden puts where the explanation is on its own tab’s toolbar button, for its own page only', async () => {
    const titles: unknown[] = [];
    fakeBrowser.action.setTitle = async (details) => void titles.push(details);
    expect(await send('overlay:hidden', HOSTILE, content())).toBe(true);
    expect(titles).toEqual([{ tabId: 5, title: 'Error 502: this page hides the explanation. Click here to read it.' }]);
    expect(await send('overlay:hidden', HOSTILE, content({ url: 'https://shop.example.com/other' }))).toBe(false);
    expect(titles).toHaveLength(1);
  });

  it('popup:open opens the toolbar popup, and says so; false where the browser refuses', async () => {
    let opened = 0;
    fakeBrowser.action.openPopup = async () => void opened++;
    expect(await send('popup:open', HOSTILE, content())).toBe(true);
    expect(opened).toBe(1);
    fakeBrowser.action.openPopup = async () => {
      throw new Error('openPopup requires a user gesture');
    };
    expect(await send('popup:open', HOSTILE, content())).toBe(false);
  });

  it('reload:check checks its own tab’s address, never the one it names', async () => {
    expect(await send('reload:check', HOSTILE, content())).toEqual({ status: 502, retryAfter: null });
    expect(checks.map((c) => c.url)).toEqual(['https://shop.example.com/cart?item=3']);
  });

  it('site:check checks its own tab’s address and logs it; in a private window it checks nothing', async () => {
    const check = (await send('site:check', HOSTILE, content())) as CheckRecord;
    expect(check.url).toBe(TAB_URL);
    expect(await siteChecks('example.com')).toHaveLength(1);

    const refused = (await send('site:check', HOSTILE, content({}, true))) as CheckRecord;
    expect(refused).toMatchObject({ status: null, error: 'private' });
    expect(checks.at(-1)).toEqual({ url: TAB_URL, page: null, refusal: 'private' });
    expect(await siteChecks('example.com')).toHaveLength(1);
    expect(await send('reload:check', HOSTILE, content({}, true))).toEqual({ status: null, retryAfter: null });
    expect(checks).toHaveLength(2);
  });

  it('site:check and reload:check in a private window check when the person allowed private logging', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, value: { logPrivate: true } } });
    expect(await send('reload:check', HOSTILE, content({}, true))).toEqual({ status: 502, retryAfter: null });
  });

  it('site:status looks up its own tab’s site over its own scheme, never the one it names', async () => {
    await send('site:status', HOSTILE, content());
    expect(statusLookups).toMatchObject([{ site: 'example.com', scheme: 'https:', page: { url: TAB_URL } }]);
    expect(await send('site:status', HOSTILE, content({}, true))).toBeNull();
    expect(statusLookups).toHaveLength(1);
  });

  it('site:quiet quiets its own tab’s site, never the one it names', async () => {
    expect(await send('site:quiet', HOSTILE, content())).toBe(true);
    expect((await loadSettings(fakeBrowser.storage.local)).quietSites).toEqual(['example.com']);
  });

  it('site:mine remembers its own tab’s site only, never the one it names, and not from a private window', async () => {
    const mySites = async () => (await loadSettings(fakeBrowser.storage.local)).mySites;
    expect(await send('site:mine', HOSTILE, content())).toBe(false);
    expect(await send('site:mine', { ...HOSTILE, mine: true }, content())).toBe(true);
    expect(await mySites()).toEqual(['example.com']);
    // Another tab on the same site reads it; one on another site does not.
    expect(
      await send('site:mine', {}, content({ tab: { id: 6, url: 'https://www.example.com/', incognito: false } })),
    ).toBe(true);
    const elsewhere = content({
      url: 'https://other.example.org/',
      tab: { id: 7, url: 'https://other.example.org/', incognito: false },
    });
    expect(await send('site:mine', {}, elsewhere)).toBe(false);
    // A private window may read what was said, but says nothing new about the sites it visits.
    const privately = content({
      url: 'https://private.example.net/',
      tab: { id: 8, url: 'https://private.example.net/', incognito: true },
    });
    expect(await send('site:mine', { mine: true }, privately)).toBe(false);
    expect(await send('site:mine', { mine: false }, content({}, true))).toBe(true);
    expect(await mySites()).toEqual(['example.com']);
    // A page that is not on the web has no site to remember.
    const local = content({ url: 'file:///home/a.html', tab: { id: 9, url: 'file:///home/a.html', incognito: false } });
    expect(await send('site:mine', { mine: true }, local)).toBeUndefined();
    expect(await send('site:mine', { mine: false }, content())).toBe(false);
    expect(await mySites()).toEqual([]);
  });

  it('report:copy copies its own tab’s report, built by the background, without the network label', async () => {
    expect(await send('report:copy', HOSTILE, content())).toBe(false);
    await send('overlay:claim', HOSTILE, content());
    expect(await send('report:copy', HOSTILE, content())).toBe(true);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^Error 502 Bad Gateway on example\.com/);
    expect(copied[0]).not.toMatch(/attacker text|home wifi/);
    // Another tab has shown nothing: it copies nothing.
    const other = content({ tab: { id: 6, url: TAB_URL, incognito: false } });
    expect(await send('report:copy', HOSTILE, other)).toBe(false);
    await router.forgetTab(5);
    expect(await send('report:copy', HOSTILE, content())).toBe(false);
  });
});

describe('the popup', () => {
  it.each((Object.keys(SENDERS) as MessageName[]).filter((n) => !SENDERS[n].includes('popup')))(
    'is refused %s',
    (name) => {
      expect(send(name, HOSTILE, popup)).toBeUndefined();
    },
  );

  it('checks and watches a page open in a tab or failed on here, and nothing else', async () => {
    await fakeBrowser.tabs.create({ url: 'https://open.example.com/page' });
    await recordIncident(
      makeIncident({
        pageUrl: 'https://failed.example.com/',
        site: 'example.com',
        requestUrl: 'https://failed.example.com/',
      }),
    );
    await addIncidents([
      makeIncident({ pageUrl: 'http://intranet.example.org/admin', site: 'example.org', source: 'colleague' }),
    ]);
    for (const url of ['https://open.example.com/page#x', 'https://failed.example.com/']) {
      expect(await send('site:check', { url }, popup)).toMatchObject({ status: 502 });
    }
    for (const url of ['http://intranet.example.org/admin', 'http://127.0.0.1/', 'https://never.example.net/']) {
      expect(await send('site:check', { url }, popup)).toMatchObject({ status: null, error: 'refused' });
      expect(await send('watch:start', { url, intervalMinutes: 5, durationMinutes: 60 }, popup)).toBeNull();
    }
    expect(checks.filter((c) => c.page).map((c) => c.url)).toEqual([
      'https://open.example.com/page',
      'https://failed.example.com/',
    ]);
    expect(await listWatches()).toEqual([]);
  });

  it('asks other networks about a page open in a tab or failed on here, and nothing else', async () => {
    const id = await recordIncident(
      makeIncident({ pageUrl: 'https://failed.example.com/', requestUrl: 'https://failed.example.com/' }),
    );
    const [imported] = await Promise.all([
      addIncidents([makeIncident({ pageUrl: 'https://x.example.org/', site: 'example.org', source: 'colleague' })]),
    ]);
    expect(imported).toBe(1);
    expect(await send('networks:check', { url: 'https://failed.example.com/', incidentId: id }, popup)).toMatchObject({
      state: 'running',
    });
    for (const url of ['https://x.example.org/', 'http://127.0.0.1/', 'https://never.example.net/']) {
      expect(await send('networks:check', { url }, popup)).toEqual({ state: 'refused' });
    }
    // An incident of another site is not the one the answer is kept with.
    await send('networks:check', { url: 'https://failed.example.com/', incidentId: id + 1 }, popup);
    expect(networkChecks).toEqual([
      { url: 'https://failed.example.com/', site: 'example.com', incidentId: id },
      { url: 'https://failed.example.com/', site: 'example.com', incidentId: undefined },
    ]);
  });
});

describe('the explanation page', () => {
  const explain = (url: string): Sender => {
    const page = `${ORIGIN}/explain.html?url=${encodeURIComponent(url)}&log=saved&incident=null`;
    return { id: ID, url: page, frameId: 0, tab: { id: 8, url: page, incognito: false } };
  };

  it('checks the address it explains, and no other', async () => {
    expect(await send('reload:check', { url: TAB_URL }, explain(TAB_URL))).toEqual({ status: 502, retryAfter: null });
    expect(await send('reload:check', { url: 'http://127.0.0.1/' }, explain(TAB_URL))).toEqual({
      status: null,
      retryAfter: null,
    });
    expect(checks.map((c) => c.url)).toEqual([TAB_URL]);
  });

  it('asks other networks about the address it explains, whatever its message names', async () => {
    await send('networks:check', HOSTILE, explain(TAB_URL));
    expect(networkChecks).toEqual([{ url: TAB_URL, site: 'example.com', incidentId: undefined }]);
  });

  it('is refused what is not its own to ask', () => {
    for (const name of [
      'site:check',
      'watch:start',
      'site:quiet',
      'site:mine',
      'report:copy',
      'overlay:claim',
      'networks:setup',
    ] as const) {
      expect(send(name, HOSTILE, explain(TAB_URL))).toBeUndefined();
    }
  });
});

describe('anything else', () => {
  it.each([null, 'x', { name: 'site:check' }, { name: 'nope', body: {} }, { name: 'site:check', body: null }])(
    'is not an envelope: %j',
    (message) => {
      expect(router.listener(message, popup as never)).toBeUndefined();
    },
  );
});
