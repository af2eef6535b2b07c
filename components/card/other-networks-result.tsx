import { dnsNote, probeStatus, verdictSentence } from '@/lib/i18n/other-networks-text';
import { count, t } from '@/lib/i18n/translate';
import type { OtherNetworksCheck } from '@/lib/log/model';
import { formatTime, type Zone } from '@/lib/log/time';

export interface Props {
  check: OtherNetworksCheck;
  /** The clock times are read on (the popup's UTC switch); the machine's zone by default. */
  zone?: Zone;
}

/** A check from other networks: the answer in one sentence, then one row per probe. */
export function OtherNetworksResult({ check, zone = { utc: false } }: Props) {
  const dns = dnsNote(check, t);
  return (
    <div class="x5-net-result">
      <p class="x5-net-verdict">
        <strong>{verdictSentence(check, t)}</strong>
      </p>
      {dns && <p class="x5-note">{dns}</p>}
      <div class="x5-net-scroll">
        <table class="x5-net-table" aria-label={t('net_table')}>
          <thead>
            <tr>
              <th scope="col">{t('net_col_where')}</th>
              <th scope="col">{t('net_col_network')}</th>
              <th scope="col">{t('net_col_status')}</th>
              <th scope="col">{t('net_col_ttfb')}</th>
              <th scope="col">{t('net_col_ip')}</th>
              <th scope="col">{t('net_col_edge')}</th>
            </tr>
          </thead>
          <tbody>
            {check.probes.map((p, i) => (
              <tr key={`${p.asn}-${p.city}-${i}`} class={p.outcome === 'failing' ? 'x5-net-failing' : undefined}>
                <td>{p.city ? `${p.city}, ${p.country}` : p.country}</td>
                <td title={`AS${p.asn}`}>{p.network}</td>
                <td>{probeStatus(p, t)}</td>
                <td>{p.ttfbMs === null ? '—' : t('net_ms', count(p.ttfbMs))}</td>
                <td class="x5-break">
                  {p.ip ?? p.dns[0] ?? '—'}
                  {p.dnsMatch === 'different' && <span class="x5-net-flag">{t('net_dns_flag')}</span>}
                </td>
                <td>{p.edge ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="x5-note x5-break">{t('net_source', formatTime(check.time, 'moment', zone), check.target)}</p>
    </div>
  );
}
