import type { Download, Page } from 'playwright-core';
import { openExtensionPage, type Session } from '../harness';

/** The toolbar popup, opened as a page about one tab. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens the popup for the tab showing `tabUrl` (any tab when omitted). */
  static async open(session: Session, tabUrl?: string): Promise<PopupPage> {
    const tabId = tabUrl
      ? await session.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, tabUrl)
      : undefined;
    const page = await openExtensionPage(session, `popup.html${tabId ? `?tab=${tabId}` : ''}`);
    await page.getByRole('heading', { name: '5xx Explainer' }).waitFor();
    return new PopupPage(page);
  }

  /** The "This tab" block the popup opens on. */
  thisTab() {
    return this.page.getByRole('region', { name: 'This tab' });
  }

  /** Unfolds the site tools (Check now, watches, Is it just me?, networks). */
  async openTools(): Promise<void> {
    await this.page.getByText('Site tools', { exact: true }).click();
    await this.page.getByRole('button', { name: 'Check now' }).waitFor();
  }

  /** Clicks an export button (optionally for all sites) and returns the downloaded file's name and text. */
  async export(format: 'JSON' | 'CSV' | 'HAR', scope?: 'all'): Promise<{ name: string; text: string }> {
    if (scope === 'all') await this.page.getByRole('combobox', { name: /^Export/ }).selectOption('all');
    const [download] = await Promise.all([
      this.page.waitForEvent('download') as Promise<Download>,
      this.page.getByRole('button', { name: `Export ${format}` }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Imports a file through the import control, as a person picking it would. */
  async import(name: string, text: string): Promise<void> {
    await this.page
      .getByLabel('Import a JSON log…')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}
