import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startSession } from './harness';
import { LogReader } from './log-reader';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';

let session: Session;

// A zone with a half-hour offset and no summer time: local times cannot pass for UTC.
const ZONE = { TZ: 'Asia/Kolkata' };

beforeAll(async () => {
  session = await startSession({ env: ZONE });
});

afterAll(async () => {
  await session?.close();
});

/** Opens a failing lab page in a tab of its own and waits for its card. */
async function failingTab(host: string, path = '/'): Promise<{ page: Page; overlay: OverlayPage }> {
  const page = await session.context.newPage();
  await page.goto(session.url(host, path));
  const overlay = new OverlayPage(page);
  await overlay.openCard();
  return { page, overlay };
}

/** The popup for a tab, at the toolbar popup's real size. */
async function popupFor(tabUrl: string): Promise<PopupPage> {
  const popup = await PopupPage.open(session, tabUrl);
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await popup.thisTab().waitFor();
  return popup;
}

describe('the popup opens on “This tab”', () => {
  it('shows the tab’s failure in the card’s words, with five incidents, all within 400×600', async () => {
    const { page, overlay } = await failingTab('nginx-502.test', '/?order=1');
    for (const n of [2, 3, 4, 5, 6]) {
      await page.goto(session.url('nginx-502.test', `/?order=${n}`));
      await overlay.waitForText();
    }
    const card = await overlay.text();
    const popup = await popupFor('http://nginx-502.test/*');
    const thisTab = popup.thisTab();
    const title = await thisTab.getByRole('heading', { level: 3 }).innerText();
    const lead = await thisTab.locator('.tab-lead').innerText();
    expect(title).toMatch(/^502\s+\S/);
    expect(card).toContain(title.replace(/^502\s+/, ''));
    expect(card).toContain(lead);
    await thisTab.getByRole('button', { name: 'Show explanation' }).waitFor();
    await thisTab.getByRole('button', { name: 'Copy details for support' }).waitFor();

    const site = popup.page.getByRole('region', { name: 'nginx-502.test' });
    const items = site.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(5);
    expect(await items.first().innerText()).toContain('nginx-502.test/?order=6');
    // Real boxes, as laid out at the popup's size: both end above the fold, nothing scrolled.
    const boxes = [await thisTab.boundingBox(), await items.nth(4).boundingBox()];
    for (const box of boxes) {
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(600);
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(400);
    }
    expect(await popup.page.evaluate(() => scrollY)).toBe(0);

    // No scrolling box inside the scrolling popup; See all lists the rest in the popup itself.
    const nested = () =>
      popup.page.evaluate(
        () =>
          [...document.querySelectorAll('main *')].filter(
            (el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY),
          ).length,
      );
    expect(await nested()).toBe(0);
    await site.getByRole('button', { name: 'See all' }).click();
    await expect.poll(() => items.count()).toBe(6);
    expect(await nested()).toBe(0);
    await popup.page.close();
    await page.close();
  });

  it('says plainly when the tab shows no failure', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('ok.test'));
    const popup = await popupFor('http://ok.test/*');
    expect(await popup.thisTab().innerText()).toContain('No server error on this tab.');
    await popup.page.close();
    await page.close();
  });

  it('shows a page’s failed API calls, copies a report that lists them, and explains them in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('api-503.test'));
    await expect.poll(() => page.locator('#results li').count()).toBe(3);
    // As a person would be, later than the log's writes: the report lists what the log holds.
    const log = await LogReader.open(session);
    await expect.poll(async () => (await log.incidents()).filter((i) => i.site === 'api-503.test').length).toBe(3);
    await log.page.close();
    const popup = await popupFor('http://api-503.test/*');
    const thisTab = popup.thisTab();
    await expect.poll(() => thisTab.innerText()).toContain('Part of this page failed to load.');
    expect(await thisTab.innerText()).toContain('api-503.test answered 503 (Service Unavailable). 3 requests failed.');

    await popup.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await thisTab.getByRole('button', { name: 'Copy details for support' }).click();
    await thisTab.getByText('Copied. Paste it into your ticket.').waitFor();
    const report = await popup.page.evaluate(() => navigator.clipboard.readText());
    expect(report).toMatch(/^Error 503 Service Unavailable on api-503\.test/);
    expect(report).toContain('Failures: 3');
    for (const path of ['orders', 'stock', 'news']) expect(report).toContain(`  http://api-503.test/api/${path}`);
    expect(report).toMatch(/Time \(local\): .*\+05:30/);

    await thisTab.getByRole('button', { name: 'Show explanation' }).click();
    await popup.page.getByRole('heading', { level: 2, name: /./ }).first().waitFor();
    await popup.page.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await popup.page.evaluate(() => document.activeElement?.textContent)).toBe('← Back to the log');
    await popup.page.getByRole('button', { name: '← Back to the log' }).click();
    await popup.thisTab().waitFor();
    await popup.page.close();
    await page.close();
  });
});

