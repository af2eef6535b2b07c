import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { waitFor } from './wait';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

beforeEach(() => session.lab.reset());

afterAll(async () => {
  await session?.close();
});

async function open(host: string): Promise<OverlayPage> {
  const page = await session.context.newPage();
  await page.goto(session.url(host));
  return new OverlayPage(page);
}

describe('the overlay on each failing scenario shows its diagnosis', () => {
  it.each([
    [
      'nginx-502.test',
      ['502', 'The site didn’t answer properly', 'Front server', 'nginx', 'The site’s app', 'Probably here'],
    ],
    ['nginx-504.test', ['504', 'The site took too long', 'too slow', 'nginx']],
    ['apache-500.test', ['500', 'The site hit an error', 'Apache']],
    ['cloudflare-522.test', ['522', 'Cloudflare', 'could not reach the site’s own server']],
    ['maintenance-503.test', ['503', 'The site is closed for planned work', 'in about 2 minutes']],
    ['app-500.test', ['500', 'The site hit an error', 'Copy details for support']],
  ])('%s', async (host, expected) => {
    const overlay = await open(host);
    const text = await overlay.openCard();
    for (const words of expected) expect(text).toContain(words);
    // The code's name is a detail: under More details.
    expect(text).not.toMatch(/Error 5\d\d · /);
    expect(await overlay.openMoreDetails()).toMatch(/Error 5\d\d · /);
    await overlay.page.close();
  });

  it('keeps the evidence collapsed until asked, and shows the request ID in the details', async () => {
    const overlay = await open('cloudflare-522.test');
    await overlay.openCard();
    expect(await overlay.text()).not.toContain('header cf-ray');
    await overlay.openMoreDetails();
    expect(await overlay.text()).not.toContain('header cf-ray');
    await overlay.click('details.x5-details:nth-of-type(1) summary');
    await expect.poll(() => overlay.text()).toContain('header server: “cloudflare”');
    await overlay.click('details.x5-details:nth-of-type(2) summary');
    await expect.poll(() => overlay.text()).toContain('FRA (Frankfurt)');
    expect(await overlay.text()).toContain('8f2b6a1c9d4e3f21-FRA');
    await overlay.page.close();
  });

  it('shows the owner’s checklist behind “This is my site”, under More details', async () => {
    const overlay = await open('nginx-502.test');
    await overlay.waitForText();
    expect(await overlay.text()).not.toContain('Checklist');
    await overlay.openMoreDetails();
    await overlay.click('.x5-switch input');
    const text = await overlay.text();
    expect(text).toContain('Likely causes, most likely first');
    expect(text).toContain('Upstream settings');
    expect(text).toContain('error.log');
    await session.worker.evaluate(() => chrome.storage.local.clear());
    await overlay.page.close();
  });
});

