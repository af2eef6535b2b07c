import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** Records every JavaScript world created in the page, so a test can see extension scripts. */
async function watchWorlds(page: Page): Promise<{ cdp: CDPSession; origins: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.type === 'isolated') origins.push(context.origin);
  });
  await cdp.send('Runtime.enable');
  return { cdp, origins };
}

describe('a failing page', () => {
  it('shows the explanation on an nginx 502 within a second of the document', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('nginx-502.test'), { waitUntil: 'domcontentloaded' });
    const text = await new OverlayPage(page).waitForText(1000);
    expect(text).toContain('502');
    expect(text).toContain('The site didn’t answer properly');
    expect(text).toContain('Wait a minute, then try again.');
    expect(await page.title()).toBe('502 Bad Gateway');
    await page.close();
  });
});

describe('a healthy page', () => {
  it('gets no extension script at all', async () => {
    const page = await session.context.newPage();
    const worlds = await watchWorlds(page);
    // The same tab first fails, so the check below could see an injection if one happened.
    await page.goto(session.url('nginx-502.test'));
    await new OverlayPage(page).waitForText();
    expect(worlds.origins).toContain(`chrome-extension://${session.extensionId}`);

    worlds.origins.length = 0;
    await page.goto(session.url('ok.test'));
    // Prove the extension is awake and done with this navigation: another tab fails and is explained.
    const other = await session.context.newPage();
    await other.goto(session.url('apache-500.test'));
    await new OverlayPage(other).waitForText();
    expect(worlds.origins.filter((o) => o.startsWith('chrome-extension://'))).toEqual([]);
    expect(await page.locator('fivexx-explainer').count()).toBe(0);
    await page.getByRole('button', { name: 'Page button' }).click();
    await expect.poll(() => page.locator('#clicks').textContent()).toBe('1');
    await other.close();
    await page.close();
  });
});

describe('an empty-body 502 (the browser’s own error page)', () => {
  it('still ends with the explanation in that tab, and Try again goes back to the address', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('empty-502.test')).catch(() => {
      // Chromium reports net::ERR_HTTP_RESPONSE_CODE_FAILURE: that is the case under test.
    });
    await page.waitForURL(/^chrome-extension:\/\/.*\/explain\.html/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBeTruthy();
    const body = await page.locator('body').innerText();
    expect(body).toContain('The site didn’t answer properly');
    expect(body).toContain('AWS load balancer');
    expect(body).toContain('http://empty-502.test/');
    expect(await page.title()).toBe('Error 502 explained');
    const back = page.waitForURL('http://empty-502.test/').catch(() => undefined);
    await page.getByRole('button', { name: 'Try again' }).click();
    // It fails again, so the tab is explained again: the loop holds.
    await back;
    await page.waitForURL(/explain\.html/);
    await page.close();
  });
});

describe('the log and the popup', () => {
  it('lists the current site first and exports JSON and CSV with the incidents', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('nginx-502.test'));
    await new OverlayPage(page).waitForText();

    const popup = await PopupPage.open(session, 'http://nginx-502.test/*');
    const current = popup.page.getByRole('region', { name: 'nginx-502.test' });
    await expect.poll(() => current.innerText()).toContain('502');
    const allSites = popup.page.getByRole('region', { name: 'All sites' });
    const sitesText = await allSites.innerText();
    for (const site of ['nginx-502.test', 'apache-500.test', 'empty-502.test']) expect(sitesText).toContain(site);

    const json = await popup.export('JSON', 'all');
    expect(json.name).toMatch(/^5xx-log-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json.text);
    expect(file.format).toBe('5xx-explainer-log');
    const statuses = new Set(file.incidents.map((i: { status: number }) => i.status));
    for (const status of [500, 502]) expect(statuses).toContain(status);
    const nginx = file.incidents.find((i: { site: string }) => i.site === 'nginx-502.test');
    expect(nginx.count).toBeGreaterThanOrEqual(3);
    expect(nginx.diagnosis.chain.map((l: { id: string }) => l.id)).toContain('nginx');

    const csv = await popup.export('CSV', 'all');
    expect(csv.name).toMatch(/\.csv$/);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toMatch(/^id,time_utc,site,status/);
    expect(rows.length - 1).toBe(file.incidents.length);
    expect(rows.some((r) => r.includes('nginx-502.test,502,'))).toBe(true);
    await popup.page.close();
    await page.close();
  });
});
