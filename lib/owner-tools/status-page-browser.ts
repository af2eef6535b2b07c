import { browser } from 'wxt/browser';
import { loadSettings } from '@/lib/settings';
import { parseStatusJson, type SiteStatus, statusPageCandidates } from './status-page';

/** A status answer (or its absence) is reused for this long: one lookup per site per 5 minutes. */
const STATUS_TTL_MS = 5 * 60_000;
const TIMEOUT_MS = 5000;

/**
 * The site's own status page, when the person turned lookups on. Nothing is fetched otherwise:
 * a status page is a host the person did not visit. Answers are cached in storage.session.
 * Touches the browser and fetch; its pure twin is ./status-page.ts.
 */
export async function lookupStatus(site: string, scheme: 'http:' | 'https:', now: number): Promise<SiteStatus | null> {
  const settings = await loadSettings(browser.storage.local);
  if (!settings.statusPages || !site) return null;
  const key = `status:${site}`;
  const cached = (await browser.storage.session.get(key))[key] as { at: number; status: SiteStatus | null } | undefined;
  if (cached && now - cached.at < STATUS_TTL_MS) return cached.status;
  let status: SiteStatus | null = null;
  for (const url of statusPageCandidates(site, settings.statusPageUrls, scheme)) {
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.ok) status = parseStatusJson((await response.text()).slice(0, 65_536), url);
    } catch {
      // Not there, or not answering: try the next convention.
    }
    if (status) break;
  }
  await browser.storage.session.set({ [key]: { at: now, status } });
  return status;
}
