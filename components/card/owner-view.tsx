import { causeText, codeText, layerName, whereToLook } from '@/lib/i18n/diagnosis-text';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';

export interface Props {
  incident: Incident;
}

const CHECKLIST = [
  'ui_owner_check_changes',
  'ui_owner_check_cdn',
  'ui_owner_check_logs',
  'ui_owner_check_upstream',
  'ui_owner_check_host',
] as const;

/** "This is my site": the causes in technical words, where each layer keeps its logs, and the checklist. */
export function OwnerView({ incident }: Props) {
  const d = incident.diagnosis;
  const checks = d.chain
    .map((layer) => ({ layer, check: whereToLook(layer, t) }))
    .filter((c): c is { layer: typeof c.layer; check: string } => c.check !== null);
  return (
    <section class="x5-owner" aria-label={t('ui_owner_heading')}>
      <h3 class="x5-sub">{t('ui_owner_likely')}</h3>
      <ol class="x5-causes">
        {d.causes.map((cause) => (
          <li key={cause.id}>
            {cause.id === 'unknown' ? codeText(incident.status, 'owner', t).meaning : causeText(d, cause, 'owner', t)}
          </li>
        ))}
      </ol>
      {checks.length > 0 && (
        <>
          <h3 class="x5-sub">{t('ui_owner_where')}</h3>
          <ul class="x5-steps">
            {checks.map(({ layer, check }) => (
              <li key={layer.id}>
                <strong>{layerName(layer, t)}</strong>: {check}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 class="x5-sub">{t('ui_owner_checklist')}</h3>
      <ul class="x5-steps">
        {CHECKLIST.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
