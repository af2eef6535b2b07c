import type { Page, Worker } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

/**
 * What a page shows in its console from every JavaScript world in it, the extension's isolated
 * world included (Playwright's own console events see only the page's main world): uncaught
 * exceptions, console.error calls, and alert/confirm/prompt dialogs.
 */
export class PageWatch {
  /** Errors, each as "origin of its world: text". */
  readonly errors: string[] = [];
  /** Messages of every dialog the page opened (each is dismissed). */
  readonly dialogs: string[] = [];

  private constructor(readonly page: Page) {}

  /** Starts watching; call before the page navigates. */
  static async start(page: Page): Promise<PageWatch> {
    const watch = new PageWatch(page);
    const origins = new Map<number, string>();
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
      origins.set(context.id, context.auxData?.type === 'isolated' ? context.origin : 'page');
    });
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      const where = origins.get(exceptionDetails.executionContextId ?? -1) ?? 'page';
      watch.errors.push(`${where}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    });
    cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
      if (type !== 'error' && type !== 'assert') return;
      const text = args.map((a: { value?: unknown; description?: string }) => a.description ?? String(a.value));
      watch.errors.push(`${origins.get(executionContextId) ?? 'page'}: ${text.join(' ')}`);
    });
    await cdp.send('Runtime.enable');
    page.on('dialog', (dialog) => {
      watch.dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => undefined);
    });
    return watch;
  }

  /** The errors raised in one of the extension's worlds (its content scripts). */
  extensionErrors(extensionId: string): string[] {
    return this.errors.filter((e) => e.startsWith(`chrome-extension://${extensionId}`));
  }
}

/**
 * Records errors in the extension's service worker: uncaught exceptions, unhandled promise
 * rejections (a failure handler that threw) and console.error calls. The recorder lives in
 * the worker, so install it again after the worker was stopped.
 */
export async function watchWorkerErrors(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { recordedErrors?: string[] };
    if (scope.recordedErrors) return;
    const errors: string[] = [];
    scope.recordedErrors = errors;
    self.addEventListener('error', (event) => errors.push(`error: ${(event as ErrorEvent).message}`));
    self.addEventListener('unhandledrejection', (event) =>
      errors.push(`unhandled rejection: ${String((event as PromiseRejectionEvent).reason)}`),
    );
    const original = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      errors.push(`console.error: ${args.map(String).join(' ')}`);
      original(...args);
    };
  });
}

/**
 * The errors recorded since `watchWorkerErrors`. Throws when the worker has no recorder (it was
 * stopped and started since), rather than answer "no errors" for a worker nobody watched.
 */
export async function workerErrors(worker: Worker): Promise<string[]> {
  const errors = await worker.evaluate(
    () => (globalThis as unknown as { recordedErrors?: string[] }).recordedErrors ?? null,
  );
  if (!errors) throw new Error('The service worker restarted since watchWorkerErrors: nothing was watched');
  return errors;
}
