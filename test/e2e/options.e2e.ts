import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

interface Stored {
  value?: { retentionDays?: number; mutedCodes?: number[] };
}

const stored = () =>
  session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Stored | undefined);

describe('the options page', () => {
  it('keeps a bad number in the field with a clear error, and saves nothing wrong', async () => {
    const page = await openExtensionPage(session, 'options.html');
    const days = page.getByLabel('Keep incidents for this many days');
    await days.fill('30');
    await expect.poll(async () => (await stored())?.value?.retentionDays).toBe(30);
    await days.fill('0');
    await page.getByRole('alert').getByText('Enter a whole number from 1 to 3650.').waitFor();
    expect(await days.inputValue()).toBe('0');
    expect((await stored())?.value?.retentionDays).toBe(30);
    await page.reload();
    expect(await page.getByLabel('Keep incidents for this many days').inputValue()).toBe('30');
    await page.close();
  });

  it('refuses a site that is not one, and adds one that is', async () => {
    const page = await openExtensionPage(session, 'options.html');
    const field = page.getByLabel('Add a site');
    await field.fill('not a site!');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alert').getByText('Enter a site name such as example.com.').waitFor();
    expect(await field.inputValue()).toBe('not a site!');
    await field.fill('https://www.Nginx-502.test/some/page');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Remove nginx-502.test' }).waitFor();
    await page.close();

    // The exception works: that site's failure is not explained, another's still is.
    const quiet = await session.context.newPage();
    await quiet.goto(session.url('nginx-502.test'));
    const loud = await session.context.newPage();
    await loud.goto(session.url('apache-500.test'));
    await new OverlayPage(loud).waitForText();
    expect(await new OverlayPage(quiet).isShown()).toBe(false);
    await quiet.close();
    await loud.close();
  });

  it('turns off the explanation of one code', async () => {
    const page = await openExtensionPage(session, 'options.html');
    await page.getByLabel('504 Gateway Timeout').uncheck();
    await expect.poll(async () => (await stored())?.value?.mutedCodes).toEqual([504]);
    const muted = await session.context.newPage();
    await muted.goto(session.url('nginx-504.test'));
    const shown = await session.context.newPage();
    await shown.goto(session.url('apache-500.test'));
    await new OverlayPage(shown).waitForText();
    expect(await new OverlayPage(muted).isShown()).toBe(false);
    await session.worker.evaluate(() => chrome.storage.local.clear());
    await page.close();
    await muted.close();
    await shown.close();
  });
});
