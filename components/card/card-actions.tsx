import { useState } from 'preact/hooks';
import { count, type TextKey, t } from '@/lib/i18n/translate';
import type { CheckRecord, Incident } from '@/lib/log/model';
import { checkSentence } from '@/lib/owner-tools/check';
import type { ReloadState } from '@/lib/owner-tools/reload-when-back';
import { useCopyReport } from './use-copy-report';
import type { ReloadWhenBack } from './use-reload-when-back';

export interface Props {
  incident: Incident;
  onRetry: () => void;
  /** "Reload when it's back"; absent where it cannot work (a form that was POSTed is never re-sent). */
  reload?: ReloadWhenBack;
  /** "Check now": the background checks the page's address; absent where not offered. */
  checkNow?: () => Promise<CheckRecord>;
  /** "Copy details for support" done elsewhere (the overlay's background); else this page copies. */
  copyReport?: () => Promise<boolean>;
}

/** What "reload when it's back" says in each phase ($1: the seconds left, while waiting). */
const RELOAD_TEXT = {
  idle: null,
  waiting: 'ui_recovery_waiting',
  checking: 'ui_recovery_checking',
  back: 'ui_recovery_back',
  'gave-up': 'ui_recovery_gave_up',
} as const satisfies Record<ReloadState['phase'], TextKey | null>;

function reloadText({ state }: ReloadWhenBack): string | null {
  const key = RELOAD_TEXT[state.phase];
  return key && t(key, state.phase === 'waiting' ? count(state.seconds) : '');
}

/** What a person can do about the failure, and a status line that says how each went. */
export function CardActions({ incident, onRetry, reload, checkNow, copyReport }: Props) {
  const copy = useCopyReport(incident, { copyElsewhere: copyReport });
  const [checkText, setCheckText] = useState<string | null>(null);
  const waiting = reload && (reload.state.phase === 'waiting' || reload.state.phase === 'checking');
  const check =
    checkNow &&
    (async () => {
      setCheckText(t('tools_checking'));
      const result = await checkNow().catch(() => null);
      setCheckText(result ? checkSentence(result, t) : t('tools_check_failed', incident.site, '—'));
    });
  return (
    <>
      <div class="x5-actions">
        <button type="button" class="x5-primary" onClick={onRetry}>
          {t('ui_retry')}
        </button>
        {reload &&
          (waiting ? (
            <button type="button" class="x5-secondary" onClick={reload.stop}>
              {t('ui_stop_watch')}
            </button>
          ) : (
            <button type="button" class="x5-secondary" onClick={reload.start}>
              {t('ui_watch')}
            </button>
          ))}
        {check && (
          <button type="button" class="x5-secondary" onClick={check}>
            {t('ui_check_now')}
          </button>
        )}
        <button type="button" class="x5-secondary" onClick={copy.copy}>
          {t('ui_copy_details')}
        </button>
      </div>
      <p class="x5-status" role="status">
        {reload && reloadText(reload)}
        {copy.status === 'copied' && t('ui_copied')}
        {copy.status === 'failed' && t('ui_copy_failed')}
        {!reload && incident.method !== 'GET' && t('ui_no_resend')}
        {checkText}
      </p>
    </>
  );
}
