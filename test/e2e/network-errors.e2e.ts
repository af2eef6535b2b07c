import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NetworkLab, startNetworkLab } from '../lab/network';
import { watchWorkerErrors, workerErrors } from './error-watch';
import { type Session, startSession } from './harness';
import { type LoggedIncident, LogReader } from './log-reader';
import { OverlayPage, readHops } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { waitFor } from './wait';

// "This site can't be reached", for real: each lab socket (test/lab/network.ts) fails the way
// real servers and networks fail, Chromium reports its own net::ERR_*, shows its own error page,
// and the extension sends the tab to its explanation page and logs the failure.

let session: Session;
let net: NetworkLab;
let log: LogReader;

beforeAll(async () => {
  net = await startNetworkLab();
  session = await startSession({
    hostRules: net.hostRules,
    env: { HOME: net.home },
    otherExtensions: [resolve(import.meta.dirname, 'blocker-extension')],
  });
  log = await LogReader.open(session);
  await watchWorkerErrors(session.worker);
});

afterAll(async () => {
  await session?.close();
  await net?.close();
});

/**
 * Goes to `url`, which Chromium cannot load; returns the error Chromium gave the navigation, or
 * net::ERR_ABORTED when the extension sent the tab on to its explanation page first (what
 * Chromium reported to the extension is then in the log: see `networkIncident`).
 */
async function fail(page: Page, url: string): Promise<string> {
  const error = await page.goto(url).then(
    () => 'loaded',
    (e: Error) => /net::ERR_[A-Z_0-9]+/.exec(e.message)?.[0] ?? e.message,
  );
  return error;
}

async function networkIncident(host: string): Promise<LoggedIncident> {
  return waitFor(`${host}'s incident in the log`, async () =>
    (await log.incidents()).find((i) => i.site === host && i.network),
  );
}

// What Chromium 156 really reported for each lab socket, and what the explanation says.
const SCENARIOS = [
  {
    url: 'http://refused.test/',
    error: 'net::ERR_CONNECTION_REFUSED',
    phase: 'connection',
    type: 'tcp.refused',
    title: 'The site’s server turned the connection away',
  },
  {
    url: 'http://reset.test/',
    error: 'net::ERR_CONNECTION_RESET',
    phase: 'connection',
    type: 'tcp.reset',
    title: 'The connection was cut off',
  },
  {
    // Accepts and closes without a byte: what a server that takes the connection and gives
    // nothing ends as (one that never answers keeps Chromium waiting without a time limit).
    url: 'http://empty.test/',
    error: 'net::ERR_EMPTY_RESPONSE',
    phase: 'application',
    type: 'http.response.invalid',
    title: 'The site sent back nothing',
  },
  {
    url: 'https://closed.test/',
    error: 'net::ERR_CONNECTION_CLOSED',
    phase: 'connection',
    type: 'tcp.closed',
    title: 'The server hung up',
  },
  {
    url: 'https://expired.test/',
    error: 'net::ERR_CERT_DATE_INVALID',
    phase: 'connection',
    type: 'tls.cert.date_invalid',
    title: 'The site’s ID is out of date',
  },
  {
    url: 'https://wrong-name.test/',
    error: 'net::ERR_CERT_COMMON_NAME_INVALID',
    phase: 'connection',
    type: 'tls.cert.name_invalid',
    title: 'The site showed the wrong ID',
  },
  {
    url: 'https://self-signed.test/',
    error: 'net::ERR_CERT_AUTHORITY_INVALID',
    phase: 'connection',
    type: 'tls.cert.authority_invalid',
    title: 'No one vouches for the site’s ID',
  },
  {
    url: 'http://nx.test/',
    error: 'net::ERR_NAME_NOT_RESOLVED',
    phase: 'dns',
    type: 'dns.name_not_resolved',
    title: 'This site’s address can’t be found',
  },
] as const;

