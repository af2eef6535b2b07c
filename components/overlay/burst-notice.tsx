import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import type { Burst } from '@/lib/failure/model';
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
        <strong>{t('ui_notice_title')}</strong>{' '}
        {burst.status === 0
          ? t('ui_notice_body_network', burst.host, burst.nelType ?? '—')
          : t('ui_notice_body', burst.host, burst.status, codeMeaning(burst.status).name)}
        {burst.count > 1 && <> {t('ui_notice_count', burst.count)}</>}
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
