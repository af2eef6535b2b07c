import type { Diagnosis } from '@/lib/diagnosis/model';
import { t } from '@/lib/i18n/translate';

export interface Props {
  diagnosis: Diagnosis;
  onDismiss: () => void;
}

/** What the notice says of a false alarm: a Wi-Fi login, or a bot check by the service that runs it. */
function falseAlarmText(diagnosis: Diagnosis): string {
  const first = diagnosis.causes[0];
  if (first?.id === 'captive-portal') return t('ui_false_alarm_portal');
  const by = first?.anchor === null || first?.anchor === undefined ? undefined : diagnosis.chain[first.anchor];
  return by && !by.implied ? t('ui_false_alarm_challenge', by.vendor) : t('ui_false_alarm_challenge_unnamed');
}

/**
 * A false alarm (a bot check, a Wi-Fi login) gets no card: a small neutral notice in the
 * corner, away from the middle where such pages put their widget, says it is not an outage.
 */
export function FalseAlarmNotice({ diagnosis, onDismiss }: Props) {
  return (
    <div class="x5-notice x5-notice-neutral">
      <p role="status">{falseAlarmText(diagnosis)}</p>
      <button
        type="button"
        class="x5-icon"
        onClick={onDismiss}
        aria-label={t('ui_false_alarm_dismiss')}
        title={t('ui_false_alarm_dismiss')}
      >
        ×
      </button>
    </div>
  );
}