describe('a site that cannot be reached', () => {
  it.each(SCENARIOS)('$url ($error) ends on the explanation page, in NEL’s terms, and is logged', async (s) => {
    const page = await session.context.newPage();
    const host = new URL(s.url).host;
    expect([s.error, 'net::ERR_ABORTED']).toContain(await fail(page, s.url));
    await page.waitForURL(/^chrome-extension:\/\/.*\/explain\.html/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(s.title);
    const body = await page.locator('body').innerText();
    expect(body).toContain('Try again');
    expect(body).toContain(s.url);
    // The browser's own name for the error is under More details.
    expect(body).not.toContain(s.error);
    await page.getByText('More details').click();
    expect(await page.locator('body').innerText()).toContain(`${s.error} · ${s.type}`);
    expect(await page.title()).toBe(`${host} can’t be reached: explained`);
    // You → Your network / DNS → Site’s server, the failed hop marked, the one behind it not reached.
    const hops = await page.locator('.x5-hops').evaluate(readHops);
    expect(hops.map((h) => [h.name, h.failed, h.unreached])).toEqual(
      s.phase === 'dns'
        ? [
            ['You', false, false],
            ['Your network / DNS', true, false],
            ['Site’s server', false, true],
          ]
        : [
            ['You', false, false],
            ['Your network / DNS', false, false],
            ['Site’s server', true, false],
          ],
    );

    const incident = await networkIncident(host);
    expect(incident).toMatchObject({ status: 0, network: { error: s.error, phase: s.phase, type: s.type } });
    expect(incident.network?.elapsed_time).toEqual(expect.any(Number));
    await page.close();
  });

  it('explains an expired certificate with what the visitor can check, and the owner what to renew', async () => {
    const page = await session.context.newPage();
    await fail(page, 'https://expired.test/');
    await page.waitForURL(/explain\.html/);
    const text = () => page.locator('body').innerText();
    await expect.poll(text).toContain('Check that your device’s date and time are right.');
    await page.getByText('More details').click();
    await page.getByRole('checkbox', { name: 'This is my site' }).check();
    expect(await text()).toContain('openssl x509 -noout -dates');
    await page.close();
  });

  it('Try again goes back to the address, fails again the same way, and is explained again', async () => {
    const page = await session.context.newPage();
    await fail(page, 'http://refused.test/');
    await page.waitForURL(/explain\.html/);
    const before = (await networkIncident('refused.test')).count;
    const back = page.waitForURL('http://refused.test/').catch(() => undefined);
    await page.getByRole('button', { name: 'Try again' }).click();
    await back;
    await page.waitForURL(/explain\.html/);
    // Repeats within a minute coalesce into one incident with a count.
    await expect.poll(async () => (await networkIncident('refused.test')).count).toBe(before + 1);
    await page.close();
  });

  it('counts a page’s own unreachable API calls in a notice, leaves its unresolvable tracker alone, and logs neither', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('shop.netlab.test'));
    await expect.poll(() => page.locator('#done').textContent()).toBe('3');
    const notice = new OverlayPage(page);
    await expect
      .poll(() => notice.noticeText(), { timeout: 10_000 })
      .toContain('Requests to api.netlab.test could not reach their server (tcp.refused).');
    expect(await notice.noticeText()).toContain('2 requests failed.');
    const sites = (await log.incidents()).map((i) => i.site);
    expect(sites).not.toContain('netlab.test');
    expect(sites).not.toContain('tracker.example');
    await page.close();
  });
});

