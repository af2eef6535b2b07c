import type { Incident } from '@/lib/log/model';
import { isoLocal, isoUtc } from '@/lib/log/time';
import { causeText, codeText, edgeName, layerName } from './diagnosis-text';
import { networkText } from './failure-text';
import type { TextKey, Translate } from './translate';

/** One labelled line of the details a support ticket needs; the card and the report share them. */
export interface DetailRow {
  label: string;
  value: string;
}

/** The details of an incident, in the order a support team reads them. Empty values are left out. */
export function detailRows(incident: Incident, t: Translate): DetailRow[] {
  const d = incident.diagnosis;
  const failing = d.failing === null ? undefined : d.chain[d.failing];
  const net = incident.network;
  const rows: [string, string | null | undefined][] = [
    [t('detail_time_local'), isoLocal(incident.time, incident.tzOffset)],
    [t('detail_time_utc'), isoUtc(incident.time)],
    [
      t('detail_repeats'),
      incident.count > 1 ? t('detail_repeats_value', incident.count, isoUtc(incident.lastTime)) : null,
    ],
    [t('detail_page'), incident.pageUrl !== incident.requestUrl ? incident.pageUrl : null],
    [t('detail_request'), `${incident.method} ${incident.requestUrl}`],
    [t('detail_status'), incident.statusLine],
    [t('detail_error'), net?.error],
    [t('detail_phase'), net && t('detail_phase_value', t(`ui_phase_${net.phase}` as TextKey), net.type)],
    [t('detail_elapsed'), net && net.elapsed_time !== null ? t('detail_elapsed_value', net.elapsed_time) : null],
    [t('detail_server_ip'), incident.ip],
    [t('detail_server'), incident.headers.server],
    ...d.requestIds.map(({ header, value }): [string, string] => [header, value]),
    ...d.pageIds.map(({ label, value }): [string, string] => [label, value]),
    [t('detail_edge'), d.edge ? edgeName(d.edge) : null],
    [t('detail_retry_after'), d.retryAfter ? isoUtc(d.retryAfter.at) : null],
    [t('detail_chain'), d.chain.length ? d.chain.map((l) => layerName(l, t)).join(' → ') : null],
    [t('detail_failing'), failing ? layerName(failing, t) : null],
    [t('detail_network'), incident.vantage.networkLabel || null],
    [
      t('detail_browser'),
      [incident.vantage.browser, `5xx Explainer ${incident.vantage.extension}`].filter(Boolean).join(' · '),
    ],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1])).map(([label, value]) => ({ label, value }));
}

/** Plain text for a support ticket: what failed, when (with time zone), where, and the IDs. */
export function supportReport(incident: Incident, t: Translate): string {
  const { title, name } = incident.network
    ? networkText(incident.network, 'owner', t)
    : codeText(incident.status, 'owner', t);
  const first = incident.diagnosis.causes[0];
  const lines = [
    incident.network
      ? t('report_heading_network', incident.site, incident.network.error)
      : t('report_heading', incident.status, name, incident.site),
    title,
    ...(first && first.id !== 'unknown' ? [causeText(incident.diagnosis, first, 'owner', t)] : []),
    '',
    ...detailRows(incident, t).map(({ label, value }) => `${label}: ${value}`),
  ];
  return `${lines.join('\n')}\n`;
}
