import type { LayerKind } from '@/lib/diagnosis/model';
import type { LogState } from '@/lib/failure/model';
import type { Incident } from '@/lib/log/model';

/**
 * How the overlay meets a failure, from what the diagnosis and the page's own text say. Pure:
 * the overlay, the explanation page and their tests read the same rules.
 */

/** A page with fewer words than this says little more than its code ("502 Bad Gateway nginx"). */
const EXPLAINING_WORDS = 12;

/** Services that write their error pages for visitors: a CDN, a hosting platform, a security filter. */
const VISITOR_PAGE_KINDS: ReadonlySet<LayerKind> = new Set(['cdn', 'platform', 'firewall', 'edge-code']);

/** Words in a text: runs of at least two letters (codes, IDs and dates are not words here). */
function words(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;
}

/**
 * Whether the page already explains itself, so that the card starts as a small pill: the page
 * says at least EXPLAINING_WORDS words (its visible text, as stored with the incident), and it
 * is not a web server's, proxy's or framework's default page. That is a page the site wrote
 * itself (a branded error or maintenance page: no product's page signature matched it), or a
 * page written for visitors by a CDN, a hosting platform or a security filter (Cloudflare's
 * "What happened?", CloudFront's, Fastly's, Heroku's). A default page (nginx's "502 Bad
 * Gateway", Apache's "Internal Server Error", Tomcat's exception report, Squid's error page)
 * names the code, not what happened: the card opens. A network error (the browser's own page)
 * and a false alarm never start as a pill.
 */
export function explainsItself(incident: Pick<Incident, 'network' | 'diagnosis' | 'pageText'>): boolean {
  if (incident.network || incident.diagnosis.falseAlarm) return false;
  if (words(incident.pageText ?? '') < EXPLAINING_WORDS) return false;
  const pageOf = incident.diagnosis.chain.filter((l) => !l.implied && l.evidence.some((e) => e.source === 'body'));
  return pageOf.every((l) => VISITOR_PAGE_KINDS.has(l.kind));
}

/** Planned work: drawn in a neutral colour, and the card waits for the site by itself. */
export function isMaintenance(incident: Pick<Incident, 'diagnosis'>): boolean {
  return incident.diagnosis.causes[0]?.id === 'maintenance';
}

/** Whether the page came from a form (POST…): trying again would send it twice. */
export function isPosted(incident: Pick<Incident, 'method'>): boolean {
  return incident.method !== 'GET' && incident.method !== 'HEAD';
}

/**
 * Whether the card starts waiting for the site by itself (a countdown with "Stop waiting"): the
 * site said when to come back (Retry-After) or is in maintenance, the page can be loaded again
 * without sending anything twice, and checks are allowed (not a private window).
 */
export function waitsByItself(incident: Pick<Incident, 'diagnosis' | 'method'>, logState: LogState): boolean {
  const d = incident.diagnosis;
  if (d.falseAlarm || isPosted(incident) || logState === 'private') return false;
  return (d.retryAfter !== null && d.retryAfter.seconds > 0) || isMaintenance(incident);
}
