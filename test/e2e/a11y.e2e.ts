import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { openExtensionPage, type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';

let session: Session;

beforeAll(async () => {
  // Nothing listens on port 9: refused.test refuses connections (a site that cannot be reached).
  session = await startSession({ hostRules: ['MAP refused.test 127.0.0.1:9'] });
});

afterAll(async () => {
  await session?.close();
});

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (scheme) => {
  it('the overlay has no serious or critical violations', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(session.url('cloudflare-522.test'));
    const overlay = new OverlayPage(page);
    await overlay.waitForText();
    await overlay.click('.x5-switch input');
    await expect.poll(() => overlay.text()).toContain('Checklist');
    // The shadow root is closed, so axe cannot walk into it: audit an exact copy of its markup and
    // styles in an open root of the same page instead.
    await overlay.cloneIntoOpenRoot('x5-axe-copy');
    expect(await seriousViolations(page, '#x5-axe-copy')).toEqual([]);
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
    await page.getByRole('checkbox', { name: 'This is my site' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the popup has none: “This tab”, the log, the tools, the UTC switch, a record, the card inside it', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('cloudflare-522.test'));
    await new OverlayPage(page).waitForText();
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
    await page.evaluate(() => document.querySelector('fivexx-explainer')?.remove());
    await popup.thisTab().getByRole('button', { name: 'Show explanation' }).click();
    await popup.page.getByRole('button', { name: 'Retry' }).waitFor();
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
