import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_HEADER_CHARS, MARKUP } from '../lab/scenarios';
import { PageWatch, watchWorkerErrors, workerErrors } from './error-watch';
import { type Session, startSession } from './harness';
import { serveOnIpv6 } from './ipv6-front';
import { LogReader } from './log-reader';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { snapshotOverlay } from './shadow-snapshot';
import { waitFor } from './wait';

let session: Session;
let log: LogReader;

beforeAll(async () => {
  session = await startSession();
  log = await LogReader.open(session);
  await watchWorkerErrors(session.worker);
});

afterAll(async () => {
  await session?.close();
});

/** Nothing the pages did raised an error in the extension's service worker. */
async function expectNoWorkerErrors(): Promise<void> {
  expect(await workerErrors(session.worker)).toEqual([]);
}

/** What hostile-500.test's own script reports (see test/lab/scenarios.ts). */
interface Hostile {
  read(): {
    shadowRoot: string | null;
    textContent: string;
    innerText: string;
    html: string;
    outerHTML: string;
    pageText: string;
    children: number;
    attach: string;
  } | null;
  cover(): { before: string | null; after: string | null };
  remove(): boolean;
}

describe('markup and script from a failing server', () => {
  it('show as literal text in the overlay and the popup, and nothing runs', async () => {
    const page = await session.context.newPage();
    const watch = await PageWatch.start(page);
    await page.goto(session.url('markup-500.test'));
    const overlay = new OverlayPage(page);
    // The page says a lot of its own: the overlay starts as a pill.
    await overlay.openCard();
    await overlay.openMoreDetails();
    await overlay.click('.x5-switch input'); // the owner's view shows more of the response
    const shadow = await snapshotOverlay(page);
    for (const raw of [MARKUP.server, MARKUP.requestId, MARKUP.ray, MARKUP.reason]) expect(shadow?.text).toContain(raw);
    for (const tag of ['img', 'script', 'svg', 'iframe', 'b']) expect(shadow?.tags).not.toContain(tag);
    expect(shadow?.handlers).toEqual([]);
    expect(await page.title()).toBe(MARKUP.title);

    const popup = await PopupPage.open(session, 'http://markup-500.test/*');
    const popupWatch = await PageWatch.start(popup.page);
    await popup.page.getByRole('button', { name: /markup-500\.test\// }).click();
    const detail = popup.page.getByRole('region', { name: /500/ });
    await expect.poll(() => detail.innerText(), { timeout: 10_000 }).toContain(MARKUP.server);
    expect(await detail.innerText()).toContain(MARKUP.requestId);
    expect(await popup.page.locator('img, iframe, [onerror], [onload]').count()).toBe(0);

    expect(watch.dialogs).toEqual([]);
    expect(popupWatch.dialogs).toEqual([]);
    expect(watch.extensionErrors(session.extensionId)).toEqual([]);
    expect(popupWatch.errors).toEqual([]);
    await expectNoWorkerErrors();
    await popup.page.close();
    await page.close();
  });
});

describe('very long headers and addresses', () => {
  it('still explain; the stored header is bounded and the address kept without its secret', async () => {
    const query = `q=${'x'.repeat(6000)}&token=s3cret-token`;
    const page = await session.context.newPage();
    await page.goto(session.url('long-500.test', `/?${query}`));
    expect(await new OverlayPage(page).waitForText()).toContain('The site hit an error');

    const popup = await PopupPage.open(session, 'http://long-500.test/*');
    const exported = await popup.export('JSON');
    const incident = JSON.parse(exported.text).incidents[0];
    expect(incident.headers['x-request-id']).toHaveLength(513);
    expect(incident.headers['x-request-id']).toBe(`${'r'.repeat(512)}…`);
    expect(LONG_HEADER_CHARS).toBeGreaterThan(513);
    expect(incident.requestUrl).toBe(`http://long-500.test/?q=${'x'.repeat(6000)}&token=REDACTED`);
    expect(exported.text).not.toContain('s3cret');
    await popup.page.close();
    await page.close();
  });
});

describe('a binary error body', () => {
  it('is neither rendered nor downloaded: the browser shows its own error page, so the tab gets the explanation page', async () => {
    const page = await session.context.newPage();
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await page.goto(session.url('ok.test'));
    // Followed from a page, as a person clicking a link would. Chromium 156 refuses a 5xx
    // octet-stream body (net::ERR_INVALID_RESPONSE) and shows its own error page.
    await page.evaluate(() => {
      location.href = 'http://binary-500.test/';
    });
    await waitFor('the explanation page', async () => /^chrome-extension:\/\/.*\/explain\.html/.test(page.url()));
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('The site hit an error');
    expect(downloaded).toBe(false);
    await expect.poll(() => log.failures('binary-500.test')).toBe(1);
    await expectNoWorkerErrors();
    await page.close();
  });
});

describe('odd addresses', () => {
  it('an IPv6 literal ([::1]) is explained and logged', async () => {
    const front = await serveOnIpv6(session.lab, 'nginx-502.test');
    try {
      const page = await session.context.newPage();
      await page.goto(front.url);
      expect(await new OverlayPage(page).waitForText()).toContain('The site didn’t answer properly');
      await expect.poll(async () => (await log.incidents()).some((i) => i.requestUrl === front.url)).toBe(true);
      await page.close();
    } finally {
      await front.close();
    }
  });

  it('an internationalised host name (bücher.test) is explained and logged under its ASCII form', async () => {
    const page = await session.context.newPage();
    await page.goto('http://bücher.test/');
    expect(page.url()).toBe('http://xn--bcher-kva.test/');
    expect(await new OverlayPage(page).waitForText()).toContain('The site didn’t answer properly');
    await expect.poll(() => log.failures('xn--bcher-kva.test')).toBe(1);
    await page.close();
  });

  it('an address with a port is explained and logged with its port', async () => {
    const page = await session.context.newPage();
    await page.goto('http://nginx-504.test:8080/');
    expect(await new OverlayPage(page).waitForText()).toContain('The site took too long');
    await expect
      .poll(async () => (await log.incidents()).some((i) => i.requestUrl === 'http://nginx-504.test:8080/'))
      .toBe(true);
    await page.close();
  });

  it('data:, blob:, file:, chrome:// and chrome-extension:// pages are left alone, without errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), '5xx-file-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, '<!doctype html><title>A file</title><h1>A local file</h1>');
    const before = (await log.incidents()).reduce((n, i) => n + i.count, 0);
    const page = await session.context.newPage();
    const watch = await PageWatch.start(page);
    try {
      for (const url of [
        'data:text/html,<title>data</title><h1>A data page</h1>',
        pathToFileURL(file).href,
        'chrome://version/',
        `chrome-extension://${session.extensionId}/options.html`,
      ]) {
        await page.goto(url);
        expect(page.url()).toBe(url);
      }
      await page.goto(session.url('ok.test'));
      await page.evaluate(() => {
        location.href = URL.createObjectURL(new Blob(['<h1>A blob page</h1>'], { type: 'text/html' }));
      });
      await page.waitForURL(/^blob:http:\/\/ok\.test\//);
      await page.getByRole('heading', { name: 'A blob page' }).waitFor();
      expect(await page.locator('fivexx-explainer').count()).toBe(0);

      // The worker is awake and has caught up: a failure in another tab is explained and logged.
      const other = await session.context.newPage();
      await other.goto(session.url('apache-500.test'));
      await new OverlayPage(other).waitForText();
      await expect.poll(async () => (await log.incidents()).reduce((n, i) => n + i.count, 0)).toBe(before + 1);
      expect((await log.incidents()).filter((i) => !/^https?:/.test(i.pageUrl))).toEqual([]);
      expect(watch.extensionErrors(session.extensionId)).toEqual([]);
      await expectNoWorkerErrors();
      await other.close();
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a page that goes after the overlay', () => {
  it('cannot read it; can cover it; removing it brings it back (the failure stays logged, a reload explains again)', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('hostile-500.test'));
    const overlay = new OverlayPage(page);
    const text = await overlay.openCard();
    expect(text).toContain('Copy details for support');

    const read = await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.read());
    expect(read).toMatchObject({
      shadowRoot: null,
      textContent: '',
      innerText: '',
      html: '',
      children: 0,
      attach: 'NotSupportedError',
    });
    for (const seen of [read?.outerHTML, read?.pageText]) {
      expect(seen).not.toContain('Copy details for support');
      expect(seen).not.toContain('Error 500');
    }
    // Chromium's window.find() does search closed shadow roots: a page can confirm a phrase it
    // already guesses (yes or no), though it cannot read any. Recorded so a change is noticed.
    const find = () => (window as unknown as { find(text: string): boolean }).find('Copy details for support');
    expect(await page.evaluate(find)).toBe(true);

    // A page can always paint over anything in it: same z-index, later in the document, wins.
    const cover = await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.cover());
    expect(cover).toEqual({ before: 'fivexx-explainer', after: 'div' });
    expect(await overlay.isShown()).toBe(true);

    // And remove it from its own DOM: it comes back (a page that keeps at it: attribution.e2e.ts).
    // The failure stays logged once; reloading explains again.
    expect(await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.remove())).toBe(true);
    expect(await overlay.openCard()).toContain('The site hit an error');
    expect(await log.failures('hostile-500.test')).toBe(1);
    await page.reload();
    expect(await overlay.openCard()).toContain('The site hit an error');
    await page.close();
  });
});

