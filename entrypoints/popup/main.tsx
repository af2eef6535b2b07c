import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/card/explanation-card.css';
import '@/components/i18n/languages.css';
import { OtherNetworksContext } from '@/components/card/other-networks-api';
import type { LogApi } from '@/components/popup/log-api';
import { PopupApp } from '@/components/popup/popup-app';
import { exportFile } from '@/lib/export/files';
import { importLabel, MAX_IMPORT_BYTES, parseImport } from '@/lib/export/import';
import { markLanguage } from '@/lib/i18n/translate';
import { siteChecks } from '@/lib/log/checks';
import { clearAll, clearSite } from '@/lib/log/clear';
import { addIncidents, allIncidents, hourlyCounts, queryIncidents, siteSummaries } from '@/lib/log/incidents';
import { enforceRetention } from '@/lib/log/retention';
import { otherNetworksClient } from '@/lib/messaging/other-networks-client';
import type { Envelope } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/send';
import { downloadText } from '@/lib/platform/download';
import { agreeHere } from '@/lib/platform/other-networks-permission';
import { loadSettings, saveSettings } from '@/lib/settings';
import { loadSiteOf } from '@/lib/site/psl-browser';

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=ID` when the popup is
 * opened as a page of its own (the end-to-end tests do that).
 */
async function currentTab(named: number): Promise<{ id?: number; url?: string } | undefined> {
  return named
    ? await browser.tabs.get(named).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

const NOTIFICATIONS = { permissions: ['notifications' as const] };
const SHOW: Envelope<'overlay:show'> = { name: 'overlay:show', body: {} };

const version = browser.runtime.getManifest().version;

async function start(): Promise<void> {
  markLanguage(document.documentElement);
  const named = Number(new URLSearchParams(location.search).get('tab'));
  const tab = await currentTab(named).catch(() => undefined);
  const tabId = tab?.id;
  const api: LogApi = {
    currentTab: tab?.url && /^https?:/.test(tab.url) ? new URL(tab.url) : null,
    thisTab: async () => (tabId === undefined ? null : send('tab:failure', { tabId })),
    async showInTab() {
      if (tabId === undefined) return false;
      // No overlay script in the tab (or only the page's own document) means no answer at all.
      return browser.tabs
        .sendMessage(tabId, SHOW, { frameId: 0 })
        .then((shown) => shown === true)
        .catch(() => false);
    },
    reloadTab: () => void (tabId === undefined ? undefined : browser.tabs.reload(tabId)),
    close: () => void (named ? undefined : window.close()),
    timesInUtc: async () => (await loadSettings(browser.storage.local)).timesInUtc,
    setTimesInUtc: (timesInUtc) => saveSettings(browser.storage.local, { timesInUtc }).then(() => undefined),
    summaries: siteSummaries,
    incidents: queryIncidents,
    hourly: hourlyCounts,
    async exportLog(format, site) {
      const file = exportFile(format, await allIncidents(site ?? undefined), Date.now(), version, site ?? undefined);
      downloadText(document, file.name, file.mime, file.text);
    },
    async importLog(file) {
      if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: { key: 'import_too_large' } };
      const source = importLabel(file.name);
      const result = parseImport(await file.text(), source, Date.now(), await loadSiteOf());
      if (!result.ok) return result;
      const count = await addIncidents(result.incidents);
      // A large file must not wait for the hourly alarm to be brought within the person's limits.
      await enforceRetention(browser.storage.local, Date.now());
      return { ok: true, count, source };
    },
    clearSite,
    clearAll,
    now: Date.now,
    check: (url) => send('site:check', { url }),
    siteChecks,
    justMe: (site) => send('site:just-me', { site }),
    watches: () => send('watch:list', {}),
    async startWatch(url, intervalMinutes, durationMinutes) {
      // Optional, asked for on first use, while the click still counts as the person's gesture;
      // the watch does not wait for the answer (it works without notifications too).
      const notifications = browser.permissions.request(NOTIFICATIONS).catch(() => false);
      return { watch: await send('watch:start', { url, intervalMinutes, durationMinutes }), notifications };
    },
    stopWatch: (site) => send('watch:stop', { site }).then(() => undefined),
    notificationsAllowed: () => browser.permissions.contains(NOTIFICATIONS),
  };
  render(
    <OtherNetworksContext.Provider value={otherNetworksClient(agreeHere)}>
      <PopupApp api={api} />
    </OtherNetworksContext.Provider>,
    document.getElementById('app') as HTMLElement,
  );
}

void start();
