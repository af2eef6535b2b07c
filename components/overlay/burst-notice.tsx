import type { Burst } from '@/lib/failure/model';
import { noticeText } from '@/lib/i18n/failure-text';
import { t } from '@/lib/i18n/translate';

export interface Props {
  burst: Burst;
  onDismiss: () => void;
}

/** The small notice for a burst: a page loaded, but its own requests (API calls, frames) fail. */
export function BurstNotice({ burst, onDismiss }: Props) {
  return (
    <div class="x5-notice" role="status">
      <p>
        <strong>{t('ui_notice_title')}</strong> {noticeText(burst, t)}
      </p>
      <button
        type="button"
        class="x5-icon"
        onClick={onDismiss}
        aria-label={t('ui_notice_dismiss')}
        title={t('ui_notice_dismiss')}
      >
        ×
      </button>
    </div>
  );
}