describe('what is not the site’s failure', () => {
  /**
   * Watches what Chromium reports to the extension's worker for URLs matching `urls`, with a
   * listener of the test's own there; the returned wait proves the case under test happened.
   */
  async function watchErrors(urls: string): Promise<(error: string) => Promise<void>> {
    const key = await session.worker.evaluate((urls) => {
      const scope = globalThis as unknown as { seen?: Record<string, string[]> };
      scope.seen ??= {};
      const list: string[] = [];
      scope.seen[urls] = list;
      chrome.webRequest.onErrorOccurred.addListener((d) => void list.push(d.error), { urls: [urls] });
      return urls;
    }, urls);
    return async (error) => {
      await waitFor(`Chromium to report ${error}`, () =>
        session.worker.evaluate(
          ({ key, error }) =>
            (globalThis as unknown as { seen: Record<string, string[]> }).seen[key]?.includes(error) === true,
          { key, error },
        ),
      );
    };
  }

  /** Proves the worker has caught up: a failure in another tab is explained. */
  async function caughtUp(): Promise<void> {
    const other = await session.context.newPage();
    await fail(other, 'http://reset.test/');
    await other.waitForURL(/explain\.html/);
    await other.close();
  }

  it('ERR_ABORTED: a page left while it was still loading is never explained or logged', async () => {
    const reported = await watchErrors('http://hang.test/*');
    const page = await session.context.newPage();
    const pending = page.goto('http://hang.test/').then(
      () => 'loaded',
      (e: Error) => e.message,
    );
    await waitFor('hang.test to hold the connection', async () => net.accepted('hang.test') > 0);
    await page.goto(session.url('ok.test'));
    expect(await pending).toMatch(/net::ERR_ABORTED|interrupted by another navigation/);
    await reported('net::ERR_ABORTED');
    await caughtUp();
    expect(page.url()).toBe('http://ok.test/');
    expect((await log.incidents()).filter((i) => i.site === 'hang.test')).toEqual([]);
    await page.close();
  });

  it('ERR_BLOCKED_BY_CLIENT: a page an ad blocker blocks is never explained or logged', async () => {
    const reported = await watchErrors('http://blocked.test/*');
    const page = await session.context.newPage();
    // The lab's blocker extension (test/e2e/blocker-extension) blocks it with a declarativeNetRequest rule.
    expect(await fail(page, 'http://blocked.test/')).toBe('net::ERR_BLOCKED_BY_CLIENT');
    await reported('net::ERR_BLOCKED_BY_CLIENT');
    await caughtUp();
    expect(page.url()).not.toMatch(/explain\.html/);
    expect((await log.incidents()).filter((i) => i.site === 'blocked.test')).toEqual([]);
    await page.close();
  });

  it('ERR_CACHE_MISS: Back to a form’s result page is never explained or logged', async () => {
    const reported = await watchErrors('http://form.test/*');
    const page = await session.context.newPage();
    await page.goto(session.url('form.test'));
    await Promise.all([page.waitForURL('http://form.test/result'), page.locator('#send').click()]);
    await page.goto(session.url('ok.test'));
    await page.goBack().catch(() => undefined);
    await reported('net::ERR_CACHE_MISS');
    await caughtUp();
    expect(page.url()).not.toMatch(/explain\.html/);
    expect((await log.incidents()).filter((i) => i.site === 'form.test')).toEqual([]);
    await page.close();
  });

  it('offline: says “You are offline” once, instead of blaming the site, and logs nothing', async () => {
    await session.context.setOffline(true);
    try {
      const first = await session.context.newPage();
      await fail(first, 'http://ok.test/');
      await first.waitForURL(/explain\.html\?.*offline=1/);
      await expect.poll(() => first.getByRole('heading', { level: 1 }).textContent()).toBe('You are offline');
      expect(await first.title()).toBe('You are offline');
      // Once: the next page that cannot load keeps the browser's own offline page.
      const second = await session.context.newPage();
      expect(await fail(second, 'http://apache-500.test/')).toBe('net::ERR_INTERNET_DISCONNECTED');
      await session.context.setOffline(false);
      await caughtUp();
      expect(second.url()).not.toMatch(/explain\.html/);
      await first.close();
      await second.close();
    } finally {
      await session.context.setOffline(false);
    }
    const offline = (await log.incidents()).filter((i) => i.network?.error === 'net::ERR_INTERNET_DISCONNECTED');
    expect(offline).toEqual([]);
  });
});

describe('the popup', () => {
  it('tells network errors apart from 5xx, and exports them with NEL’s fields', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('nginx-502.test'));
    await new OverlayPage(page).waitForText();
    await page.close();

    const popup = await PopupPage.open(session);
    const json = JSON.parse((await popup.export('JSON', 'all')).text) as {
      incidents: { site: string; status: number; network?: Record<string, unknown> }[];
    };
    const refused = json.incidents.find((i) => i.site === 'refused.test');
    expect(refused).toMatchObject({
      status: 0,
      network: { error: 'net::ERR_CONNECTION_REFUSED', phase: 'connection', type: 'tcp.refused' },
    });
    expect(refused?.network).toHaveProperty('elapsed_time');
    expect(refused?.network).toHaveProperty('server_ip');
    const csv = (await popup.export('CSV', 'all')).text.split('\r\n');
    // NEL's fields, then the other networks' (empty: nobody asked them).
    expect(csv[0]).toMatch(/,server_ip,.*,phase,nel_type,elapsed_time,error,other_networks,/);
    expect(csv.find((r) => r.includes(',nx.test,'))).toMatch(
      /,dns,dns\.name_not_resolved,\d+,net::ERR_NAME_NOT_RESOLVED,,,,$/,
    );
    const har = JSON.parse((await popup.export('HAR', 'all')).text) as {
      log: { entries: { request: { url: string }; response: { status: number }; _error?: string; _nel?: object }[] };
    };
    const entry = har.log.entries.find((e) => e.request.url === 'https://expired.test/');
    expect(entry).toMatchObject({
      response: { status: 0 },
      _error: 'net::ERR_CERT_DATE_INVALID',
      _nel: { phase: 'connection', type: 'tls.cert.date_invalid' },
    });

    // One site's log: the code filter has network errors as their own choice.
    await popup.page.getByRole('button', { name: 'refused.test' }).first().click();
    const current = popup.page.getByRole('region', { name: 'refused.test' });
    const filter = current.getByRole('combobox', { name: 'Code' });
    await expect.poll(() => filter.locator('option').allTextContents()).toContain('Can’t reach (network errors)');
    expect(await current.innerText()).toContain('TCP');
    await popup.page.close();
    expect(await workerErrors(session.worker)).toEqual([]);
  });
});
