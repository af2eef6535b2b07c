import { browser } from 'wxt/browser';
import { explainPageUrl } from './explain-url';
import type { Effects, InjectOutcome } from './failure-flow';
import type { Incident } from './incident';
import { addIncident } from './incident-store';

/** The overlay's built file, as WXT writes it for a runtime-registered content script. */
export const OVERLAY_FILE = '/content-scripts/overlay.js';

const BADGE_COLOR = '#b3261e';

/** The real browser behind the failure flow's effects. */
export const browserEffects: Effects = {
  async pageUrlOf(tabId) {
    try {
      return (await browser.tabs.get(tabId)).url;
    } catch {
      return undefined;
    }
  },

  record: (incident: Incident) => addIncident(incident),

  async badge(tabId, status) {
    try {
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      await browser.action.setBadgeText({ tabId, text: String(status) });
    } catch {
      // The tab closed meanwhile: nothing to badge.
    }
  },

  async inject(tabId, documentId): Promise<InjectOutcome> {
    try {
      await browser.scripting.executeScript({
        target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] },
        files: [OVERLAY_FILE],
      });
      return 'injected';
    } catch (error) {
      // Chromium: "Frame with ID 0 is showing error page".
      return /error page/i.test(String(error)) ? 'error-page' : 'failed';
    }
  },

  async openExplainPage(tabId, url, incident) {
    await browser.tabs.update(tabId, { url: explainPageUrl(browser.runtime.getURL('/explain.html'), url, incident) });
  },
};
