import { HopDiagram } from '@/components/card/hop-diagram';
import { OtherNetworksResult } from '@/components/card/other-networks-result';
import { useCopyReport } from '@/components/card/use-copy-report';
import { causeText } from '@/lib/i18n/diagnosis-text';
import { failureText } from '@/lib/i18n/failure-text';
import { detailRows } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { CodeBadge } from './badges';
import { useZone } from './zone';

export interface Props {
  incident: Incident;
  onBack: () => void;
}

/** One incident's full record, and "Copy as support report". */
export function IncidentDetail({ incident, onBack }: Props) {
  const copy = useCopyReport(incident);
  const d = incident.diagnosis;
  const code = failureText(incident, 'owner', t);
  const first = d.causes[0];
  const zone = useZone();
  return (
    <section class="detail" aria-labelledby="detail-heading">
      <button type="button" class="link" onClick={onBack}>
        {t('popup_back')}
      </button>
      <h2 id="detail-heading">
        <CodeBadge incident={incident} /> {code.title}
      </h2>
      <p>{first && first.id !== 'unknown' ? causeText(d, first, 'owner', t) : code.meaning}</p>
      <HopDiagram diagnosis={d} />
      <dl class="record">
        {detailRows(incident, t).map(({ label, value }) => (
          <div key={label} class="row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {Object.entries(incident.headers).map(([name, value]) => (
          <div key={name} class="row">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {incident.otherNetworks && (
        <section aria-label={t('net_heading')}>
          <h3>{t('net_heading')}</h3>
          <OtherNetworksResult check={incident.otherNetworks} zone={zone} />
        </section>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={copy.copy}>
          {t('popup_copy_report')}
        </button>
        <span role="status" class="muted">
          {copy.status === 'copied' && t('popup_copied')}
          {copy.status === 'failed' && t('ui_copy_failed')}
        </span>
      </div>
    </section>
  );
}
