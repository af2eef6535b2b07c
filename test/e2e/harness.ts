import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type Lab, startLab } from '../lab/server';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Debian's Chromium, or CHROME_PATH. Throws with what to install when there is none. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's: sudo apt-get install chromium (or set CHROME_PATH to a Chromium build; branded Google Chrome ignores --load-extension).`,
    );
  }
  return path;
}

/** A real Chromium with the built extension loaded, pointed at a running failure lab. */
export interface Session {
  context: BrowserContext;
  lab: Lab;
  extensionId: string;
  worker: Worker;
  /** The address of a lab host, e.g. url('nginx-502.test') → http://nginx-502.test/ */
  url(host: string, path?: string): string;
  /**
   * Quits the browser and starts it again on the same profile, as a person closing and reopening
   * it: `context` and `worker` are replaced, the extension id and the lab stay.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Chromium switches shared by the tests, the demo and the benchmarks. `hostRules` (e.g.
 * `MAP nginx-dead-upstream.test 127.0.0.1:40001`) come before the lab's `MAP *.test`, so they win.
 */
export function chromiumArgs(
  labPort: number,
  extensionDir?: string,
  hostRules: readonly string[] = [],
  otherExtensions: readonly string[] = [],
): string[] {
  const extensions = extensionDir ? [extensionDir, ...otherExtensions].join(',') : '';
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=HttpsUpgrades',
    `--host-resolver-rules=${[...hostRules, `MAP *.test 127.0.0.1:${labPort}`].join(', ')}`,
    ...(extensions ? [`--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`] : []),
  ];
}

export interface SessionOptions {
  headless?: boolean;
  /** Host resolver rules tried before the lab's `MAP *.test` (see chromiumArgs). */
  hostRules?: readonly string[];
  /** More Chromium switches (e.g. a proxy configuration). */
  args?: readonly string[];
  /** More unpacked extensions to load beside ours, with no service worker of their own (an ad blocker's rules). */
  otherExtensions?: readonly string[];
  /**
   * The browser's environment on top of this process's, e.g. `{ TZ: 'Asia/Kolkata' }` for its
   * time zone, or a HOME whose NSS database trusts the network lab's CA.
   */
  env?: Record<string, string>;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const lab = await startLab();
  const profile = mkdtempSync(join(tmpdir(), '5xx-profile-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: options.headless ?? true,
      args: [
        ...chromiumArgs(lab.port, EXTENSION_DIR, options.hostRules, options.otherExtensions),
        ...(options.args ?? []),
      ],
      acceptDownloads: true,
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await waitForWebRequest(context, worker);
    return { context, worker };
  };
  const { context, worker } = await launch();
  const session: Session = {
    context,
    lab,
    extensionId: new URL(worker.url()).host,
    worker,
    url: (host, path = '/') => `http://${host}${path}`,
    async restart() {
      await session.context.close();
      Object.assign(session, await launch());
    },
    async close() {
      await session.context.close();
      await lab.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * A freshly started Chromium dispatches webRequest events to a new extension only after
 * its listeners have reached the network layer, which is not at once. Wait for that by
 * adding a probe listener in the service worker — registered after the extension's own,
 * so once the probe sees a request, the extension's listener sees them too.
 */
export async function waitForWebRequest(context: BrowserContext, worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { probeSeen?: boolean; probe?: () => void };
    scope.probe = () => {
      scope.probeSeen = true;
    };
    chrome.webRequest.onCompleted.addListener(scope.probe, { urls: ['http://ready.test/*'] });
  });
  const page = await context.newPage();
  const seen = () => worker.evaluate(() => (globalThis as unknown as { probeSeen?: boolean }).probeSeen === true);
  for (let attempt = 0; !(await seen()); attempt++) {
    if (attempt === 200) throw new Error('The extension never saw a request: is webRequest permitted?');
    await page.goto(`http://ready.test/?${attempt}`);
  }
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { probe: () => void };
    chrome.webRequest.onCompleted.removeListener(scope.probe);
  });
  await page.close();
}

/** Opens an extension page (popup.html, explain.html…) in a tab. */
export async function openExtensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}
