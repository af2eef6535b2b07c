import { getEmptyResult, parseImpl } from 'tldts-core';
import type { SuffixLookup } from './psl';

/**
 * The one place that decides which site a URL belongs to. A site is the registrable domain from
 * the Public Suffix List (so `shop.example.co.uk` and `www.example.co.uk` share a log), or the
 * bare host for IP addresses and single-label hosts such as `localhost`. Pure: the list comes
 * in as a lookup, loaded by ./psl-browser.ts in the extension and by ./psl-node.ts in Node.
 * The popup, which does not load the list, matches hosts to logged sites (./logged-site.ts).
 */
export function siteWith(lookup: SuffixLookup, url: string): string {
  const result = parseImpl(url, 3, lookup as never, { allowPrivateDomains: true }, getEmptyResult());
  return result.domain ?? result.hostname ?? '';
}