describe('dismissing', () => {
  it('Esc closes it, and the page under it keeps working', async () => {
    const overlay = await open('app-500.test');
    await overlay.openCard();
    expect(await overlay.dialogLabel()).toBe('The site hit an error');
    await overlay.page.keyboard.press('Escape');
    await overlay.waitForGone();
    await overlay.page.getByRole('button', { name: 'Page button' }).click();
    await expect.poll(() => overlay.page.locator('#clicks').textContent()).toBe('1');
    await overlay.page.close();
  });

  it('the close button closes it', async () => {
    const overlay = await open('apache-500.test');
    await overlay.waitForText();
    await overlay.click('button[aria-label="Close explanation"]');
    await overlay.waitForGone();
    await overlay.page.close();
  });

  it('shrinks to a pill and comes back', async () => {
    const overlay = await open('nginx-504.test');
    await overlay.waitForText();
    await overlay.click('button[aria-label="Shrink to a small button"]');
    await overlay.waitForGone();
    expect(await overlay.has('.x5-pill')).toBe(true);
    await overlay.click('.x5-pill');
    expect(await overlay.waitForText()).toContain('504');
    await overlay.page.close();
  });

  it('is reachable by keyboard: Tab moves through the card’s controls, Enter opens More details', async () => {
    const overlay = await open('apache-500.test');
    await overlay.waitForText();
    await overlay.page.keyboard.press('Tab');
    expect(await waitFor('focus in the overlay', () => overlay.focusedText())).toBe('Shrink to a small button');
    await overlay.page.keyboard.press('Tab');
    expect(await overlay.focusedText()).toBe('Close explanation');
    await overlay.page.keyboard.press('Tab');
    expect(await overlay.focusedText()).toBe('Try again');
    await overlay.page.keyboard.press('Tab');
    expect(await overlay.focusedText()).toBe('Copy details for support');
    await overlay.page.keyboard.press('Tab');
    expect(await overlay.focusedText()).toBe('More details');
    await overlay.page.keyboard.press('Enter');
    await overlay.page.keyboard.press('Tab');
    expect(await overlay.focusedText()).toBe('Check now');
    await overlay.page.close();
  });

  it('a pill is reachable by keyboard too, and Enter opens the card', async () => {
    const overlay = await open('cloudflare-522.test');
    await waitFor('the pill', () => overlay.pillText());
    // The pill never takes focus by itself: the page keeps it. It is the page's last stop.
    await overlay.page.keyboard.press('Shift+Tab');
    expect(await waitFor('focus on the pill', () => overlay.focusedPill())).toBe('522 · What happened?');
    await overlay.page.keyboard.press('Enter');
    expect(await overlay.waitForText()).toContain('The site’s server can’t be reached');
    await overlay.page.close();
  });

  it('can be turned off for a site, and that is remembered', async () => {
    const overlay = await open('apache-500.test');
    await overlay.waitForText();
    await overlay.openMoreDetails();
    await overlay.click('.x5-foot .x5-link');
    await overlay.waitForGone();
    await overlay.page.reload();
    // The extension is still at work there: the badge shows the code, but no overlay comes.
    const tabId = await session.worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'http://apache-500.test/*' }))[0]?.id,
    );
    await expect
      .poll(() => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId as number))
      .toBe('500');
    const other = await open('nginx-502.test');
    await other.waitForText();
    expect(await overlay.isShown()).toBe(false);
    await session.worker.evaluate(() => chrome.storage.local.clear());
    await other.page.close();
    await overlay.page.close();
  });
});

describe('waiting for the site', () => {
  it('starts by itself with Retry-After, checks in the background, and reloads once the site answers', async () => {
    const overlay = await open('flaky.test');
    const text = await overlay.waitForText();
    expect(text).toContain('503');
    expect(await overlay.buttons()).toContain('Stop waiting');
    await expect.poll(() => overlay.text()).toMatch(/Reloading when back · \d+:\d\d|Checking whether the site is back/);
    // Second check: 503 again (Retry-After: 1), third: 200 — the tab reloads into the healthy page.
    await overlay.page.getByRole('heading', { name: 'Everything works here' }).waitFor({ timeout: 20_000 });
    expect(await overlay.isShown()).toBe(false);
    await overlay.page.close();
  });
});

describe('a page whose API calls fail', () => {
  it('gets a small notice with a count, and no overlay', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('api-503.test'));
    const overlay = new OverlayPage(page);
    await expect.poll(() => overlay.noticeText(), { timeout: 10_000 }).toContain('3 requests failed');
    const notice = (await overlay.noticeText()) ?? '';
    expect(notice).toContain('Part of this page failed to load.');
    expect(notice).toContain('api-503.test answered 503 (Service Unavailable)');
    expect(await overlay.text()).toBeNull();
    await overlay.click('.x5-notice .x5-icon');
    await expect.poll(() => overlay.noticeText()).toBeNull();
    await page.close();
  });
});

describe('at 200 % zoom', () => {
  it('the card fits the narrower viewport and every control can be reached', async () => {
    const page = await session.context.newPage();
    // 200 % zoom of a 1280 × 720 window leaves a 640 × 360 CSS viewport.
    await page.setViewportSize({ width: 640, height: 360 });
    await page.goto(session.url('nginx-502.test'));
    const overlay = new OverlayPage(page);
    await overlay.waitForText();
    expect(await overlay.fitsViewport()).toBe(true);
    await overlay.openMoreDetails();
    expect(await overlay.fitsViewport()).toBe(true);
    await overlay.click('.x5-foot .x5-link');
    await overlay.waitForGone();
    await session.worker.evaluate(() => chrome.storage.local.clear());
    await page.close();
  });
});
