import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { networkAdvice } from '@/lib/diagnosis/tables/network-advice';
import type { Burst } from '@/lib/failure/model';
import type { Incident, NetworkFailure } from '@/lib/log/model';
import { cardSummary, codeText, headline, type Reader } from './diagnosis-text';
import { count, type TextKey, type Translate } from './translate';

/**
 * The words for what failed, whichever way it failed: a status code (./diagnosis-text.ts) or a
 * network error (lib/diagnosis/tables/network-errors.ts, texts `neterr_<id>_*`).
 */

/** @internal The key prefix of a network error row's words (`neterr_cert_date`); tests check each row has them. */
export function networkKey(id: string): string {
  return `neterr_${id.replace(/-/g, '_')}`;
}

/** A network error's title, its name line and what it means, for one reader. */
export function networkText(
  network: NetworkFailure,
  reader: Reader,
  t: Translate,
): { title: string; name: string; meaning: string } {
  const id = networkKey(network.id);
  return {
    title: t(`${id}_title` as TextKey),
    name: t('ui_net_name', network.error, network.type),
    meaning: t(`${id}_${reader}` as TextKey),
  };
}

/**
 * The card's title, the line that names the failure (`Error 502 · Bad Gateway`, or
 * `net::ERR_CONNECTION_REFUSED · tcp.refused`) and what it means, for one reader.
 */
export function failureText(
  incident: Pick<Incident, 'status' | 'network'>,
  reader: Reader,
  t: Translate,
): { title: string; name: string; meaning: string } {
  if (incident.network) return networkText(incident.network, reader, t);
  const code = codeText(incident.status, reader, t);
  return { ...code, name: t('ui_code_name', String(incident.status), code.name) };
}

/** A network error's next steps for one reader, in order; empty when its row is unknown. */
export function networkSteps(network: NetworkFailure, reader: Reader, t: Translate): string[] {
  const advice = networkAdvice(network.id);
  if (!advice) return [];
  return reader === 'visitor'
    ? advice.visitorSteps.map((id) => t(`ui_visitor_step_net_${id.replace(/-/g, '_')}` as TextKey))
    : advice.ownerSteps.map((id) => t(`ui_owner_check_net_${id.replace(/-/g, '_')}` as TextKey));
}

/**
 * The card's first words for a failure, for the visitor: its title and its lead sentence (the
 * most likely cause, or what the failure means). The popup's "This tab" says the same words.
 */
export function failureSummary(
  incident: Pick<Incident, 'status' | 'network' | 'diagnosis'>,
  t: Translate,
): { title: string; lead: string } {
  if (!incident.network) return cardSummary(incident.status, incident.diagnosis, t);
  const { title, meaning } = networkText(incident.network, 'visitor', t);
  return { title, lead: headline(incident.diagnosis, 'visitor', t) ?? meaning };
}

/** What a burst's notice says: which host failed and how (a code, or a network error's NEL type), and how often. */
export function noticeText(burst: Pick<Burst, 'status' | 'nelType' | 'host' | 'count'>, t: Translate): string {
  const body =
    burst.status === 0
      ? t('ui_notice_body_network', burst.host, burst.nelType ?? '—')
      : t('ui_notice_body', burst.host, String(burst.status), codeMeaning(burst.status).name);
  return burst.count > 1 ? `${body} ${t('ui_notice_count', count(burst.count))}` : body;
}
