import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, startLab } from '../lab/server';
import { chromiumArgs, chromiumPath, EXTENSION_DIR, type Session, startSession } from './harness';
import { LogReader } from './log-reader';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { waitFor } from './wait';

let session: Session;
let log: LogReader;

beforeAll(async () => {
  session = await startSession();
  log = await LogReader.open(session);
});

afterAll(async () => {
  await session?.close();
});

/** The toolbar badge of the tab showing `url`, as the person sees it. */
function badge(url: string): Promise<string> {
  return session.worker.evaluate(async (url) => {
    const tabId = (await chrome.tabs.query({ url }))[0]?.id;
    return tabId === undefined ? '' : chrome.action.getBadgeText({ tabId });
  }, url);
}

describe('a request belongs to the document that made it', () => {
  it('a page whose API calls failed, then a failing page in the same tab: its own explanation, never the old notice', async () => {
    const page = await session.context.newPage();
    const overlay = new OverlayPage(page);
    // The person moves on as soon as the page has loaded, its calls still failing, and the
    // extension still busy with them (as `npm start -- --headless` does).
    await page.goto(session.url('burst.test'));
    await page.goto(session.url('shop-down.test'));
    expect(await overlay.waitForText(20_000)).toContain('The site is down for now');
    expect(await overlay.noticeText()).toBeNull();
    // The old page's failures that completed end up logged; none of them reaches the new page.
    // Settled: the same count read 20 times in a row (each read is a round trip to IndexedDB).
    let last = -1;
    let same = 0;
    await waitFor(
      'the burst’s logging to settle',
      async () => {
        const now = await log.failures('burst.test');
        same = now === last && now > 0 ? same + 1 : 0;
        last = now;
        return same >= 20;
      },
      30_000,
    );
    expect(await overlay.text()).toContain('The site is down for now');
    expect(await overlay.noticeText()).toBeNull();
    expect(await badge('http://shop-down.test/*')).toBe('503');
    await page.close();
  });

  it('the error page’s own stylesheet, script and image are part of its failure, not incidents', async () => {
    const page = await session.context.newPage();
    const overlay = new OverlayPage(page);
    await page.goto(session.url('assets-502.test'));
    expect(await overlay.waitForText()).toContain('The site didn’t answer properly');
    // The page asked for them, and got its 502s, before the load event.
    await page.waitForLoadState('load');
    const served = session.lab.requests.filter((r) => r.startsWith('assets-502.test/'));
    expect(served).toEqual(expect.arrayContaining(['assets-502.test/style.css', 'assets-502.test/app.js']));
    await waitFor('the page’s failure to be logged', async () => (await log.failures('assets-502.test')) > 0);
    const logged = (await log.incidents()).filter((i) => i.site === 'assets-502.test');
    expect(logged.map((i) => i.requestUrl)).toEqual(['http://assets-502.test/']);
    expect(await overlay.noticeText()).toBeNull();
    await page.close();
  });
});

describe('a page that removes the card', () => {
  it('gets it back a few times; one that keeps at it gets no loop, and the toolbar button says the explanation is in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('rerender-500.test'));
    const removed = () => page.evaluate(() => (window as unknown as { removed: number }).removed);
    // Put back three times, removed four: then left alone.
    await waitFor('the page to remove the card for good', async () => (await removed()) === 4);
    // The badge keeps the code, and its tooltip says where the explanation is now.
    const button = () =>
      session.worker.evaluate(async () => {
        const tabId = (await chrome.tabs.query({ url: 'http://rerender-500.test/*' }))[0]?.id;
        return { badge: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) };
      });
    await waitFor('the toolbar button to say so', async () => (await button()).title.startsWith('Error 500'));
    expect(await button()).toEqual({
      badge: '500',
      title: 'Error 500: this page hides the explanation. Click here to read it.',
    });
    const popup = await PopupPage.open(session, 'http://rerender-500.test/*');
    await popup.thisTab().getByRole('button', { name: 'Show explanation' }).click();
    await popup.page.getByRole('heading', { level: 2, name: 'The site hit an error' }).waitFor();
    expect(await removed()).toBe(4);
    expect(await new OverlayPage(page).isShown()).toBe(false);
    await popup.page.close();
    await page.close();
  });

  it('a page that removes it once sees it come back', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('hostile-500.test'));
    const overlay = new OverlayPage(page);
    // A page with words of its own gets the small pill first; open it into the card.
    expect(await overlay.openCard()).toContain('The site hit an error');
    expect(await page.evaluate(() => (window as unknown as { hostile: { remove(): boolean } }).hostile.remove())).toBe(
      true,
    );
    expect(await overlay.openCard()).toContain('The site hit an error');
    await page.close();
  });
});

describe('the API-failure notice', () => {
  it('has Details, which opens the popup on this tab’s failures or says what to click', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('api-503.test'));
    const overlay = new OverlayPage(page);
    await expect.poll(() => overlay.noticeText(), { timeout: 10_000 }).toContain('3 requests failed');
    const popups = () =>
      session.worker.evaluate(async () => {
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['POPUP'] } as never);
        return contexts.map((c) => new URL(c.documentUrl ?? '').pathname);
      });
    expect(await popups()).toEqual([]);
    await page.bringToFront();
    await overlay.click('.x5-notice-details');
    // Chromium opens the toolbar popup itself (on the active tab, this one): no hint needed.
    await waitFor('the toolbar popup to open', async () => (await popups()).includes('/popup.html'));
    expect(await overlay.noticeText()).not.toContain('Click the 5xx Explainer button');
    await page.close();
  });
});

describe('right after the browser starts', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.close();
  });

  // A new profile each time: the extension is installed as the browser starts, and the first
  // page is asked for at once, before anyone could wait for the extension to be ready.
  it.each([1, 2, 3])('the first failing page is explained and logged (cold profile, run %i)', async () => {
    const profile = mkdtempSync(join(tmpdir(), '5xx-cold-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: chromiumArgs(lab.port, EXTENSION_DIR),
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`http://nginx-502.test/?cold=${Date.now()}`);
      expect(await new OverlayPage(page).waitForText(20_000)).toContain('The site didn’t answer properly');
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const id = new URL(worker.url()).host;
      const options = await context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      const reader = LogReader.on(options);
      await waitFor('the failure to be logged', async () => (await reader.failures('nginx-502.test')) === 1);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
