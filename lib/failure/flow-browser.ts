import { browser } from 'wxt/browser';
import { recordIncident, refineIncident } from '@/lib/log/incidents';
import type { Vantage } from '@/lib/log/model';
import { badgeColour } from '@/lib/log/palette';
import { localOffset } from '@/lib/log/time';
import type { Envelope } from '@/lib/messaging/protocol';
import { loadSettings } from '@/lib/settings';
import { loadSiteOf } from '@/lib/site/psl-browser';
import { explainPageUrl, offlinePageUrl } from './explain-page-url';
import type { Effects, InjectOutcome } from './flow';

/** The overlay's built file, as WXT writes it for a runtime-registered content script. */
const OVERLAY_FILE = '/content-scripts/overlay.js';

interface NetworkInformation {
  type?: string;
  effectiveType?: string;
}

type UaData = { brands: { brand: string; version: string }[] };

/** The browser's name and version from User-Agent Client Hints, else from the UA string. */
function browserName(): string {
  const data = (navigator as Navigator & { userAgentData?: UaData }).userAgentData;
  const brands = data?.brands ?? [];
  const brand =
    brands.find((b) => !/not.a.brand/i.test(b.brand) && b.brand !== 'Chromium') ??
    brands.find((b) => b.brand === 'Chromium');
  if (brand) return `${brand.brand} ${brand.version}`;
  const firefox = /Firefox\/([\d.]+)/.exec(navigator.userAgent);
  return firefox ? `Firefox ${firefox[1]}` : navigator.userAgent;
}

function vantage(networkLabel: string): Vantage {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  return {
    browser: browserName(),
    extension: browser.runtime.getManifest().version,
    online: navigator.onLine,
    connection: connection?.type,
    effectiveType: connection?.effectiveType,
    networkLabel,
  };
}

/** The real browser behind the failure flow's effects: the flow's browser twin (./flow.ts is pure). */
export const browserEffects: Effects = {
  async tabInfo(tabId) {
    try {
      const tab = await browser.tabs.get(tabId);
      return { url: tab.url, incognito: tab.incognito };
    } catch {
      return undefined;
    }
  },

  async context(time) {
    const [settings, siteOf] = await Promise.all([loadSettings(browser.storage.local), loadSiteOf()]);
    return { settings, tzOffset: localOffset(time), vantage: vantage(settings.networkLabel), siteOf };
  },

  record: recordIncident,
  refine: refineIncident,

  async badge(tabId, text) {
    try {
      await browser.action.setBadgeBackgroundColor({ tabId, color: badgeColour(text) });
      await browser.action.setBadgeText({ tabId, text });
    } catch {
      // The tab closed meanwhile: nothing to badge.
    }
  },

  async inject(tabId, documentId): Promise<InjectOutcome> {
    try {
      await browser.scripting.executeScript({
        // Chromium and Firefox (ESR 153 at least) give webNavigation a documentId; without one
        // the top frame is the target, and the overlay's claim checks it is the failing document.
        target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] },
        files: [OVERLAY_FILE],
      });
      return 'injected';
    } catch (error) {
      // Chromium: "Frame with ID 0 is showing error page". Firefox shows no page of its own for
      // an HTTP error (it renders the body, even an empty one), so it never gets here for a 5xx.
      return /error page/i.test(String(error)) ? 'error-page' : 'failed';
    }
  },

  async notify(tabId, burst, documentId) {
    const envelope: Envelope<'overlay:notice'> = { name: 'overlay:notice', body: { burst } };
    try {
      // To the burst's own document only: the tab may show another one by now.
      const target = documentId ? { frameId: 0, documentId } : { frameId: 0 };
      return (await browser.tabs.sendMessage(tabId, envelope, target)) === true;
    } catch {
      return false;
    }
  },

  async openExplainPage(tabId, url, incident, logState) {
    const page = explainPageUrl(browser.runtime.getURL('/explain.html'), url, incident, logState);
    await browser.tabs.update(tabId, { url: page }).catch(() => undefined);
  },

  async openOfflinePage(tabId, url) {
    await browser.tabs
      .update(tabId, { url: offlinePageUrl(browser.runtime.getURL('/explain.html'), url) })
      .catch(() => undefined);
  },
};
