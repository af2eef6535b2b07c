import { useEffect, useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ExplanationCard } from '@/components/card/explanation-card';
import { useMySite } from '@/components/card/use-my-site';
import type { LogState } from '@/lib/failure/model';
import { t } from '@/lib/i18n/translate';
import type { CheckRecord, Incident } from '@/lib/log/model';
import { isMySite, saveMySite } from '@/lib/settings';

export interface Props {
  incident: Incident;
  logState: LogState;
  onBack: () => void;
  /** Try again: reloads the tab. */
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
  // "This is my site" is remembered here as on the page, except for a private window's failure.
  const store = useMemo(
    () =>
      logState === 'private'
        ? undefined
        : {
            load: () => isMySite(browser.storage.local, incident.site),
            save: (mine: boolean) => saveMySite(browser.storage.local, incident.site, mine),
          },
    [incident.site, logState],
  );
  const mySite = useMySite(store);
  return (
    <div class="popup-explanation">
      <button type="button" class="link" ref={back} onClick={onBack}>
        {t('popup_back')}
      </button>
      <ExplanationCard
        incident={incident}
        logState={logState}
        onRetry={onRetry}
        checkNow={checkNow ?? undefined}
        mySite={mySite}
      />
    </div>
  );
}
