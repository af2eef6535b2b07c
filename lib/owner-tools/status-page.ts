import type { Phrase } from '@/lib/i18n/translate';

/** Status pages of well-known services, by site: one row each, Atlassian Statuspage format. */
const KNOWN_STATUS_PAGES: Readonly<Record<string, string>> = {
  'github.com': 'https://www.githubstatus.com',
  'atlassian.net': 'https://status.atlassian.com',
  'atlassian.com': 'https://status.atlassian.com',
  'bitbucket.org': 'https://bitbucket.status.atlassian.com',
  'discord.com': 'https://discordstatus.com',
  'reddit.com': 'https://www.redditstatus.com',
  'dropbox.com': 'https://status.dropbox.com',
  'openai.com': 'https://status.openai.com',
  'cloudflare.com': 'https://www.cloudflarestatus.com',
  'npmjs.com': 'https://status.npmjs.org',
  'digitalocean.com': 'https://status.digitalocean.com',
  'twilio.com': 'https://status.twilio.com',
};

/**
 * Where to look for a site's status, in order: the address the person entered, the built-in
 * list, then the common convention of a `status.` subdomain serving the Statuspage API (over
 * the failing page's own scheme: a plain-http site's status page is no safer over https).
 */
export function statusPageCandidates(
  site: string,
  own: Readonly<Record<string, string>>,
  scheme: 'http:' | 'https:' = 'https:',
): string[] {
  const bases = [own[site], KNOWN_STATUS_PAGES[site], `${scheme}//status.${site}`].filter((b): b is string =>
    Boolean(b),
  );
  return [...new Set(bases.map((b) => `${b.replace(/\/+$/, '')}/api/v2/status.json`))];
}

/** What a status page says, reduced to what we show. */
export interface SiteStatus {
  indicator: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
  /** The page's own words, shown as text and cut short. */
  description: string;
  /** Where it came from. */
  url: string;
}

const INDICATORS = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);

/** Reads a Statuspage `status.json`; null for anything else. */
export function parseStatusJson(text: string, url: string): SiteStatus | null {
  try {
    const status = (JSON.parse(text) as { status?: { indicator?: unknown; description?: unknown } }).status;
    if (!status || typeof status.indicator !== 'string' || !INDICATORS.has(status.indicator)) return null;
    const description = typeof status.description === 'string' ? status.description.slice(0, 120) : '';
    return { indicator: status.indicator as SiteStatus['indicator'], description, url };
  } catch {
    return null;
  }
}

/** The status page a status came from (its `status.json` address without the API path), when that is a web address. */
export function statusPageAddress(status: Pick<SiteStatus, 'url'>): string | null {
  const page = status.url.replace(/\/api\/v2\/status\.json$/, '');
  return /^https?:\/\/[^\s"'<>]+$/i.test(page) ? page : null;
}

/** The sentence for the overlay: "The site reports: major outage". */
export function statusPhrase(status: SiteStatus): Phrase {
  return { key: `status_${status.indicator}` as Phrase['key'], subs: [status.description] };
}