describe('Show explanation', () => {
  it.each([
    ['closed', 'apache-500.test', 'Close explanation', 'The site hit an error'],
    ['shrunk', 'nginx-504.test', 'Shrink to a small button', 'The site took too long'],
  ])('brings the %s card back in the tab', async (_, host, control, words) => {
    const { page, overlay } = await failingTab(host);
    await overlay.click(`button[aria-label="${control}"]`);
    await overlay.waitForGone();
    const popup = await popupFor(`http://${host}/*`);
    await popup.thisTab().getByRole('button', { name: 'Show explanation' }).click();
    await popup.thisTab().getByText('The explanation is back on the page.').waitFor();
    expect(await overlay.waitForText()).toContain(words);
    await popup.page.close();
    await page.close();
  });

  it('shows the card in the popup when the page keeps removing it', async () => {
    const { page, overlay } = await failingTab('cloudflare-522.test');
    await overlay.removeForGood();
    const popup = await popupFor('http://cloudflare-522.test/*');
    const title = await popup.thisTab().getByRole('heading', { level: 3 }).innerText();
    await popup.thisTab().getByRole('button', { name: 'Show explanation' }).click();
    const heading = popup.page.getByRole('heading', { level: 2, name: title.replace(/^522\s+/, '') });
    await heading.waitFor();
    await popup.page.getByText('Cloudflare could not reach the site’s own server in time.').waitFor();
    expect(await overlay.isShown()).toBe(false);
    await popup.page.close();
    await page.close();
  });
});

describe('times and the chart', () => {
  it('charts the last 24 hours under a labelled time axis, in local time with its zone', async () => {
    const { page } = await failingTab('maintenance-503.test');
    const popup = await popupFor('http://maintenance-503.test/*');
    const site = popup.page.getByRole('region', { name: 'maintenance-503.test' });
    const period = site.getByRole('combobox', { name: 'Period' });
    expect(await period.inputValue()).toBe('day');
    expect(await period.locator('option:checked').textContent()).toBe('Last 24 hours');
    const chart = site.getByRole('figure');
    await chart.getByRole('img', { name: /^Failures over time: 1 in all, in 1 of 24 periods/ }).waitFor();
    const ticks = await chart.locator('.chart-tick').allInnerTexts();
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d{1,2}:\d{2}(\s?[AP]M)?$/);
    expect(await chart.innerText()).toContain('Times in GMT+5:30');
    expect(await site.getByRole('listitem').first().innerText()).toMatch(/GMT\+5:30/);
    await popup.page.close();
    await page.close();
  });

  it('switches every time to UTC with one click, and remembers it', async () => {
    const { page } = await failingTab('maintenance-503.test');
    let popup = await popupFor('http://maintenance-503.test/*');
    const utc = () => popup.page.getByRole('button', { name: 'Show times in UTC' });
    const firstTime = () =>
      popup.page.getByRole('region', { name: 'maintenance-503.test' }).getByRole('listitem').first().locator('time');
    const local = await firstTime().innerText();
    expect(await utc().getAttribute('aria-pressed')).toBe('false');
    await utc().click();
    expect(await utc().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => firstTime().innerText()).toMatch(/UTC$/);
    expect(await firstTime().innerText()).not.toBe(local);
    expect(await popup.page.getByRole('figure').innerText()).toContain('Times in UTC');
    expect(await popup.page.getByRole('region', { name: 'All sites' }).innerText()).toMatch(/UTC/);

    await popup.page.close();
    popup = await popupFor('http://maintenance-503.test/*');
    await expect.poll(() => utc().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => firstTime().innerText()).toMatch(/UTC$/);
    await utc().press('Enter'); // and back, from the keyboard
    await expect.poll(() => firstTime().innerText()).toMatch(/GMT\+5:30$/);
    await popup.page.close();
    await page.close();
  });
});
