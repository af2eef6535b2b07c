import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diagnose } from '@/lib/diagnosis/diagnose';
import type { CheckRecord } from '@/lib/log/model';
import { listWatches, runWatch, startWatch, stopWatch, watchEvents } from '@/lib/owner-tools/watch-browser';
import { freshLog } from '../helpers/db';
import { t } from '../helpers/t';

// The check itself (fetch + webRequest) is the browser's; here it answers from a script.
const answers: (number | null)[] = [];
vi.mock('@/lib/owner-tools/check-browser', () => ({
  checkSite: async (url: string, kind: CheckRecord['kind']): Promise<CheckRecord> => {
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
const notifications: { title: string; message: string }[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  await freshLog();
  answers.length = 0;
  notifications.length = 0;
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  browser.i18n = { getMessage: (key: string, subs: string[]) => t(key as never, ...(subs ?? [])) };
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
    const watch = await startWatch(URL_, 1, 60);
    expect(watch).toMatchObject({ url: URL_, site: 'flaky.example', intervalMinutes: 1, lastOk: false });
    expect(await fakeBrowser.alarms.get(`watch:${URL_}`)).toMatchObject({ periodInMinutes: 1 });
    await runWatch(URL_); // still failing: nothing new to say
    await runWatch(URL_); // back
    await runWatch(URL_); // still fine
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
    await startWatch(URL_, 5, 60);
    expect(notifications).toEqual([]);
    expect((await watchEvents()).map((e) => e.kind)).toEqual(['failed']);
  });

  it('ends by itself after its duration, and when stopped', async () => {
    answers.push(200);
    await startWatch(URL_, 1, 1);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 2 * 60_000);
    await runWatch(URL_);
    vi.restoreAllMocks();
    expect(await listWatches()).toEqual([]);
    expect(await fakeBrowser.alarms.get(`watch:${URL_}`)).toBeUndefined();

    answers.push(200);
    await startWatch(URL_, 1, 60);
    await stopWatch(URL_);
    expect(await listWatches()).toEqual([]);
  });
});
