import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { waitFor } from './wait';

/**
 * The card fits the situation (issue 14 §2): a false alarm gets a small notice, a page that
 * explains itself a pill, a wait goes on under ×, a form is never sent twice, and "This is my
 * site" is remembered. Against a server of our own that answers the way such sites do.
 */

const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
const NGINX_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const NGINX_503 =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>';

/** Cloudflare's managed challenge: 503, `cf-mitigated: challenge`, the widget in the middle of the page. */
const CHALLENGE = `<!DOCTYPE html><html lang="en"><head><title>Just a moment...</title>
<style>html,body{height:100%;margin:0}#widget{position:absolute;left:50%;top:50%;width:300px;height:65px;margin:-33px 0 0 -150px;border:1px solid #ccc}</style></head>
<body><div id="widget">Verify you are human</div><noscript>Enable JavaScript and cookies to continue</noscript></body></html>`;

/** A shop whose checkout fails after the form is sent. */
const FORM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout</title></head>
<body><h1>Checkout</h1><form method="post" action="/order"><button id="send">Place order</button></form></body></html>`;

const HEALTHY =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back</title></head><body><h1>The shop is back</h1></body></html>';

interface Site {
  server: Server;
  port: number;
  /** Requests seen, as `METHOD host/path`. */
  seen: string[];
  /** Whether back.test answers again. */
  back: boolean;
}

function answer(req: IncomingMessage, site: Site): { status: number; headers: Record<string, string>; body: string } {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const path = (req.url ?? '/').split('?')[0];
  switch (host) {
    case 'bot-check.test':
      return {
        status: 503,
        headers: { ...html, server: 'cloudflare', 'cf-mitigated': 'challenge', 'cf-ray': '8f2b6a1c9d4e3f21-FRA' },
        body: CHALLENGE,
      };
    case 'portal.test':
      return {
        status: 511,
        headers: html,
        body: '<html><head><title>Network Authentication Required</title></head><body><p>You need to <a href="http://login.portal.test/">authenticate with the local network</a> in order to gain access.</p></body></html>',
      };
    case 'back.test':
      return site.back
        ? { status: 200, headers: html, body: HEALTHY }
        : { status: 503, headers: { ...html, server: 'nginx', 'retry-after': '3' }, body: NGINX_503 };
    case 'shop.form.test':
    case 'admin.form.test':
      if (req.method === 'POST' && path === '/order')
        return { status: 502, headers: { ...html, server: 'nginx' }, body: NGINX_502 };
      if (path === '/down') return { status: 502, headers: { ...html, server: 'nginx' }, body: NGINX_502 };
      return { status: 200, headers: html, body: FORM };
    default:
      return { status: 404, headers: html, body: 'not found' };
  }
}

function startSite(): Promise<Site> {
  const site = { seen: [] as string[], back: false } as Site;
  site.server = createServer((req, res) => {
    site.seen.push(`${req.method} ${(req.headers.host ?? '').replace(/:\d+$/, '')}${req.url}`);
    req.resume();
    req.on('end', () => {
      const { status, headers, body } = answer(req, site);
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
  });
  return new Promise((resolve) =>
    site.server.listen(0, '127.0.0.1', () => {
      site.port = (site.server.address() as AddressInfo).port;
      resolve(site);
    }),
  );
}

let site: Site;
let session: Session;

beforeAll(async () => {
  site = await startSite();
  const hosts = ['bot-check.test', 'portal.test', 'back.test', 'shop.form.test', 'admin.form.test'];
  session = await startSession({ hostRules: hosts.map((h) => `MAP ${h} 127.0.0.1:${site.port}`) });
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
