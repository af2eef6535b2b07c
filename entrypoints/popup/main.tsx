import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/card/explanation-card.css';
import type { LogApi } from '@/components/popup/log-api';
import { PopupApp } from '@/components/popup/popup-app';
import { exportFile } from '@/lib/export/files';
import { importLabel, MAX_IMPORT_BYTES, parseImport } from '@/lib/export/import';
import { siteChecks } from '@/lib/log/checks';
import { clearAll, clearSite } from '@/lib/log/clear';
import { addIncidents, allIncidents, hourlyCounts, queryIncidents, siteSummaries } from '@/lib/log/incidents';
import { enforceRetention } from '@/lib/log/retention';
import { send } from '@/lib/messaging/send';
import { downloadText } from '@/lib/platform/download';
import { loadSiteOf } from '@/lib/site/psl-browser';

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=ID` when the popup is
 * opened as a page of its own (the end-to-end tests do that).
 */
async function currentTab(): Promise<URL | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  const tab = named
    ? await browser.tabs.get(named).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const url = tab?.url;
  return url && /^https?:/.test(url) ? new URL(url) : null;
}

const NOTIFICATIONS = { permissions: ['notifications' as const] };

const version = browser.runtime.getManifest().version;

async function start(): Promise<void> {
  const tab = await currentTab().catch(() => null);
  const api: LogApi = {
    currentTab: tab,
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
  render(<PopupApp api={api} />, document.getElementById('app') as HTMLElement);
}

void start();
