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

/** What the system clipboard holds, read the way Firefox itself reads it (privileged code). */
function clipboardText(): Promise<string> {
  return session.bidi.privileged<string>(`(() => {
    const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
    transferable.init(null);
    transferable.addDataFlavor('text/plain');
    Services.clipboard.getData(transferable, Services.clipboard.kGlobalClipboard);
    const data = {};
    try { transferable.getTransferData('text/plain', data); } catch { return ''; }
    return data.value.QueryInterface(Ci.nsISupportsString).data;
  })()`);
}

describe('in Firefox, the overlay’s requests and copies', () => {
  it('check the http address itself (no https upgrade), and copy from the background, unseen by the page', async () => {
    const page = await session.newPage();
    await session.visit(page, session.url('copy-500.test'));
    const overlay = new OverlayPage(session, page);
    await overlay.waitForText();
    const before = session.lab.requests.filter((r) => r === 'copy-500.test/').length;

    await overlay.openMoreDetails();
    await overlay.clickButton('Check now');
    await waitFor('the check’s answer', async () => (await overlay.text())?.includes('answered') && true, 15_000);
    expect(await overlay.text()).toMatch(/copy-500\.test answered HTTP\/1\.1 500 Internal Server Error in \d+ ms/);
    expect(session.lab.requests.filter((r) => r === 'copy-500.test/').length).toBe(before + 1);

    await overlay.clickButton('Copy details for support');
    await waitFor('the copy', async () => (await overlay.text())?.includes('Copied.') && true);
    const copied = await clipboardText();
    expect(copied).toMatch(/^Error 500 Internal Server Error on copy-500\.test\n/);
    expect(copied).toContain('Request: GET http://copy-500.test/');
    expect(copied).not.toContain('SWAPPED');
    expect(await page.evaluate(() => (window as unknown as { copyEvents: string[] }).copyEvents)).toEqual([]);
    await page.close();
  });
});
