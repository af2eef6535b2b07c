import type { LogState } from '@/lib/failure/model';
import { waitPhrase } from '@/lib/i18n/diagnosis-text';
import { failureSummary, failureText, networkSteps } from '@/lib/i18n/failure-text';
import { phraseText, t } from '@/lib/i18n/translate';
import { failureLabel } from '@/lib/log/failure-label';
import type { CheckRecord, Incident } from '@/lib/log/model';
import { CardActions } from './card-actions';
import { CardDetails } from './card-details';
import { HopDiagram } from './hop-diagram';
import { OwnerView } from './owner-view';
import type { ReloadWhenBack } from './use-reload-when-back';

/** The heading's id, so that a dialog can be labelled by it. */
export const HEADING_ID = 'x5-heading';

/** The overlay's own controls; the explanation page has none of these. */
interface OverlayControls {
  onClose: () => void;
  onMinimize: () => void;
  /** "Don't explain errors on this site". */
  onQuiet: () => void;
}

export interface Props {
  incident: Incident;
  logState: LogState;
  /** h1 on the explanation page (it is the page's subject), h2 in the overlay. */
  headingLevel?: 1 | 2;
  onRetry: () => void;
  /** "Reload when it's back"; absent where it cannot work (a form that was POSTed is never re-sent). */
  reload?: ReloadWhenBack;
  /** "Check now": the background checks the page's address; absent where not offered. */
  checkNow?: () => Promise<CheckRecord>;
  /** "Copy details for support" done elsewhere (the overlay's background); else this page copies. */
  copyReport?: () => Promise<boolean>;
  /** What the site's own status page says, when lookups are on. */
  siteStatus?: string | null;
  overlay?: OverlayControls;
}

/** The explanation of one failure: what broke, where, what to do, and the details for support. */
export function ExplanationCard({ incident, logState, headingLevel = 2, siteStatus, overlay, ...actions }: Props) {
  const d = incident.diagnosis;
  const code = failureText(incident, 'visitor', t);
  // The lead: the most likely cause in a visitor's words, or what the failure means when nothing
  // says more. Never both: the general meaning could contradict a specific cause.
  const summary = failureSummary(incident, t);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const wait = d.retryAfter ? waitPhrase(d.retryAfter.seconds) : null;
  return (
    <div class="x5-card">
      <header class="x5-head">
        <p class="x5-code" aria-hidden="true">
          {failureLabel(incident)}
        </p>
        <div class="x5-head-text">
          <Heading id={HEADING_ID} class="x5-title">
            {summary.title}
          </Heading>
          <p class="x5-name">{code.name}</p>
        </div>
        {overlay && (
          <button
            type="button"
            class="x5-icon"
            onClick={overlay.onMinimize}
            aria-label={t('ui_minimize')}
            title={t('ui_minimize')}
          >
            –
          </button>
        )}
        {overlay && (
          <button
            type="button"
            class="x5-icon"
            onClick={overlay.onClose}
            aria-label={t('ui_close')}
            title={t('ui_close')}
          >
            ×
          </button>
        )}
      </header>
      <p class="x5-meaning">{summary.lead}</p>
      {siteStatus && <p class="x5-site-status">{siteStatus}</p>}
      <HopDiagram diagnosis={d} />
      {!d.falseAlarm && (
        <>
          <h3 class="x5-sub">{t('ui_what_you_can_do')}</h3>
          <ul class="x5-steps">
            {incident.network ? (
              networkSteps(incident.network, 'visitor', t).map((step) => <li key={step}>{step}</li>)
            ) : (
              <>
                <li>{wait ? t('ui_visitor_step_back', phraseText(t, wait)) : t('ui_visitor_step_wait')}</li>
                <li>{t('ui_visitor_step_network')}</li>
                <li>{t('ui_visitor_step_status')}</li>
              </>
            )}
          </ul>
        </>
      )}
      <CardActions incident={incident} {...actions} />
      <OwnerView incident={incident} />
      <CardDetails incident={incident} />
      {logState === 'unavailable' && <p class="x5-note">{t('ui_log_unavailable')}</p>}
      {logState === 'private' && <p class="x5-note">{t('ui_log_private')}</p>}
      {overlay && (
        <p class="x5-foot">
          <button type="button" class="x5-link" onClick={overlay.onQuiet}>
            {t('ui_quiet_site', incident.site)}
          </button>
        </p>
      )}
    </div>
  );
}
