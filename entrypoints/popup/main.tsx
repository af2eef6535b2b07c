import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type ExportFormat, Popup, type Props } from '@/components/popup';
import { downloadText } from '@/lib/download';
import { toCsv } from '@/lib/export/csv';
import { toJson } from '@/lib/export/json';
import { allIncidents, siteIncidents, siteSummaries } from '@/lib/incident-store';
import { siteOf } from '@/lib/site';

/**
 * The site of the tab the popup is about: the active tab, or the one named by `?tab=ID`
 * when the popup is opened as a page of its own (the end-to-end tests do that).
 */
async function currentSite(): Promise<string | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  const tab = named
    ? await browser.tabs.get(named).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const url = tab?.url;
  return url && /^https?:/.test(url) ? siteOf(url) || null : null;
}

async function exportLog(format: ExportFormat): Promise<void> {
  const incidents = await allIncidents();
  const now = Date.now();
  const day = new Date(now).toISOString().slice(0, 10);
  if (format === 'json') {
    downloadText(
      document,
      `5xx-log-${day}.json`,
      'application/json',
      toJson(incidents, now, browser.runtime.getManifest().version),
    );
  } else {
    downloadText(document, `5xx-log-${day}.csv`, 'text/csv', toCsv(incidents));
  }
}

async function load(): Promise<Props> {
  try {
    const site = await currentSite();
    const [currentIncidents, sites] = await Promise.all([site ? siteIncidents(site) : [], siteSummaries()]);
    return { currentSite: site, currentIncidents, sites, onExport: exportLog };
  } catch (error) {
    return { currentSite: null, currentIncidents: [], sites: [], error: String(error), onExport: exportLog };
  }
}

void load().then((props) => render(<Popup {...props} />, document.getElementById('app') as HTMLElement));
