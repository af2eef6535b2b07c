import type { Incident } from '@/lib/log/model';
import { redactUrl } from '@/lib/log/redact';
import { isoLocal, isoUtc } from '@/lib/log/time';
import { codeText, confidenceText, edgeName, headline, layerKind, layerName } from './diagnosis-text';
import { networkText } from './failure-text';
import { count, type TextKey, type Translate } from './translate';

/** One labelled line of the details a support ticket needs; the card and the report share them. */
export interface DetailRow {
  label: string;
  /** One line, or several (a burst's addresses) separated by newlines. */
  value: string;
}

/** How the details are given. */
export interface ReportOptions {
  /** A burst: the details then say how many requests failed, from when to when, and where. */
  burst?: BurstDetails;
}

/** What the report says of a burst, beyond its newest failed request (the incident reported). */
export interface BurstDetails {
  /** How many requests failed, as the burst counted them (the notice says the same). */
  count: number;
  /** Epoch ms of its first and of its last failure. */
  first: number;
  last: number;
  /** Its failed requests as logged, newest first: their addresses are listed. */
  incidents: readonly Incident[];
}

/** A burst's addresses listed at most; the rest are counted. */
const MAX_BURST_URLS = 10;

/** Each value once, the first of each kept, in order. */
function once<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

/**
 * Request IDs, each once: the page often prints the ID a header carries, whole or in part
 * (Cloudflare's page shows the Ray ID without its `-FRA`), so an ID inside one already listed is
 * the same ID. Headers come first.
 */
function requestIdsOnce(ids: readonly { label: string; value: string }[]): { label: string; value: string }[] {
  const kept: { label: string; value: string }[] = [];
  // Short IDs (Varnish's XIDs are a few digits) sit inside longer ones by chance: only a long one
  // inside another is the same ID.
  const same = (a: string, b: string) =>
    a === b || (Math.min(a.length, b.length) >= 8 && (a.includes(b) || b.includes(a)));
  for (const id of ids) {
    const value = id.value.toLowerCase();
    if (!kept.some((k) => same(k.value.toLowerCase(), value))) kept.push(id);
  }
  return kept;
}

/** Where it failed, as people say it: the layer's name, and its kind unless the name says it. */
function failingHop(incident: Incident, t: Translate): string | null {
  const d = incident.diagnosis;
  const layer = d.failing === null ? undefined : d.chain[d.failing];
  if (!layer) return null;
  const name = layerName(layer, t);
  const kind = layerKind(layer, t);
  return name.toLowerCase() === kind.toLowerCase() ? name : `${name} (${kind})`;
}

/** The connection the browser reported: its type, its speed class, and "offline" when it was. */
function connection(incident: Incident, t: Translate): string {
  const { connection: type, effectiveType, online } = incident.vantage;
  return [type, effectiveType, online === false ? t('detail_offline') : null].filter(Boolean).join(' · ');
}

/** A burst's addresses, each once, at most MAX_BURST_URLS, with how many more there were. */
function burstUrls(burst: readonly Incident[], t: Translate): string | null {
  const urls = once(burst, (i) => i.requestUrl).map((i) => redactUrl(i.requestUrl));
  if (urls.length < 2) return null;
  const more = urls.length - MAX_BURST_URLS;
  return [...urls.slice(0, MAX_BURST_URLS), ...(more > 0 ? [t('detail_urls_more', count(more))] : [])].join('\n');
}

/**
 * The details of an incident (or of a burst, see ReportOptions), in the order a support team
 * reads them: what failed, when, how often, what the page said, the request and its IDs, who
 * answered, and from where. Empty values are left out.
 */
export function detailRows(incident: Incident, t: Translate, options: ReportOptions = {}): DetailRow[] {
  const d = incident.diagnosis;
  const {
    count: failures,
    first,
    last,
  } = options.burst ?? {
    count: incident.count,
    first: incident.time,
    last: incident.lastTime,
  };
  const ids = requestIdsOnce([...d.requestIds.map(({ header, value }) => ({ label: header, value })), ...d.pageIds]);
  const net = incident.network;
  const rows: [string, string | null | undefined][] = [
    [t('detail_failing'), failingHop(incident, t)],
    [t('detail_confidence'), confidenceText(d, t)],
    [t('detail_time_utc'), isoUtc(first)],
    [t('detail_time_local'), isoLocal(first, incident.tzOffset)],
    [t('detail_last_seen'), last > first ? isoUtc(last) : null],
    [t('detail_count'), String(failures)],
    [t('detail_page_text'), incident.pageText ? `“${incident.pageText}”` : null],
    // Redacted again here: the report leaves the machine, and an older log may hold more.
    [t('detail_page'), incident.pageUrl !== incident.requestUrl ? redactUrl(incident.pageUrl) : null],
    [t('detail_request'), `${incident.method} ${redactUrl(incident.requestUrl)}`],
    [t('detail_failed_urls'), options.burst ? burstUrls(options.burst.incidents, t) : null],
    [t('detail_status'), incident.statusLine],
    [t('detail_error'), net?.error],
    [t('detail_phase'), net && t('detail_phase_value', t(`ui_phase_${net.phase}` as TextKey), net.type)],
    [t('detail_elapsed'), net && net.elapsed_time !== null ? t('detail_elapsed_value', count(net.elapsed_time)) : null],
    [t('detail_server_ip'), incident.ip],
    [t('detail_server'), incident.headers.server],
    ...ids.map(({ label, value }): [string, string] => [label, value]),
    [t('detail_edge'), d.edge ? edgeName(d.edge) : null],
    [t('detail_retry_after'), d.retryAfter ? isoUtc(d.retryAfter.at) : null],
    [t('detail_chain'), d.chain.length ? d.chain.map((l) => layerName(l, t)).join(' → ') : null],
    [t('detail_connection'), connection(incident, t)],
    [t('detail_network'), incident.vantage.networkLabel || null],
    [
      t('detail_browser'),
      [incident.vantage.browser, `5xx Explainer ${incident.vantage.extension}`].filter(Boolean).join(' · '),
    ],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1])).map(([label, value]) => ({ label, value }));
}

/**
 * Plain text for a support ticket: what failed and where, in plain words, then the details
 * (./detailRows). A value of several lines is indented under its label.
 */
export function supportReport(incident: Incident, t: Translate, options: ReportOptions = {}): string {
  const { title, name } = incident.network
    ? networkText(incident.network, 'owner', t)
    : codeText(incident.status, 'owner', t);
  const cause = headline(incident.diagnosis, 'owner', t);
  const lines = [
    incident.network
      ? t('report_heading_network', incident.site, incident.network.error)
      : t('report_heading', String(incident.status), name, incident.site),
    // A bot check or a Wi-Fi login answered with a 5xx is not an outage: the report says so first.
    incident.diagnosis.falseAlarm ? t('report_not_outage') : title,
    ...(cause ? [cause] : []),
    '',
    ...detailRows(incident, t, options).map(({ label, value }) =>
      value.includes('\n') ? `${label}:\n  ${value.split('\n').join('\n  ')}` : `${label}: ${value}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
