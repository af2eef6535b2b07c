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

describe('a healthy page whose API calls fail', () => {
  it('gets no overlay, a badge with the code, and its failures in the log', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('api-503.test'));
    await expect.poll(() => page.locator('#results li').count()).toBe(3);
    const tabId = await session.worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'http://api-503.test/*' }))[0]?.id,
    );
    await expect
      .poll(() => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId as number))
      .toBe('503');
    expect(await new OverlayPage(page).isShown()).toBe(false);

    const popup = await PopupPage.open(session, 'http://api-503.test/*');
    const current = popup.page.getByRole('region', { name: 'api-503.test' });
    await expect.poll(async () => (await current.getByRole('listitem').allInnerTexts()).length).toBe(3);
    expect(await current.innerText()).toContain('api-503.test/api/orders');
    await popup.page.close();
    await page.close();
  });
});