describe('a page that pretends to be the extension', () => {
  it('cannot reach it: no messages get through, no explanation page opens, nothing is shown or logged', async () => {
    const page = await session.context.newPage();
    const watch = await PageWatch.start(page);
    await page.goto(session.url('fake-messages.test', `/?ext=${session.extensionId}`));
    const attempts = await waitFor('the page’s attempts', () => page.locator('#attempts').textContent());
    expect(JSON.parse(attempts)).toEqual({
      'chrome.runtime': 'returned "undefined"',
      sendMessage: 'threw TypeError',
      connect: 'threw TypeError',
      postMessage: 'returned "sent"',
    });

    // The explanation page is not web-accessible: a page cannot show it with an incident of its making.
    const crafted = `chrome-extension://${session.extensionId}/explain.html?url=http%3A%2F%2Ffake-messages.test%2F&incident=%7B%22status%22%3A503%2C%22diagnosis%22%3A%7B%7D%7D`;
    await page.evaluate(
      (src) =>
        new Promise<void>((resolve) => {
          const iframe = document.createElement('iframe');
          iframe.src = src;
          iframe.onload = () => resolve();
          document.body.append(iframe);
        }),
      crafted,
    );
    const frame = page.frames()[1];
    expect(frame?.url()).toBe('chrome-error://chromewebdata/');
    expect(await frame?.locator('body').innerText()).toContain('This page has been blocked by Chromium');

    // The worker has caught up (another tab's failure is explained), and this page got nothing.
    const other = await session.context.newPage();
    await other.goto(session.url('app-500.test'));
    await new OverlayPage(other).openCard();
    expect(await page.locator('fivexx-explainer').count()).toBe(0);
    expect(await log.failures('fake-messages.test')).toBe(0);
    const tabId = await session.worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'http://fake-messages.test/*' }))[0]?.id,
    );
    expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId as number)).toBe('');
    expect(watch.extensionErrors(session.extensionId)).toEqual([]);
    await expectNoWorkerErrors();
    await other.close();

    await page.evaluate((url) => {
      location.href = url;
    }, crafted);
    await page.waitForURL('chrome-error://chromewebdata/');
    expect(await page.locator('body').innerText()).toContain('ERR_BLOCKED_BY_CLIENT');
    await page.close();
  });
});

describe('a crafted import file', () => {
  it('of 60 MB is refused before it is read, leaving the log as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), '5xx-import-'));
    const file = join(dir, 'huge.json');
    // A valid start, then padding: only its size gives it away.
    writeFileSync(file, `{"format":"5xx-explainer-log","version":1,"incidents":[]${' '.repeat(60 * 1024 * 1024)}}`);
    try {
      const before = await log.incidents();
      const popup = await PopupPage.open(session);
      await popup.page.getByLabel('Import a JSON log…').setInputFiles(file);
      await popup.page
        .getByRole('alert')
        .getByText('That file is too large to be a 5xx Explainer log. Nothing was imported; your log is unchanged.')
        .waitFor();
      expect(await log.incidents()).toEqual(before);
      await popup.page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
