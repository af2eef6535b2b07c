import { browser } from 'wxt/browser';
import { loadSettings } from '@/lib/settings';
import type { PageFacts } from './outbound';
import { requestSite } from './outbound-browser';
import { parseStatusJson, type SiteStatus, statusPageCandidates } from './status-page';

/** A status answer (or its absence) is reused for this long: one lookup per site per 5 minutes. */
const STATUS_TTL_MS = 5 * 60_000;
const TIMEOUT_MS = 5000;

/**
 * The site's own status page, when the person turned lookups on. Nothing is fetched otherwise:
 * a status page is a host the person did not visit. Each candidate goes through
 * ./outbound-browser.ts like any request made for a page (`page`: the failing page), so a
 * `status.` host on a local address is asked only for a local page. Answers are cached in
 * storage.session. Touches the browser; its pure twin is ./status-page.ts.
 */
export async function lookupStatus(
  site: string,
  scheme: 'http:' | 'https:',
  now: number,
  page: PageFacts,
): Promise<SiteStatus | null> {
  const settings = await loadSettings(browser.storage.local);
  if (!settings.statusPages || !site) return null;
  const key = `status:${site}`;
  const cached = (await browser.storage.session.get(key))[key] as { at: number; status: SiteStatus | null } | undefined;
  if (cached && now - cached.at < STATUS_TTL_MS) return cached.status;
  let status: SiteStatus | null = null;
  for (const url of statusPageCandidates(site, settings.statusPageUrls, scheme)) {
    const answer = await requestSite(url, page, { readBody: true, timeoutMs: TIMEOUT_MS });
    if (answer.body !== undefined) status = parseStatusJson(answer.body, url);
    if (status) break;
  }
  await browser.storage.session.set({ [key]: { at: now, status } });
  return status;
}
