import { networkAdvice } from '@/lib/diagnosis/tables/network-advice';
import type { Incident, NetworkFailure } from '@/lib/log/model';
import { codeText, type Reader } from './diagnosis-text';
import type { TextKey, Translate } from './translate';

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
  return { ...code, name: t('ui_code_name', incident.status, code.name) };
}

/** A network error's next steps for one reader, in order; empty when its row is unknown. */
export function networkSteps(network: NetworkFailure, reader: Reader, t: Translate): string[] {
  const advice = networkAdvice(network.id);
  if (!advice) return [];
  return reader === 'visitor'
    ? advice.visitorSteps.map((id) => t(`ui_visitor_step_net_${id.replace(/-/g, '_')}` as TextKey))
    : advice.ownerSteps.map((id) => t(`ui_owner_check_net_${id.replace(/-/g, '_')}` as TextKey));
}
