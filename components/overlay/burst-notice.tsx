import { useState } from 'preact/hooks';
import type { Burst } from '@/lib/failure/model';
import { noticeText } from '@/lib/i18n/failure-text';
import { t } from '@/lib/i18n/translate';

export interface Props {
  burst: Burst;
  onDismiss: () => void;
  /** "Details": opens this tab's failures in the popup; resolves false when the browser does not let it. */
  onDetails?: () => Promise<boolean>;
}

/** The small notice for a burst: a page loaded, but its own requests (API calls, frames) fail. */
export function BurstNotice({ burst, onDismiss, onDetails }: Props) {
  // Where the popup cannot be opened for the person, the notice says where to click instead.
  const [hint, setHint] = useState(false);
  const details = () => void onDetails?.().then((opened) => setHint(!opened));
  return (
    <div class="x5-notice" role="status">
      <p>
        <strong>{t('ui_notice_title')}</strong> {noticeText(burst, t)}
        {hint && <span class="x5-notice-hint"> {t('ui_notice_details_hint')}</span>}
      </p>
      {onDetails && (
        <button type="button" class="x5-notice-details" onClick={details}>
          {t('ui_notice_details')}
        </button>
      )}
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
