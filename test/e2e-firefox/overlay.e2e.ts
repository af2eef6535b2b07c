import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../e2e/wait';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** A new tab, sent to a lab host through the address bar. */
async function open(host: string): Promise<OverlayPage> {
  const page = await session.newPage();
  await session.visit(page, session.url(host));
  return new OverlayPage(session, page);
}

describe('a failing page', () => {
  it('shows the explanation on an nginx 502, over the server’s own page', async () => {
    const overlay = await open('nginx-502.test');
    const text = await overlay.waitForText();
    expect(text).toContain('502');
    expect(text).toContain('The site didn’t answer properly');
    expect(text).toContain('Wait a minute, then try again.');
    expect(await overlay.openMoreDetails()).toContain('Error 502 · Bad Gateway');
    expect(await overlay.page.title()).toBe('502 Bad Gateway');
    await overlay.page.close();
  });

  it.each([
    ['nginx-504.test', ['The site took too long', 'too slow', 'nginx']],
    ['apache-500.test', ['The site hit an error', 'Apache']],
    ['cloudflare-522.test', ['The site’s server can’t be reached', 'Cloudflare']],
    ['maintenance-503.test', ['The site is closed for planned work', 'in about 2 minutes']],
    ['app-500.test', ['The site hit an error', 'Copy details for support']],
  ])('shows the diagnosis on %s', async (host, expected) => {
    const overlay = await open(host);
    // Pages that explain themselves (Cloudflare's, a maintenance page, the app's own) start as a pill.
    const text = await overlay.openCard();
    for (const words of expected) expect(text).toContain(words);
    await overlay.page.close();
  });
});

describe('a failing page, however the person got there', () => {
  // Firefox reports some of these navigations in no tab (tabId -1) by the time they complete:
  // the address bar (above), a reload, automation. Each must still end with the explanation.
  it.each([
    ['the address bar, in a tab that showed another site', (page, url) => session.visit(page, url)],
    ['a link on the page', (page, url) => clickLink(page, url)],
    ['the page’s own script', (page, url) => navigateByScript(page, url)],
    ['automation (WebDriver BiDi navigate)', async (page, url) => void (await page.goto(url))],
  ] satisfies [string, (page: OverlayPage['page'], url: string) => Promise<void>][])('%s', async (_, go) => {
    const page = await session.newPage();
    await session.visit(page, session.url('ok.test'));
    await go(page, session.url('nginx-504.test'));
    const text = await new OverlayPage(session, page).waitForText();
    expect(text).toContain('The site took too long');
    await page.close();
  });

  it('a reload of the failing page', async () => {
    const overlay = await open('apache-500.test');
    await overlay.waitForText();
    await overlay.page.reload();
    expect(await overlay.waitForText()).toContain('The site hit an error');
    await overlay.page.close();
  });
});

async function clickLink(page: OverlayPage['page'], url: string): Promise<void> {
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = 'Go on';
    link.id = 'go-on';
    document.body.append(link);
  }, url);
  await Promise.all([page.waitForNavigation(), page.click('#go-on')]);
}

async function navigateByScript(page: OverlayPage['page'], url: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate((href) => {
      location.href = href;
    }, url),
  ]);
}

describe('an empty-body 502', () => {
  // Chromium shows its own error page there and the extension sends the tab to explain.html.
  // Firefox has no such page for HTTP errors: it shows the server's empty document, and the
  // overlay goes over it like over any other failing page.
  it('ends with the explanation in that tab', async () => {
    const overlay = await open('empty-502.test');
    const text = await overlay.waitForText();
    expect(text).toContain('The site didn’t answer properly');
    expect(text).toContain('AWS load balancer');
    expect(overlay.page.url()).toBe('http://empty-502.test/');
    await overlay.page.close();
  });
});

describe('a healthy page', () => {
  it('gets no extension script at all, and keeps working', async () => {
    const page = await session.newPage();
    // The same tab first fails, so the check below could see an injection if one happened.
    await session.visit(page, session.url('nginx-502.test'));
    await new OverlayPage(session, page).waitForText();
    const tabId = await session.tabId('http://nginx-502.test/*');
    const before = (await session.injections()).length;
    await session.visit(page, session.url('ok.test'));
    // Prove the extension is awake and done with this navigation: another tab fails and is explained.
    const other = await open('apache-500.test');
    await other.waitForText();
    const later = (await session.injections()).slice(before);
    expect(later.map((i) => i.url)).toEqual(['http://apache-500.test/']);
    expect(later.some((i) => i.tabId === tabId)).toBe(false);
    expect(await page.$('fivexx-explainer')).toBeNull();
    await page.click('#page-button');
    await waitFor('the page’s own button to work', () => page.$eval('#clicks', (el) => el.textContent === '1'));
    await other.page.close();
    await page.close();
  });
});

describe('dismissing', () => {
  it('Esc closes it, and the page under it keeps working', async () => {
    const overlay = await open('app-500.test');
    await overlay.openCard();
    expect(await overlay.dialogLabel()).toBe('The site hit an error');
    await overlay.page.keyboard.press('Escape');
    await overlay.waitForGone();
    await overlay.page.click('#page-button');
    await waitFor('the page’s own button to work', () => overlay.page.$eval('#clicks', (el) => el.textContent === '1'));
    await overlay.page.close();
  });

  it('the close button closes it', async () => {
    const overlay = await open('apache-500.test');
    await overlay.waitForText();
    await overlay.click('button[aria-label="Close explanation"]');
    await overlay.waitForGone();
    await overlay.page.close();
  });

  it('is reachable by keyboard: Tab moves through the card’s controls', async () => {
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
    await overlay.page.close();
  });
});
