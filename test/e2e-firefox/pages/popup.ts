import type { Page } from 'puppeteer-core';
import type { Session } from '../harness';

/** The toolbar popup, opened as a page about one tab. */
export class PopupPage {
  private constructor(
    private readonly session: Session,
    readonly page: Page,
  ) {}

  /** Opens the popup for the tab showing `tabUrl` (any tab when omitted). */
  static async open(session: Session, tabUrl?: string): Promise<PopupPage> {
    const tabId = tabUrl ? await session.tabId(tabUrl) : undefined;
    const page = await session.openExtensionPage(`popup.html${tabId ? `?tab=${tabId}` : ''}`);
    await page.waitForSelector('::-p-aria([role="heading"][name="5xx Explainer"])');
    return new PopupPage(session, page);
  }

  /** The text of a region, found by its accessible name (a site, "All sites"). */
  async regionText(name: string): Promise<string> {
    const region = await this.page.waitForSelector(`::-p-aria([role="region"][name=${JSON.stringify(name)}])`);
    if (!region) throw new Error(`No region ${name}`);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads
    return region.evaluate((el) => (el as HTMLElement).innerText);
  }

  /** Clicks an export button (optionally for all sites) and returns the downloaded file's name and text. */
  async export(format: 'JSON' | 'CSV' | 'HAR', scope?: 'all'): Promise<{ name: string; text: string }> {
    if (scope === 'all') {
      const select = await this.page.waitForSelector('::-p-aria([role="combobox"][name="Export"])');
      await select?.select('all');
    }
    await this.page.locator(`::-p-aria([role="button"][name="Export ${format}"])`).click();
    const extension = { JSON: 'json', CSV: 'csv', HAR: 'har' }[format];
    return this.session.download(new RegExp(`^5xx-log-.*\\.${extension}$`));
  }
}
