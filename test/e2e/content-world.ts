import type { CDPSession, Page } from 'playwright-core';
import { waitFor } from './wait';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/**
 * The extension's content-script world in a page's top frame, reached through the DevTools
 * protocol: code run here is what a compromised content script (or a page that broke into
 * it) could run, with the same `chrome` API and the same sender the browser reports.
 */
export class ContentWorld {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly contextId: number,
  ) {}

  /** Attaches to the page's overlay world; call once the overlay has been injected. */
  static async attach(page: Page, extensionId: string): Promise<ContentWorld> {
    const cdp = await page.context().newCDPSession(page);
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
      contexts.push(context);
    });
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    await cdp.send('Runtime.enable');
    const world = await waitFor('the extension’s world in the page', async () =>
      contexts.find(
        (c) =>
          c.auxData?.type === 'isolated' &&
          c.origin === `chrome-extension://${extensionId}` &&
          c.auxData.frameId === frameTree.frame.id,
      ),
    );
    return new ContentWorld(cdp, world.id);
  }

  /** Evaluates an expression there (awaiting a promise) and returns its value as JSON would. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  /**
   * Sends a message to the background as the overlay would, and how it ended: the answer, or
   * the error the browser gave (no answer at all is how a refusal looks).
   */
  send(name: string, body: unknown): Promise<{ answer?: unknown; error?: string }> {
    return this.evaluate(
      `chrome.runtime.sendMessage(${JSON.stringify({ name, body })}).then((answer) => ({ answer: answer ?? null }), (e) => ({ error: String(e.message ?? e) }))`,
    );
  }
}
