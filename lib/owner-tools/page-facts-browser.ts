import { browser } from 'wxt/browser';
import { lastServerIp, queryIncidents } from '@/lib/log/incidents';
import { LOCAL_SOURCE } from '@/lib/log/model';
import { loadSiteOf } from '@/lib/site/psl-browser';
import type { PageFacts } from './outbound';
import type { RecentHealthy } from './recent-healthy';

/**
 * What the extension knows of a page it makes a request for (./outbound.ts): its address and
 * the server IP the browser loaded it from, from the pages this worker saw load or else the
 * person's own failures there. Touches the browser and the log.
 */
export async function pageFacts(url: string, healthy?: RecentHealthy): Promise<PageFacts> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return { url, ip: null };
  }
  const seen = healthy?.ipOf(host) ?? null;
  if (seen) return { url, ip: seen };
  const site = (await loadSiteOf())(url);
  return { url, ip: await lastServerIp(site, host).catch(() => null) };
}

/** An address without its fragment, as pages and the log are compared. */
function withoutFragment(url: string): string {
  return url.replace(/#.*$/s, '');
}

/**
 * Whether the popup may check or watch an address: one the person has open in a tab (a private
 * one only when they allowed private logging), or the page of one of their own failures. Never
 * an imported incident's page: a file is not where the person has been.
 */
export async function isKnownPage(url: string, allowPrivate: boolean): Promise<boolean> {
  const wanted = withoutFragment(url);
  const tabs = await browser.tabs.query({});
  if (tabs.some((tab) => tab.url && withoutFragment(tab.url) === wanted && (allowPrivate || !tab.incognito))) {
    return true;
  }
  const site = (await loadSiteOf())(url);
  const incidents = await queryIncidents({ site, limit: 500 });
  return incidents.some((i) => i.source === LOCAL_SOURCE && i.pageUrl === wanted);
}
