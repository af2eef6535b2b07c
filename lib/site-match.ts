/**
 * The logged site a host belongs to: the longest site in the log that the host is, or is a
 * subdomain of. Pages that do not carry the Public Suffix List (the popup) name the current
 * tab's site from the log itself this way; a host with nothing logged stands for itself.
 */
export function loggedSiteOf(host: string, sites: readonly string[]): string {
  let best = '';
  for (const site of sites) {
    if ((host === site || host.endsWith(`.${site}`)) && site.length > best.length) best = site;
  }
  return best || host.replace(/^www\./, '');
}
