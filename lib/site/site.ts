import { getDomain, getHostname } from 'tldts';

/**
 * The site an incident belongs to: the registrable domain from the Public Suffix List
 * (so `shop.example.co.uk` and `www.example.co.uk` share a log), or the bare host for
 * IP addresses and single-label hosts such as `localhost`.
 */
export function siteOf(url: string): string {
  const domain = getDomain(url, { allowPrivateDomains: true });
  if (domain) return domain;
  return getHostname(url) ?? '';
}
