import { detailRows } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { EvidenceList } from './evidence-list';
import { OtherNetworks } from './other-networks';

export interface Props {
  incident: Incident;
}

/** The evidence and the details for support, each collapsed under its own heading. */
export function CardDetails({ incident }: Props) {
  return (
    <>
      <details class="x5-details">
        <summary>{t('ui_evidence_heading')}</summary>
        <EvidenceList diagnosis={incident.diagnosis} />
      </details>
      <details class="x5-details">
        <summary>{t('ui_details_heading')}</summary>
        <dl>
          {detailRows(incident, t).map(({ label, value }) => (
            <div key={label} class="x5-row">
              <dt>{label}</dt>
              <dd class="x5-break">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <OtherNetworks url={incident.pageUrl} incidentId={incident.id} kept={incident.otherNetworks} folded />
    </>
  );
}
