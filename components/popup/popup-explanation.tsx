import { useEffect, useRef } from 'preact/hooks';
import { ExplanationCard } from '@/components/card/explanation-card';
import type { LogState } from '@/lib/failure/model';
import { t } from '@/lib/i18n/translate';
import type { CheckRecord, Incident } from '@/lib/log/model';

export interface Props {
  incident: Incident;
  logState: LogState;
  onBack: () => void;
  /** Retry: reloads the tab. */
  onRetry: () => void;
  /** "Check now" for the tab's address; null when the tab is not a web page. */
  checkNow: (() => Promise<CheckRecord>) | null;
}

/**
 * The card inside the popup, for a tab that cannot show it: the page removed it, or the failure
 * was a burst of API calls. Focus starts on the way back.
 */
export function PopupExplanation({ incident, logState, onBack, onRetry, checkNow }: Props) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div class="popup-explanation">
      <button type="button" class="link" ref={back} onClick={onBack}>
        {t('popup_back')}
      </button>
      <ExplanationCard incident={incident} logState={logState} onRetry={onRetry} checkNow={checkNow ?? undefined} />
    </div>
  );
}
