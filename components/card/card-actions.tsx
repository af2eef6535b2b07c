import { type TextKey, t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import type { ReloadState } from '@/lib/owner-tools/reload-when-back';
import { useCopyReport } from './use-copy-report';
import type { ReloadWhenBack } from './use-reload-when-back';

export interface Props {
  incident: Incident;
  /** The page came from a form: "Go back" instead of "Try again", which would send it twice. */
  posted: boolean;
  onRetry: () => void;
  onBack?: () => void;
  /** Waiting for the site to come back; absent where it cannot work. */
  reload?: ReloadWhenBack;
  /** "Copy details for support" done elsewhere (the overlay's background); else this page copies. */
  copyReport?: () => Promise<boolean>;
}

/** Whether the card is waiting for the site (counting down, or checking). */
export function isWaiting(reload: ReloadWhenBack | undefined): boolean {
  return reload?.state.phase === 'waiting' || reload?.state.phase === 'checking';
}

/** Seconds as the countdown shows them: `0:42`, `12:00`. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** What waiting for the site says in each phase. */
const RELOAD_TEXT = {
  idle: null,
  waiting: 'ui_recovery_waiting',
  checking: 'ui_recovery_checking',
  back: 'ui_recovery_back',
  'gave-up': 'ui_recovery_gave_up',
} as const satisfies Record<ReloadState['phase'], TextKey | null>;

/** What waiting for the site says now ("Reloading when back · 0:42"), or null when it is not. */
function reloadText(state: ReloadState): string | null {
  const key = RELOAD_TEXT[state.phase];
  return key && t(key, state.phase === 'waiting' ? countdown(state.seconds) : '');
}

/**
 * One primary action — "Try again"; while waiting for the site, "Stop waiting"; after a form,
 * "Go back" — and one secondary, "Copy details for support", with a line that says how each went.
 */
export function CardActions({ incident, posted, onRetry, onBack, reload, copyReport }: Props) {
  const copy = useCopyReport(incident, { copyElsewhere: copyReport });
  const waiting = isWaiting(reload);
  const primary = posted
    ? onBack && { text: t('ui_go_back'), run: onBack }
    : waiting && reload
      ? { text: t('ui_stop_watch'), run: reload.stop }
      : { text: t('ui_retry'), run: onRetry };
  return (
    <>
      <div class="x5-actions">
        {primary && (
          <button type="button" class="x5-primary" onClick={primary.run}>
            {primary.text}
          </button>
        )}
        <button type="button" class="x5-secondary" onClick={copy.copy}>
          {t('ui_copy_details')}
        </button>
      </div>
      <p class="x5-status" role="status">
        {[
          reload && reloadText(reload.state),
          copy.status === 'copied' && t('ui_copied'),
          copy.status === 'failed' && t('ui_copy_failed'),
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
    </>
  );
}
