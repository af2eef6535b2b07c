import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { openExtensionPage, type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { type Site, situationRules, startSite } from './situation-site';
import { waitFor } from './wait';

let session: Session;
let site: Site;

beforeAll(async () => {
  site = await startSite();
  // Nothing listens on port 9: refused.test refuses connections (a site that cannot be reached).
  session = await startSession({ hostRules: ['MAP refused.test 127.0.0.1:9', ...situationRules(site)] });
});

// "This is my site" is remembered: each test starts as a visitor, More details closed.
afterEach(async () => {
  await session.worker.evaluate(() => chrome.storage.local.clear());
});

afterAll(async () => {
  await session?.close();
  await new Promise((done) => site?.server.close(done));
});

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (scheme) => {
  it('the overlay has no serious or critical violations', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(session.url('cloudflare-522.test'));
    const overlay = new OverlayPage(page);
    await overlay.openCard();
    await overlay.openMoreDetails();
    await overlay.click('.x5-switch input');
    await expect.poll(() => overlay.text()).toContain('Checklist');
    // The shadow root is closed, so axe cannot walk into it: audit an exact copy of its markup and
    // styles in an open root of the same page instead.
    await overlay.cloneIntoOpenRoot('x5-axe-copy');
    expect(await seriousViolations(page, '#x5-axe-copy')).toEqual([]);
    await page.close();
  });

  it('the pill of a page that explains itself, and the wait as a pill, have none', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(session.url('cloudflare-522.test'));
    const overlay = new OverlayPage(page);
    await waitFor('the pill', () => overlay.pillText());
    await overlay.cloneIntoOpenRoot('x5-axe-pill', '.x5-pill');
    expect(await seriousViolations(page, '#x5-axe-pill')).toEqual([]);

    site.back = false;
    await page.goto('http://back.test/');
    await overlay.waitForText();
    // Maintenance-like wait: the countdown, "Stop waiting", in the card…
    await expect.poll(() => overlay.text()).toMatch(/Reloading when back/);
    await overlay.cloneIntoOpenRoot('x5-axe-wait');
    expect(await seriousViolations(page, '#x5-axe-wait')).toEqual([]);
    // …and as a pill after ×.
    await overlay.click('button[aria-label="Close explanation"]');
    await waitFor('the wait pill', () => overlay.pillText());
    await overlay.cloneIntoOpenRoot('x5-axe-wait-pill', '.x5-pill');
    expect(await seriousViolations(page, '#x5-axe-wait-pill')).toEqual([]);
    await page.close();
  });

  it('the false alarm notice and the form’s card have none', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('http://bot-check.test/');
    const overlay = new OverlayPage(page);
    await waitFor('the notice', () => overlay.falseAlarmText());
    await overlay.cloneIntoOpenRoot('x5-axe-notice', '.x5-notice');
    expect(await seriousViolations(page, '#x5-axe-notice')).toEqual([]);

    await page.goto('http://shop.form.test/');
    await page.locator('#send').click();
    await overlay.waitForText();
    expect(await overlay.buttons()).toContain('Go back');
    await overlay.openMoreDetails();
    await overlay.cloneIntoOpenRoot('x5-axe-form');
    expect(await seriousViolations(page, '#x5-axe-form')).toEqual([]);
    await page.close();
  });

  it('the explanation page has none', async () => {
    const page = await session.context.newPage();
    // Reduced motion: axe must not measure contrast halfway through the card's fade-in.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(session.url('empty-502.test')).catch(() => undefined);
    await page.waitForURL(/explain\.html/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the explanation page of a site that cannot be reached has none', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('http://refused.test/').catch(() => undefined);
    await page.waitForURL(/explain\.html/);
    await page.getByRole('heading', { level: 1, name: 'The site’s server turned the connection away' }).waitFor();
    await page.getByText('More details').click();
    await page.getByRole('checkbox', { name: 'This is my site' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the popup has none: “This tab”, the log, the tools, the UTC switch, a record, the card inside it', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('cloudflare-522.test'));
    await new OverlayPage(page).openCard();
    const popup = await PopupPage.open(session, 'http://cloudflare-522.test/*');
    await popup.page.emulateMedia({ colorScheme: scheme });
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.thisTab().getByRole('button', { name: 'Show explanation' }).waitFor();
    await popup.page.getByRole('img', { name: /Failures over time/ }).waitFor();
    expect(await seriousViolations(popup.page)).toEqual([]);
    await popup.openTools();
    await popup.page.getByRole('button', { name: 'Show times in UTC' }).click();
    await popup.page.getByRole('button', { name: 'Show times in UTC', pressed: true }).waitFor();
    expect(await seriousViolations(popup.page)).toEqual([]);
    await popup.page.getByRole('button', { name: 'Show times in UTC' }).click();
    await popup.page
      .getByRole('button', { name: /cloudflare-522\.test\// })
      .first()
      .click();
    await popup.page.getByRole('button', { name: 'Copy as support report' }).waitFor();
    expect(await seriousViolations(popup.page)).toEqual([]);
    await popup.page.getByRole('button', { name: '← Back to the log' }).click();

    // The page removed the card: the explanation opens in the popup.
    await new OverlayPage(page).removeForGood();
    await popup.thisTab().getByRole('button', { name: 'Show explanation' }).click();
    await popup.page.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await seriousViolations(popup.page)).toEqual([]);
    await popup.page.close();
    await page.close();
  });

  it('the options page has none', async () => {
    const page = await openExtensionPage(session, 'options.html');
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('heading', { name: '5xx Explainer options' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
