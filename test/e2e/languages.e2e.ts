import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { clippedElements } from './fit';
import { openExtensionPage, type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';

/**
 * The extension in the visitor's language (issue 15): Chromium started in German, Arabic and
 * Japanese. On Linux, `--lang` is what makes the extension read `_locales/<lang>`; LANGUAGE is
 * what Chromium takes its own UI language from, but only when its language pack is installed
 * (Debian's chromium-l10n), so getUILanguage() may still say en-US: the extension takes its
 * language from the words it shows (README "Languages").
 *
 * Screenshots of each card and popup go to a temporary folder (printed); with
 * UPDATE_SCREENSHOTS=1 the README's German and Arabic cards are rewritten in test/lab/screenshots/.
 */

type Messages = Record<string, { message: string }>;
const words = (lang: string): Messages =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'));
const fill = (text: string, ...subs: string[]) => text.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');

const SHOTS = join(tmpdir(), '5xx-language-shots');
const README_SHOTS = resolve(import.meta.dirname, '../lab/screenshots');
mkdirSync(SHOTS, { recursive: true });

/** 100 % and 200 % zoom as the page sees them: a 1280×800 window, then half as many CSS pixels. */
const ZOOMS = [
  { zoom: 100, viewport: { width: 1280, height: 800 } },
  { zoom: 200, viewport: { width: 640, height: 400 } },
];
/**
 * The popup is 400 CSS pixels wide; Chromium grows its window up to 800×600 device pixels, so at
 * 200 % it still gets its 400 pixels' width and half the height.
 */
const POPUP_ZOOMS = [
  { zoom: 100, viewport: { width: 400, height: 600 } },
  { zoom: 200, viewport: { width: 400, height: 300 } },
];

const LANGUAGES = [
  { lang: 'de', dir: 'ltr', arrow: '"→"', locale: 'de_DE.UTF-8', readme: true },
  { lang: 'ar', dir: 'rtl', arrow: '"←"', locale: 'ar_EG.UTF-8', readme: true },
  { lang: 'ja', dir: 'ltr', arrow: '"→"', locale: 'ja_JP.UTF-8', readme: false },
];

async function shoot(page: Page, name: string, forReadme = false): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (forReadme && process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(README_SHOTS, `${name}.png`) });
}

describe.each(LANGUAGES)('Chromium in $lang', ({ lang, dir, arrow, locale, readme }) => {
  const m = words(lang);
  let session: Session;

  beforeAll(async () => {
    session = await startSession({ args: [`--lang=${lang}`], env: { LANGUAGE: lang, LANG: locale } });
  });

  afterAll(async () => {
    await session?.close();
  });

  // "This is my site" is remembered per site: each test starts as a visitor.
  beforeEach(async () => {
    await session.worker.evaluate(() => chrome.storage.local.clear());
  });

  it('shows the overlay in its language, with its lang and direction, arrows the way it reads', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(session.url('app-500.test'));
    const overlay = new OverlayPage(page);
    // The app's own page explains itself: the card starts as a pill, opened here.
    await overlay.openCard();
    expect(await overlay.dialogLabel()).toBe(m.code_500_title?.message);
    expect(await overlay.buttons()).toContain(m.ui_retry?.message);
    expect(await overlay.hostLanguage()).toEqual({ lang, dir });
    await page.goto(session.url('nginx-502.test'));
    await overlay.waitForText();
    expect(await overlay.hopArrow()).toBe(arrow);
    await overlay.cloneIntoOpenRoot('x5-axe-copy');
    expect(await seriousViolations(page, '#x5-axe-copy')).toEqual([]);
    await page.close();
  });

  it.each(ZOOMS)('fits the card at $zoom % zoom, the owner’s view too', async ({ zoom, viewport }) => {
    const page = await session.context.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(session.url('cloudflare-522.test'));
    const overlay = new OverlayPage(page);
    await overlay.openCard();
    expect(await overlay.fitsViewport()).toBe(true);
    expect(await overlay.clipped()).toEqual([]);
    await shoot(page, `card-${lang}${zoom === 100 ? '' : `-${zoom}`}`, readme && zoom === 100);
    await overlay.openMoreDetails();
    expect(await overlay.clipped()).toEqual([]);
    await overlay.click('.x5-switch input');
    await expect.poll(() => overlay.text()).toContain(m.ui_owner_likely?.message);
    expect(await overlay.clipped()).toEqual([]);
    await shoot(page, `card-owner-${lang}-${zoom}`);
    await page.close();
  });

  it('shows the explanation page in its language, right to left where it reads so', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('empty-502.test')).catch(() => undefined);
    await page.waitForURL(/explain\.html/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      lang,
      dir,
    ]);
    expect(await page.title()).toBe(fill(m.ui_explain_title?.message ?? '', '502'));
    await page.getByRole('button', { name: m.ui_retry?.message }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the popup in its language, fitting at 100 % and 200 % zoom', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('cloudflare-522.test'));
    await new OverlayPage(page).openCard();
    const popup = await PopupPage.open(session, 'http://cloudflare-522.test/*');
    expect(await popup.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      lang,
      dir,
    ]);
    const thisTab = popup.page.getByRole('region', { name: m.popup_this_tab?.message });
    await thisTab.getByRole('button', { name: m.popup_show_explanation?.message }).waitFor();
    for (const { zoom, viewport } of POPUP_ZOOMS) {
      await popup.page.setViewportSize(viewport);
      const clipped = await popup.page.locator('.popup').evaluate(clippedElements);
      expect(clipped, `at ${zoom} %`).toEqual([]);
      expect(await popup.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await shoot(popup.page, `popup-${lang}-${zoom}`);
    }
    expect(await seriousViolations(popup.page)).toEqual([]);
    await popup.page.close();
    await page.close();
  });

  it.runIf(lang === 'de')('would see text that does not fit', async () => {
    const page = await session.context.newPage();
    await page.setContent(
      '<div id="r" style="width:100px"><span style="display:inline-block;width:300px">wide</span><p style="overflow:hidden;white-space:nowrap;width:50px">clipped words here</p><p>fits</p></div>',
    );
    expect(await page.locator('#r').evaluate(clippedElements)).toHaveLength(2);
    await page.close();
  });

  it('marks the options page with its language', async () => {
    const page = await openExtensionPage(session, 'options.html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      lang,
      dir,
    ]);
    expect(await page.title()).toBe(m.options_title?.message);
    await page.close();
  });
});

afterAll(() => {
  console.log(`Screenshots of the card and the popup in each language: ${SHOTS}`);
});
