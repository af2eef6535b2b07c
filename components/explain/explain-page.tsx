import { ExplanationCard } from '@/components/card/explanation-card';
import { waitsByItself } from '@/components/card/situation';
import { type MySiteStore, useMySite } from '@/components/card/use-my-site';
import { useReloadWhenBack } from '@/components/card/use-reload-when-back';
import type { LogState } from '@/lib/failure/model';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import { OfflineNotice } from './offline-notice';

export interface Props {
  /** The address that failed (http or https), for Try again; null when unknown. */
  url: string | null;
  incident: Incident | null;
  logState: LogState;
  /** The browser was offline: say so instead of explaining a failure. */
  offline?: boolean;
  /** Goes back to the address. */
  retry: () => void;
  /** "Go back", after a form: the page before it. */
  back: () => void;
  /** One check for "reload when it's back", through the background. */
  check: () => Promise<CheckResult>;
  /** "This is my site" for the incident's site; absent where it is not remembered (a private window). */
  mySite?: MySiteStore;
}

/** The extension's own page for failures the browser would show as a blank error page. */
export function ExplainPage({ url, incident, logState, offline, retry, back, check, mySite }: Props) {
  const canWait = Boolean(url) && incident?.method === 'GET' && logState !== 'private';
  const reload = useReloadWhenBack(
    check,
    incident?.diagnosis.retryAfter?.seconds ?? null,
    retry,
    canWait && incident !== null && waitsByItself(incident, logState),
  );
  const mine = useMySite(mySite);
  if (offline) return <OfflineNotice reload={url ? reload : undefined} />;
  if (!incident) return <p class="x5-page-note">{t('ui_explain_nothing')}</p>;
  return (
    <div class="x5-page">
      <ExplanationCard
        incident={incident}
        headingLevel={1}
        logState={logState}
        onRetry={retry}
        onBack={back}
        reload={canWait ? reload : undefined}
        mySite={mine}
      />
      <p class="x5-page-note">{t(incident.network ? 'ui_explain_why_network' : 'ui_explain_why')}</p>
      {url && (
        <p class="x5-page-note">
          {t('ui_explain_retry_to')} <span class="x5-break">{url}</span>
        </p>
      )}
    </div>
  );
}
