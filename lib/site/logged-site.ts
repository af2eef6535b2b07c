/**
 * The logged site a host belongs to: the longest site in the log that the host is, or is a
 * subdomain of. The popup, which does not load the list, names the current tab's site from
 * the log itself this way; a host with nothing logged stands for itself. Its own module, so
 * that the popup does not carry the list's lookup.
 */
export function loggedSiteOf(host: string, sites: readonly string[]): string {
  let best = '';
  for (const site of sites) {
    if ((host === site || host.endsWith(`.${site}`)) && site.length > best.length) best = site;
  }
  return best || host.replace(/^www\./, '');
}
