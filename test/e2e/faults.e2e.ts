import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BURST_CALLS, BURST_URLS } from '../lab/scenarios';
import { watchWorkerErrors, workerErrors } from './error-watch';
import { openExtensionPage, type Session, startSession } from './harness';
import { LogReader } from './log-reader';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { countInjectionRequests, ServiceWorkerControl } from './service-worker';
import { waitFor } from './wait';

const NOT_SAVED = 'This error could not be saved to your log.';

/** Marks the running worker's memory, so a test can tell a fresh worker from the old one. */
async function markWorker(session: Session): Promise<void> {
  await session.worker.evaluate(() => {
    (globalThis as unknown as { fromBefore?: boolean }).fromBefore = true;
  });
}

async function isFreshWorker(control: ServiceWorkerControl): Promise<boolean> {
  const worker = await control.worker();
  return worker.evaluate(() => (globalThis as unknown as { fromBefore?: boolean }).fromBefore === undefined);
}

/** The page's failing calls, made the way burst.test's own script makes them; their statuses. */
function failCalls(page: Page, calls: number): Promise<number[]> {
  return page.evaluate(
    ({ calls, urls }) =>
      Promise.all(
        Array.from({ length: calls }, (_, i) =>
          fetch(`/api/price/${i % urls}`, { cache: 'no-store' }).then((r) => r.status),
        ),
      ),
    { calls, urls: BURST_URLS },
  );
}

