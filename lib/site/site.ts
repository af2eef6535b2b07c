import { getEmptyResult, parseImpl } from 'tldts-core';
import type { SuffixLookup } from './psl';

/**
 * The one place that decides which site a URL belongs to. A site is the registrable domain from
 * the Public Suffix List (so `shop.example.co.uk` and `www.example.co.uk` share a log), or the
 * bare host for IP addresses and single-label hosts such as `localhost`. Pure: the list comes
 * in as a lookup, loaded by ./psl-browser.ts in the extension and by ./psl-node.ts in Node.
 */
export function siteWith(lookup: SuffixLookup, url: string): string {
  const result = parseImpl(url, 3, lookup as never, { allowPrivateDomains: true }, getEmptyResult());
  return result.domain ?? result.hostname ?? '';
}

/**
 * The logged site a host belongs to: the longest site in the log that the host is, or is a
 * subdomain of. The popup, which does not load the list, names the current tab's site from
 * the log itself this way; a host with nothing logged stands for itself.
 */
export function loggedSiteOf(host: string, sites: readonly string[]): string {
  let best = '';
  for (const site of sites) {
    if ((host === site || host.endsWith(`.${site}`)) && site.length > best.length) best = site;
  }
  return best || host.replace(/^www\./, '');
}
