import type { CDPSession, Page, Worker } from 'playwright-core';
import type { Session } from './harness';
import { waitFor } from './wait';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface VersionUpdate {
  versions: { versionId: string; scriptURL: string; runningStatus: RunningStatus }[];
}

/**
 * Stops and starts the extension's service worker the way the browser itself does (idle
 * timeout, update, memory pressure), through the DevTools protocol's ServiceWorker domain on a
 * blank tab. A stop terminates the worker: its memory is gone, and whatever it was still doing
 * is cut off. Events after a stop start a fresh worker, as in the wild.
 *
 * Playwright's handle on a stopped worker hangs on evaluate; call `worker()` for a live one.
 */
export class ServiceWorkerControl {
  private status: RunningStatus | undefined;
  private versionId: string | undefined;
  /** How many times the browser reported the worker stopped (it may start again at once). */
  private stops = 0;

  private constructor(
    private readonly session: Session,
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(session: Session): Promise<ServiceWorkerControl> {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    const control = new ServiceWorkerControl(session, page, cdp);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: VersionUpdate) => {
      for (const version of versions) {
        if (!version.scriptURL.startsWith(control.scope)) continue;
        control.versionId = version.versionId;
        if (version.runningStatus === 'stopped' && control.status !== 'stopped') control.stops++;
        control.status = version.runningStatus;
      }
    });
    await cdp.send('ServiceWorker.enable');
    await waitFor('the service worker to be reported', async () => control.versionId !== undefined);
    return control;
  }

  private get scope(): string {
    return `chrome-extension://${this.session.extensionId}/`;
  }

  /**
   * Terminates the worker and waits until the browser reports it stopped (an event may start a
   * fresh one right after).
   */
  async stop(): Promise<void> {
    if (this.status === 'stopped') return;
    const before = this.stops;
    await this.cdp.send('ServiceWorker.stopWorker', { versionId: this.versionId as string });
    await waitFor('the service worker to stop', async () => this.stops > before);
  }

  /** Waits until the worker runs again (an event woke it), or starts it when it is still stopped. */
  async wake(): Promise<void> {
    await waitFor('the service worker to run', async () => {
      if (this.status === 'stopped') await this.cdp.send('ServiceWorker.startWorker', { scopeURL: this.scope });
      return this.status === 'running';
    });
  }

  /**
   * A handle on the running worker, also stored as `session.worker`: the one from before a stop
   * may be dead, or may hang until the worker runs again.
   */
  async worker(): Promise<Worker> {
    await this.wake();
    const answers = (w: Worker) =>
      Promise.race([
        w.evaluate(() => true).catch(() => false),
        new Promise<false>((r) => setTimeout(() => r(false), 1000)),
      ]);
    const worker = await waitFor('a live service worker handle', async () => {
      for (const w of this.session.context.serviceWorkers()) {
        if (w.url().startsWith(this.scope) && (await answers(w))) return w;
      }
      return undefined;
    });
    this.session.worker = worker;
    return worker;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close();
  }
}

/**
 * Counts, in the running worker's memory, the overlay injections it asks the browser for, so a
 * test can stop the worker right after one was handed over (and not while it is still on its
 * way: a stopped worker's unfinished work is lost). Gone with the worker; the product is unchanged.
 */
export async function countInjectionRequests(worker: Worker): Promise<() => Promise<number>> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { injectionRequests?: number };
    if (scope.injectionRequests !== undefined) return;
    scope.injectionRequests = 0;
    const scripting = chrome.scripting as unknown as { executeScript: (...args: unknown[]) => Promise<unknown> };
    const original = scripting.executeScript.bind(chrome.scripting);
    scripting.executeScript = (...args: unknown[]) => {
      const result = original(...args);
      scope.injectionRequests = (scope.injectionRequests ?? 0) + 1;
      return result;
    };
  });
  return () => worker.evaluate(() => (globalThis as unknown as { injectionRequests: number }).injectionRequests);
}
