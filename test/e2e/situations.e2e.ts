import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { type Site, situationRules, startSite } from './situation-site';
import { waitFor } from './wait';

/**
 * The card fits the situation (issue 14 §2): a false alarm gets a small notice, a page that
 * explains itself a pill, a wait goes on under ×, a form is never sent twice, and "This is my
 * site" is remembered. Against a server of our own that answers the way such sites do.
 */

let site: Site;
let session: Session;

beforeAll(async () => {
  site = await startSite();
  session = await startSession({ hostRules: situationRules(site) });
});

afterAll(async () => {
  await session?.close();
  await new Promise((done) => site?.server.close(done));
});

/** The toolbar badge of the tab showing `url`. */
async function badge(url: string): Promise<string> {
  return session.worker.evaluate(async (pattern) => {
    const [tab] = await chrome.tabs.query({ url: pattern });
    return tab?.id === undefined ? 'no tab' : chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

describe('a false alarm', () => {
  it('a bot check: no card, no badge, a small neutral notice away from the widget in the middle', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('http://bot-check.test/');
    const overlay = new OverlayPage(page);
    expect(await waitFor('the notice', () => overlay.falseAlarmText())).toContain(
      'Security check by Cloudflare — this is not an outage. Follow the steps on the page.',
    );
    expect(await overlay.isShown()).toBe(false);
    expect(await overlay.has('.x5-pill')).toBe(false);
    expect(await badge('http://bot-check.test/*')).toBe('');
    // It sits in a corner: nowhere near the middle of the page, where the widget is.
    const notice = await overlay.box('.x5-notice');
    const widget = await page.locator('#widget').boundingBox();
    if (!notice || !widget) throw new Error('nothing to measure');
    const apart =
      notice.top >= widget.y + widget.height || notice.left >= widget.x + widget.width || notice.right <= widget.x;
    expect(apart).toBe(true);
    expect(notice.top).toBeGreaterThan(700 / 2);
    // The widget under it still takes clicks.
    await page.locator('#widget').click();
    await overlay.click('.x5-notice button');
    await expect.poll(() => overlay.falseAlarmText()).toBeNull();
    await page.close();
  });

  it('a Wi-Fi sign-in page: the same small notice, in the Wi-Fi’s words', async () => {
    const page = await session.context.newPage();
    await page.goto('http://portal.test/');
    const overlay = new OverlayPage(page);
    expect(await waitFor('the notice', () => overlay.falseAlarmText())).toContain(
      'Your Wi-Fi wants you to sign in — this is not an outage.',
    );
    expect(await overlay.isShown()).toBe(false);
    expect(await badge('http://portal.test/*')).toBe('');
    await page.close();
  });
});

describe('a page that explains itself', () => {
  it('Cloudflare’s own error page: a pill “522 · What happened?” that opens the card', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('cloudflare-522.test'));
    const overlay = new OverlayPage(page);
    expect(await waitFor('the pill', () => overlay.pillText())).toBe('522 · What happened?');
    expect(await overlay.isShown()).toBe(false);
    // The badge still says what failed: the pill only keeps out of the page's way.
    expect(await badge('http://cloudflare-522.test/*')).toBe('522');
    await overlay.click('.x5-pill');
    expect(await overlay.waitForText()).toContain('Cloudflare could not reach the site’s own server in time.');
    await page.keyboard.press('Escape');
    await overlay.waitForGone();
    await page.close();
  });

  it('a server’s bare default page gets the card at once', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('nginx-502.test'));
    const overlay = new OverlayPage(page);
    expect(await overlay.waitForText()).toContain('The site didn’t answer properly');
    await page.close();
  });
});

describe('waiting for the site', () => {
  it('starts by itself with Retry-After; × keeps it going as a pill; the page reloads once the site is back', async () => {
    site.back = false;
    const page = await session.context.newPage();
    await page.goto('http://back.test/');
    const overlay = new OverlayPage(page);
    await overlay.waitForText();
    expect(await overlay.buttons()).toContain('Stop waiting');
    await expect.poll(() => overlay.text()).toMatch(/Reloading when back · 0:0\d/);
    await overlay.click('button[aria-label="Close explanation"]');
    expect(await waitFor('the pill', () => overlay.pillText())).toMatch(
      /^(Reloading when back · 0:0\d|Checking whether the site is back…)$/,
    );
    expect(await overlay.isShown()).toBe(false);
    // The wait still runs under the pill: checks go out, and the next one finds the site back.
    const checks = () => site.seen.filter((r) => r === 'GET back.test/').length;
    await waitFor('a check after ×', async () => checks() >= 2, 20_000);
    site.back = true;
    await page.getByRole('heading', { name: 'The shop is back' }).waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('“Stop waiting” stops it, and “Try again” is back', async () => {
    site.back = false;
    const page = await session.context.newPage();
    await page.goto('http://back.test/');
    const overlay = new OverlayPage(page);
    await overlay.waitForText();
    await overlay.clickButton('Stop waiting');
    await expect.poll(() => overlay.buttons()).toContain('Try again');
    expect(await overlay.buttons()).not.toContain('Stop waiting');
    expect(await overlay.text()).not.toMatch(/Reloading when back|Checking whether/);
    // × now closes it: there is no wait to keep.
    await overlay.click('button[aria-label="Close explanation"]');
    await overlay.waitForGone();
    expect(await overlay.has('.x5-pill')).toBe(false);
    await page.close();
  });
});

describe('a form that failed', () => {
  it('offers “Go back” and says to check the order went through; nothing is sent twice', async () => {
    const page = await session.context.newPage();
    await page.goto('http://shop.form.test/');
    await page.locator('#send').click();
    const overlay = new OverlayPage(page);
    const text = await overlay.waitForText();
    expect(text).toContain('Check whether your form went through before sending it again.');
    expect(await overlay.buttons()).not.toContain('Try again');
    expect(await overlay.buttons()).toContain('Go back');
    await overlay.clickButton('Go back');
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    expect(site.seen.filter((r) => r === 'POST shop.form.test/order')).toHaveLength(1);
    await page.close();
  });
});

describe('“This is my site”', () => {
  it('is remembered for the site: its next failure opens with the owner’s view, another site’s does not', async () => {
    const first = await session.context.newPage();
    await first.goto('http://shop.form.test/down');
    const overlay = new OverlayPage(first);
    await overlay.waitForText();
    await overlay.openMoreDetails();
    await overlay.click('.x5-switch input');
    await expect.poll(() => overlay.text()).toContain('Likely causes, most likely first');
    await expect
      .poll(() => session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings))
      .toMatchObject({ value: { mySites: ['form.test'] } });

    // Another page of the same site: More details and the owner's view are open at once.
    const second = await session.context.newPage();
    await second.goto('http://admin.form.test/down');
    const again = new OverlayPage(second);
    await expect.poll(() => again.text()).toContain('Likely causes, most likely first');

    // Another site: closed, as for any visitor.
    const other = await session.context.newPage();
    await other.goto(session.url('nginx-502.test'));
    const elsewhere = new OverlayPage(other);
    expect(await elsewhere.waitForText()).not.toContain('Likely causes');
    await session.worker.evaluate(() => chrome.storage.local.clear());
    for (const page of [first, second, other]) await page.close();
  });
});
