import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/harness';

/** A Chromium with its own throw-away profile, with or without one extension. */
export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker and id, when an extension is loaded. */
  worker?: Worker;
  extensionId?: string;
  close(): Promise<void>;
}

const running = new Set<BenchBrowser>();

/**
 * Polls `probe` every `interval` ms until it returns a value other than undefined, null or
 * false, or throws after `timeout` ms naming `what`.
 */
export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeout = 15_000,
  interval = 25,
): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Launches Debian's Chromium with the shared switches. With `extensionDir`, waits until the
 * extension's webRequest listeners are live, so that no measured load runs before they are.
 */
export async function launchBrowser(options: {
  labPort: number;
  /** A healthy URL on the bench server; a query string is appended to it. */
  readyUrl: string;
  extensionDir?: string;
}): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), '5xx-bench-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: chromiumArgs(options.labPort, options.extensionDir),
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const browser: BenchBrowser = {
    context,
    async close() {
      running.delete(browser);
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
  running.add(browser);
  if (options.extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    browser.worker = worker;
    browser.extensionId = new URL(worker.url()).host;
    await waitForWebRequest(context, worker, options.readyUrl);
  }
  return browser;
}

/** Closes every browser still open (the watchdog and Ctrl-C use it). */
export async function closeAllBrowsers(): Promise<void> {
  await Promise.all([...running].map((b) => b.close()));
}

/**
 * A new extension's webRequest listeners reach the network layer some time after launch.
 * As the e2e harness does: add a probe listener after the extension's own, load pages until
 * the probe sees one, then remove it.
 */
async function waitForWebRequest(context: BrowserContext, worker: Worker, readyUrl: string): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { benchProbeSeen?: boolean; benchProbe?: (d: { url: string }) => void };
    scope.benchProbe = (details) => {
      if (details.url.includes('/ready?probe')) scope.benchProbeSeen = true;
    };
    chrome.webRequest.onCompleted.addListener(scope.benchProbe, { urls: ['<all_urls>'] });
  });
  const page = await context.newPage();
  let attempt = 0;
  await poll(
    'the extension to see its first request',
    async () => {
      await page.goto(`${readyUrl}?probe=${attempt++}`);
      return worker.evaluate(() => (globalThis as unknown as { benchProbeSeen?: boolean }).benchProbeSeen === true);
    },
    20_000,
  );
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { benchProbe: () => void };
    chrome.webRequest.onCompleted.removeListener(scope.benchProbe);
  });
  await page.close();
}

/** Chromium's version line, e.g. "Chromium 156.0.8078.108 built on Debian GNU/Linux 12". */
export function chromiumVersion(): string {
  return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** A DevTools session on a service worker, for what the worker cannot tell about itself. */
export interface WorkerInspector {
  send<T>(method: string, params?: object): Promise<T>;
  close(): Promise<void>;
}

/**
 * Attaches DevTools to the service worker at `workerUrl`. Playwright opens CDP sessions on
 * pages only, so this goes through a helper page's session: Target.attachToTarget without
 * flatten, with commands and replies wrapped in Target.sendMessageToTarget and
 * Target.receivedMessageFromTarget.
 */
export async function inspectWorker(context: BrowserContext, workerUrl: string): Promise<WorkerInspector> {
  const helper: Page = await context.newPage();
  const cdp = await context.newCDPSession(helper);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === workerUrl);
  if (!target) throw new Error(`No service worker target at ${workerUrl}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!pending || reply.id === undefined) return;
    waiting.delete(reply.id);
    if (reply.error) pending.reject(new Error(reply.error.message));
    else pending.resolve(reply.result);
  });
  let nextId = 1;
  return {
    send<T>(method: string, params: object = {}) {
      const id = nextId++;
      const reply = new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`The service worker did not answer ${method} within 60 s`));
        }, 60_000);
        waiting.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return reply;
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await helper.close();
    },
  };
}