describe('a service worker the browser stops, and a browser restart', () => {
  let session: Session;
  let control: ServiceWorkerControl;
  let log: LogReader;

  beforeAll(async () => {
    session = await startSession();
    control = await ServiceWorkerControl.attach(session);
    log = await LogReader.open(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('stopped between two waves of a burst of failing API calls: no failure is lost, the notice keeps counting', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('burst.test'));
    await expect.poll(() => page.locator('#done').textContent(), { timeout: 30_000 }).toBe(String(BURST_CALLS));
    const notice = new OverlayPage(page);
    // The worker has caught up with the first wave: every failure logged and counted in the notice.
    await expect.poll(() => log.failures('burst.test'), { timeout: 20_000 }).toBe(BURST_CALLS);
    await expect.poll(() => notice.noticeText(), { timeout: 10_000 }).toContain(`${BURST_CALLS} requests failed.`);

    await markWorker(session);
    await control.stop();
    // The page keeps failing while the worker is stopped: the first failure wakes a fresh worker.
    const statuses = await failCalls(page, BURST_CALLS);
    expect(statuses.filter((s) => s === 502)).toHaveLength(BURST_CALLS);

    await expect.poll(() => log.failures('burst.test'), { timeout: 20_000 }).toBe(2 * BURST_CALLS);
    // Same burst, same notice: its count lives in storage.session, not in the stopped worker's memory.
    await expect.poll(() => notice.noticeText(), { timeout: 10_000 }).toContain(`${2 * BURST_CALLS} requests failed.`);
    expect(await isFreshWorker(control)).toBe(true);
    await page.close();
  });

  it('stopped right after a top-level failure: the overlay still comes, from a fresh worker', async () => {
    const page = await session.context.newPage();
    const ext = await openExtensionPage(session, 'options.html');
    await markWorker(session);
    const injections = await countInjectionRequests(session.worker);
    // slow-502.test commits with half its body. The rest completes the failing response and asks
    // for a script the lab holds back, so the page keeps loading and the overlay cannot go in
    // yet: the worker parks the failure for the page, asks the browser for the injection, and is
    // stopped right then.
    await page.goto(session.url('slow-502.test'), { waitUntil: 'commit' });
    session.lab.release();
    await waitFor('the page’s script to be requested', async () => session.lab.holding() === 1);
    await waitFor('the worker to ask for the overlay', async () => (await injections()) > 0);
    await control.stop();
    const parked = await ext.evaluate(async () => {
      const tab = (await chrome.tabs.query({ url: 'http://slow-502.test/*' }))[0];
      const pending = (await chrome.storage.session.get('pending')).pending as [number, unknown][] | undefined;
      return pending?.some(([tabId]) => tabId === tab?.id);
    });
    expect(parked).toBe(true);
    session.lab.release();

    // The page finishes loading, the overlay goes in and asks what to show: a fresh worker
    // answers from the parked failure.
    const text = await new OverlayPage(page).waitForText();
    expect(text).toContain('The site didn’t answer properly');
    expect(text).not.toContain(NOT_SAVED);
    expect(await isFreshWorker(control)).toBe(true);
    expect(await log.failures('slow-502.test')).toBe(1);
    await ext.close();
    await page.close();
  });

  it('eight tabs failing at once each get their explanation, and each failure is logged', async () => {
    const hosts = [
      'nginx-502.test',
      'nginx-504.test',
      'apache-500.test',
      'cloudflare-522.test',
      'maintenance-503.test',
      'app-500.test',
      'xn--bcher-kva.test',
      'empty-502.test',
    ];
    await watchWorkerErrors(await control.worker());
    const pages = await Promise.all(hosts.map(() => session.context.newPage()));
    await Promise.all(
      pages.map((page, i) =>
        page.goto(session.url(hosts[i] as string)).catch(() => {
          // empty-502.test: Chromium reports net::ERR_HTTP_RESPONSE_CODE_FAILURE and shows its own page.
        }),
      ),
    );
    await Promise.all(
      pages.map(async (page, i) => {
        if (hosts[i] === 'empty-502.test') {
          await page.waitForURL(/^chrome-extension:\/\/.*\/explain\.html/);
          await expect
            .poll(() => page.locator('body').innerText(), { timeout: 10_000 })
            .toContain('The site didn’t answer properly');
        } else {
          // Pages that explain themselves start as a pill: a click opens the card.
          expect(await new OverlayPage(page).openCard()).toMatch(/^5\d\d\s/);
        }
      }),
    );
    const sites = new Set((await log.incidents()).map((i) => i.site));
    for (const host of hosts) expect(sites).toContain(host);
    expect(await workerErrors(session.worker)).toEqual([]);
    await Promise.all(pages.map((page) => page.close()));
  });

  it('a browser restart on the same profile keeps the log, and goes on explaining and logging', async () => {
    const before = await log.incidents();
    expect(before.length).toBeGreaterThan(0);
    await session.restart();
    log = await LogReader.open(session);
    expect(await log.incidents()).toEqual(before);

    const page = await session.context.newPage();
    await page.goto(session.url('nginx-502.test'));
    expect(await new OverlayPage(page).waitForText()).toContain('The site didn’t answer properly');
    await expect
      .poll(() => log.failures('nginx-502.test'))
      .toBe(before.filter((i) => i.site === 'nginx-502.test').reduce((n, i) => n + i.count, 0) + 1);

    const popup = await PopupPage.open(session);
    const file = JSON.parse((await popup.export('JSON', 'all')).text) as { incidents: { site: string }[] };
    expect(file.incidents.filter((i) => i.site === 'burst.test').length).toBeGreaterThan(0);
    await popup.page.close();
    await page.close();
  });
});

describe('when the log cannot be written', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession();
  });

  afterEach(async () => {
    // A test that failed halfway must not leave a page holding the log open for the next one.
    for (const page of session.context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('over quota: the failure is still explained, says it was not saved, and the popup still works', async () => {
    await watchWorkerErrors(session.worker);
    const ext = await openExtensionPage(session, 'options.html');
    const cdp = await session.context.newCDPSession(ext);
    const origin = `chrome-extension://${session.extensionId}`;
    // One byte: nothing more fits. Set before the extension first writes, as a full disk would be.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });

    const page = await session.context.newPage();
    await page.goto(session.url('nginx-502.test'));
    const text = await new OverlayPage(page).waitForText();
    expect(text).toContain('The site didn’t answer properly');
    expect(text).toContain(NOT_SAVED);

    const popup = await PopupPage.open(session);
    await popup.page.getByText('No server errors yet.').waitFor();

    // Room again: the next failure is saved and listed.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.goto(session.url('apache-500.test'));
    expect(await new OverlayPage(page).waitForText()).not.toContain(NOT_SAVED);
    await popup.page.reload();
    await popup.page.getByRole('button', { name: 'apache-500.test' }).first().waitFor();
    expect(await workerErrors(session.worker)).toEqual([]);
    await popup.page.close();
    await page.close();
    await ext.close();
  });

  it('unavailable (a newer version of the log is in the way): explained, says so, and the popup says the log is unavailable', async () => {
    const control = await ServiceWorkerControl.attach(session);
    // Another version of the extension left its log at version 99: ours, at a lower version,
    // cannot open it (VersionError). The worker is stopped first so that it holds no connection.
    await control.stop();
    const ext = await openExtensionPage(session, 'options.html');
    const bump = (version: number) =>
      ext.evaluate(
        (version) =>
          new Promise<number>((resolve, reject) => {
            const request = indexedDB.open('5xx-explainer', version);
            request.onsuccess = () => {
              request.result.close();
              resolve(request.result.version);
            };
            request.onerror = () => reject(request.error);
            request.onblocked = () => reject(new Error('An open connection to the log blocks the upgrade'));
          }),
        version,
      );
    expect(await bump(99)).toBe(99);
    await watchWorkerErrors(await control.worker());

    const page = await session.context.newPage();
    await page.goto(session.url('nginx-504.test'));
    const text = await new OverlayPage(page).waitForText();
    expect(text).toContain('The site took too long');
    expect(text).toContain(NOT_SAVED);

    const popup = await openExtensionPage(session, 'popup.html');
    await expect
      .poll(() => popup.getByRole('alert').innerText(), { timeout: 10_000 })
      .toMatch(/^The log is unavailable: .*VersionError/);
    await popup.close();

    // The empty-body path carries the state to the explanation page too.
    const empty = await session.context.newPage();
    await empty.goto(session.url('empty-502.test')).catch(() => undefined);
    await empty.waitForURL(/explain\.html/);
    await expect.poll(() => empty.locator('body').innerText(), { timeout: 10_000 }).toContain(NOT_SAVED);
    expect(await workerErrors(session.worker)).toEqual([]);
    await control.detach();
    await empty.close();
    await page.close();
    await ext.close();
  });
});
