import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser as ExtensionApi } from '@wxt-dev/browser';
import puppeteer, { type Browser, type JSHandle, type Page } from 'puppeteer-core';
import { waitFor } from '../e2e/wait';
import { type Lab, startLab } from '../lab/server';
import { Bidi } from './bidi';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

/** The extension's internal UUID, fixed so that its moz-extension:// pages have known addresses. */
const EXTENSION_UUID = '5c5c5c5c-0000-4000-8000-000000000502';

/** Debian's Firefox ESR, or FIREFOX_PATH. Throws with what to install when there is none. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`No Firefox at ${path}. Install Debian's: sudo apt-get install firefox-esr (or set FIREFOX_PATH).`);
  }
  return path;
}

/** The extension's gecko id, as the build wrote it into the manifest. */
function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${EXTENSION_DIR}/manifest.json has no gecko id`);
  return id;
}

/** Firefox preferences for a test profile pointed at the failure lab. */
function preferences(labPort: number, id: string, downloads: string): Record<string, unknown> {
  return {
    // Every host name resolves to the lab, and port 80 is the lab's port: Firefox's counterpart of
    // Chromium's --host-resolver-rules, so the Host header still picks the scenario.
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `80=${labPort}`,
    // The lab speaks http only (Chromium's runs use --disable-features=HttpsUpgrades likewise).
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
    // Saving without asking is Firefox's default; only the folder is the test's own.
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  };
}

/** What an injected overlay script asked the background, seen from an extension page. */
export interface Injection {
  tabId: number | undefined;
  url: string;
}

/** A real Firefox ESR with the built extension installed, pointed at a running failure lab. */
export interface Session {
  browser: Browser;
  bidi: Bidi;
  lab: Lab;
  /** moz-extension://UUID, the origin of the extension's pages. */
  origin: string;
  /** The address of a lab host, e.g. url('nginx-502.test') → http://nginx-502.test/ */
  url(host: string, path?: string): string;
  newPage(): Promise<Page>;
  /** Goes to `url` the way a person does: typed into the address bar of the page's tab, then Enter. */
  visit(page: Page, url: string): Promise<void>;
  /** Runs `fn` in an extension page, with the extension's API (Firefox's `browser`) as `api`. */
  extension<T, A extends unknown[]>(
    fn: (api: typeof ExtensionApi, ...args: A) => T | Promise<T>,
    ...args: A
  ): Promise<T>;
  /** The id of the (first) tab whose URL matches the pattern. */
  tabId(urlPattern: string): Promise<number>;
  /** The toolbar badge's text on a tab. */
  badgeText(tabId: number): Promise<string>;
  /** Every time the overlay script started in a page since the session began. */
  injections(): Promise<Injection[]>;
  /** Opens an extension page (popup.html, explain.html?…) in a new tab, once its document is ready. */
  openExtensionPage(path: string): Promise<Page>;
  /** Switches the extension's access to all websites, as about:addons → Permissions does. */
  setAllSitesAccess(granted: boolean): Promise<void>;
  /** Waits for a downloaded file whose name matches, returns it and removes it from the folder. */
  download(name: RegExp): Promise<{ name: string; text: string }>;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const lab = await startLab();
  const downloads = mkdtempSync(join(tmpdir(), '5xx-ff-downloads-'));
  const id = geckoId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Lets the harness use the address bar and preferences, as a person's clicks would.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: preferences(lab.port, id, downloads),
  });
  const close = async () => {
    await browser.close();
    await lab.close();
    rmSync(downloads, { recursive: true, force: true });
  };
  try {
    return await setUp(browser, lab, id, downloads, close);
  } catch (error) {
    await close();
    throw error;
  }
}

async function setUp(
  browser: Browser,
  lab: Lab,
  id: string,
  downloads: string,
  close: () => Promise<void>,
): Promise<Session> {
  const bidi = new Bidi(browser);
  const origin = `moz-extension://${EXTENSION_UUID}`;
  // Puppeteer puts every site in one content process; Firefox as people run it isolates each
  // site (Fission). Navigations then switch processes, which is where Firefox loses the tab of
  // a request (lib/firefox-tab-recall.ts): test the way people browse.
  await bidi.privileged(`Services.prefs.clearUserPref('fission.webContentIsolationStrategy')`);
  await browser.installExtension(EXTENSION_DIR);

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    const url = `${origin}/${path}`;
    await bidi.startNavigation(page, url);
    await waitFor(`${path} to load`, () =>
      page.evaluate((href) => location.href === href && document.readyState === 'complete', url),
    );
    return page;
  }

  // One extension page stays open: the tests' way to the extension's APIs, and a witness of
  // every overlay script that starts (its first message reaches all extension pages).
  const keeper = await openExtensionPage('explain.html');
  const api = (await keeper.evaluateHandle(() => (globalThis as unknown as { browser: object }).browser)) as JSHandle;
  const extension: Session['extension'] = (fn, ...args) =>
    keeper.evaluate(fn as (...a: unknown[]) => unknown, api, ...args) as Promise<never>;
  await extension((browser) => {
    const scope = globalThis as unknown as { injections: Injection[] };
    scope.injections = [];
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      const envelope = message as { name?: string };
      // The document's address as the browser reports the sender (the claim itself names none).
      if (envelope?.name === 'overlay:claim') {
        scope.injections.push({ tabId: sender.tab?.id, url: String(sender.url) });
      }
    });
  });

  const session: Session = {
    browser,
    bidi,
    lab,
    origin,
    url: (host, path = '/') => `http://${host}${path}`,
    newPage: () => browser.newPage(),
    async visit(page, url) {
      await page.bringToFront();
      const navigated = page.waitForNavigation();
      await bidi.privileged(`gURLBar.focus(); gURLBar.value = ${JSON.stringify(url)}; gURLBar.handleCommand();`);
      await navigated;
      if (page.url() !== url) throw new Error(`The address bar went to ${page.url()}, not ${url}`);
    },
    extension,
    async tabId(urlPattern) {
      const id = await extension(async (browser, url) => (await browser.tabs.query({ url }))[0]?.id, urlPattern);
      if (id === undefined) throw new Error(`No tab at ${urlPattern}`);
      return id;
    },
    badgeText: (tabId) => extension((browser, id) => browser.action.getBadgeText({ tabId: id }), tabId),
    injections: () => extension(() => (globalThis as unknown as { injections: Injection[] }).injections),
    openExtensionPage,
    async setAllSitesAccess(granted) {
      await bidi.privileged(`(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const id = ${JSON.stringify(id)};
        const change = { permissions: [], origins: ['<all_urls>'] };
        const { extension } = WebExtensionPolicy.getByID(id);
        await ExtensionPermissions.${granted ? 'add' : 'remove'}(id, change, extension);
      })()`);
    },
    async download(name) {
      const file = await waitFor(`a download named like ${name}`, async () => {
        const files = readdirSync(downloads);
        // Firefox holds the name with an empty file, writes NAME.part, then renames it over NAME.
        return files.find((f) => name.test(f) && !files.includes(`${f}.part`) && statSync(join(downloads, f)).size > 0);
      });
      const path = join(downloads, file);
      const text = readFileSync(path, 'utf8');
      rmSync(path);
      return { name: file, text };
    },
    close,
  };
  await waitForWebRequest(session);
  return session;
}

/**
 * Waits until the extension sees requests: its background has run (so its listeners are
 * registered), then a probe listener added after them sees a request of a fresh tab.
 */
async function waitForWebRequest(session: Session): Promise<void> {
  await waitFor('the background page', () =>
    session.extension(async (browser) => (await browser.runtime.getBackgroundPage()) !== null),
  );
  await session.extension((browser) => {
    const scope = globalThis as unknown as { probeSeen?: boolean };
    browser.webRequest.onCompleted.addListener(
      () => {
        scope.probeSeen = true;
      },
      { urls: ['http://ready.test/*'] },
    );
  });
  const page = await session.newPage();
  const seen = () => session.extension(() => (globalThis as unknown as { probeSeen?: boolean }).probeSeen === true);
  for (let attempt = 0; !(await seen()); attempt++) {
    if (attempt === 200) throw new Error('The extension never saw a request: is webRequest permitted?');
    await page.goto(`http://ready.test/?${attempt}`);
  }
  await page.close();
}
