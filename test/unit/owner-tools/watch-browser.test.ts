import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diagnose } from '@/lib/diagnosis/diagnose';
import type { CheckRecord } from '@/lib/log/model';
import {
  listWatches,
  restoreWatches,
  runWatch,
  startWatch,
  stopWatch,
  watchEvents,
} from '@/lib/owner-tools/watch-browser';
import { freshLog } from '../helpers/db';
import { englishBrowser } from '../helpers/i18n-browser';

// The check itself (fetch + webRequest) is the browser's; here it answers from a script.
const answers: (number | null)[] = [];
const checked: string[] = [];
vi.mock('@/lib/owner-tools/check-browser', () => ({
  checkSite: async (url: string, kind: CheckRecord['kind']): Promise<CheckRecord> => {
    checked.push(url);
    const status = answers.shift() ?? null;
    const time = Date.now();
    return {
      time,
      tzOffset: 0,
      site: 'flaky.example',
      url,
      status,
      statusLine: String(status),
      ttfbMs: 5,
      ip: null,
      headers: {},
      diagnosis: diagnose({ status: status ?? 0, headers: {}, url }, time),
      networkLabel: '',
      kind,
    };
  },
}));

// The list is a file the build writes; here the same list comes from tldts directly.
vi.mock('@/lib/site/psl-browser', async () => {
  const { siteOf } = await import('@/lib/site/psl-node');
  return { loadSiteOf: async () => siteOf };
});

const URL_ = 'https://flaky.example/';
const SITE = 'flaky.example';
const facts = async (url: string) => ({ url, ip: null });
const notifications: { title: string; message: string }[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  await freshLog();
  answers.length = 0;
  checked.length = 0;
  notifications.length = 0;
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  englishBrowser();
  browser.permissions = { contains: async () => true };
  browser.notifications = {
    create: async (_id: string, options: { title: string; message: string }) => {
      notifications.push({ title: options.title, message: options.message });
      return _id;
    },
  };
});

describe('watching a site', () => {
  it('notifies when it fails and when it recovers, once each, and keeps what it found', async () => {
    answers.push(503, 503, 200, 200);
    const watch = await startWatch(URL_, 1, 60, facts);
    expect(watch).toMatchObject({ url: URL_, site: 'flaky.example', intervalMinutes: 1, lastOk: false });
    expect(await fakeBrowser.alarms.get(`watch:${SITE}`)).toMatchObject({ periodInMinutes: 1 });
    await runWatch(SITE, facts); // still failing: nothing new to say
    await runWatch(SITE, facts); // back
    await runWatch(SITE, facts); // still fine
    expect(notifications.map((n) => n.title)).toEqual(['flaky.example is failing', 'flaky.example is back']);
    expect(notifications[0]?.message).toMatch(/^It answered 503 Service Unavailable at /);
    expect((await watchEvents()).map((e) => [e.kind, e.status])).toEqual([
      ['recovered', 200],
      ['failed', 503],
    ]);
  });

  it('says nothing without the notifications permission, but still keeps what it found', async () => {
    (fakeBrowser as unknown as Record<string, Record<string, unknown>>).permissions = { contains: async () => false };
    answers.push(502);
    await startWatch(URL_, 5, 60, facts);
    expect(notifications).toEqual([]);
    expect((await watchEvents()).map((e) => e.kind)).toEqual(['failed']);
  });

  it('ends by itself after its duration, and when stopped', async () => {
    answers.push(200);
    await startWatch(URL_, 1, 1, facts);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 2 * 60_000);
    await runWatch(SITE, facts);
    vi.restoreAllMocks();
    expect(await listWatches()).toEqual([]);
    expect(await fakeBrowser.alarms.get(`watch:${SITE}`)).toBeUndefined();

    answers.push(200);
    await startWatch(URL_, 1, 60, facts);
    await stopWatch(SITE);
    expect(await listWatches()).toEqual([]);
  });

  it('keeps and checks the page without its secrets or query, and names nothing after the address', async () => {
    answers.push(200);
    const watch = await startWatch(
      'https://user:pw@flaky.example/reset/AbCdEf0123456789XyZ?token=T0K3N&page=2#frag',
      5,
      60,
      facts,
    );
    expect(watch?.url).toBe('https://flaky.example/reset/REDACTED');
    expect(checked).toEqual(['https://flaky.example/reset/REDACTED']);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/T0K3N|AbCdEf|frag|pw@/);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual([`watch:${SITE}`]);
  });

  it('brings a watch an older version kept under its full address to the current form', async () => {
    const old = 'https://flaky.example/?token=OLD#x';
    await fakeBrowser.storage.local.set({
      watches: [{ url: old, site: SITE, intervalMinutes: 5, until: Date.now() + 60_000, lastOk: null }],
    });
    await fakeBrowser.alarms.create(`watch:${old}`, { periodInMinutes: 5 });
    await restoreWatches();
    expect(await listWatches()).toMatchObject([{ url: 'https://flaky.example/', site: SITE }]);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual([`watch:${SITE}`]);
  });

  it('stops unchecked a stored watch this extension could not have made (one that lasts past a day)', async () => {
    await fakeBrowser.storage.local.set({
      watches: [
        {
          url: 'http://192.168.1.1/',
          site: '192.168.1.1',
          intervalMinutes: 1,
          until: Date.now() + 30 * 86_400_000,
          lastOk: null,
        },
      ],
    });
    await runWatch('192.168.1.1', facts);
    expect(checked).toEqual([]);
    expect(await listWatches()).toEqual([]);
  });

  it('never keeps a watch past a day, whatever duration is asked for', async () => {
    answers.push(200);
    const watch = await startWatch(URL_, 5, 10 * 24 * 60, facts);
    expect((watch?.until ?? 0) - Date.now()).toBeLessThanOrEqual(86_400_000);
  });
});
