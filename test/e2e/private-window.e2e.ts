import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentWorld } from './content-world';
import { type Session, startSession, waitForWebRequest } from './harness';
import { LogReader } from './log-reader';
import { OverlayPage } from './pages/overlay';

let session: Session;
let log: LogReader;

/**
 * Allows the extension in private (incognito) windows the way a person does it: chrome://extensions,
 * developer mode for an unpacked extension, then "Allow in Incognito". The extension reloads.
 */
async function allowInIncognito(): Promise<void> {
  const settings = await session.context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate('chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true })');
  const restarted = session.context.waitForEvent('serviceworker');
  await settings.evaluate(
    `chrome.developerPrivate.updateExtensionConfiguration({ extensionId: ${JSON.stringify(session.extensionId)}, incognitoAccess: true })`,
  );
  session.worker = await restarted;
  await waitForWebRequest(session.context, session.worker);
  await settings.close();
}

/** Opens a private window at `url`; its tab, as Playwright drives it. */
async function openPrivate(url: string): Promise<Page> {
  const opened = session.context.waitForEvent('page');
  const incognito = await session.worker.evaluate(
    async (address) => (await chrome.windows.create({ incognito: true, url: address }))?.incognito,
    url,
  );
  expect(incognito).toBe(true);
  return opened;
}

beforeAll(async () => {
  session = await startSession();
  await allowInIncognito();
  expect(await session.worker.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
  log = await LogReader.open(session);
});

afterAll(async () => {
  await session?.close();
});

/** How often an address was requested (the page load is one; the browser's favicon request is another address). */
const requested = (hostAndPath: string) => session.lab.requests.filter((r) => r === hostAndPath).length;

describe('a 502 in a private window', () => {
  it('is explained, but nothing is logged and nothing is checked', async () => {
    const page = await openPrivate(session.url('nginx-502.test'));
    const overlay = new OverlayPage(page);
    expect(await overlay.waitForText()).toContain('Not saved to your log: this is a private window.');
    const buttons = await overlay.buttons();
    expect(buttons).toContain('Copy details for support');
    expect(buttons).not.toContain('Check now');
    expect(buttons).not.toContain('Stop waiting');

    // Even asked directly, as a compromised overlay would, the background checks nothing.
    const world = await ContentWorld.attach(page, session.extensionId);
    const check = await world.send('site:check', { url: session.url('nginx-502.test') });
    expect(check.answer).toMatchObject({ status: null, error: 'private' });
    expect((await world.send('reload:check', { url: session.url('nginx-502.test') })).answer).toEqual({
      status: null,
      retryAfter: null,
    });

    expect(requested('nginx-502.test/')).toBe(1);
    expect((await log.incidents()).filter((i) => i.site === 'nginx-502.test')).toEqual([]);
    expect(await log.checks()).toEqual([]);
    await page.close();
  });

  it('is logged and can be checked once the person allows private logging', async () => {
    await session.worker.evaluate(async () => {
      const old = ((await chrome.storage.local.get('settings')).settings as { value?: object } | undefined)?.value;
      await chrome.storage.local.set({ settings: { version: 1, value: { ...old, logPrivate: true } } });
    });
    const page = await openPrivate(session.url('apache-500.test'));
    const overlay = new OverlayPage(page);
    expect(await overlay.waitForText()).not.toContain('private window');
    await expect.poll(() => log.failures('apache-500.test')).toBe(1);
    await overlay.openMoreDetails();
    await overlay.clickButton('Check now');
    await expect.poll(() => overlay.text()).toContain('apache-500.test answered');
    await expect.poll(async () => (await log.checks()).map((c) => c.site)).toEqual(['apache-500.test']);
    await page.close();
  });
});
