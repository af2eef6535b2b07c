import type { ReloadWhenBack } from '@/components/card/use-reload-when-back';
import { t } from '@/lib/i18n/translate';

export interface Props {
  /** "Reload when it's back" for the address the browser could not load. */
  reload?: ReloadWhenBack;
}

/**
 * "You are offline": said once instead of explaining a site's failure when the browser has no
 * connection at all (nothing is logged). The card's own classes, so it looks like the card.
 */
export function OfflineNotice({ reload }: Props) {
  const waiting = reload && (reload.state.phase === 'waiting' || reload.state.phase === 'checking');
  return (
    <div class="x5-card">
      <header class="x5-head">
        <div class="x5-head-text">
          <h1 class="x5-title">{t('ui_offline_title')}</h1>
        </div>
      </header>
      <p class="x5-lead">{t('ui_offline_text')}</p>
      <ul class="x5-steps">
        <li>{t('ui_offline_step')}</li>
      </ul>
      {reload && (
        <div class="x5-actions">
          <button type="button" class="x5-primary" onClick={waiting ? reload.stop : reload.start}>
            {waiting ? t('ui_stop_watch') : t('ui_watch')}
          </button>
        </div>
      )}
    </div>
  );
}
