import type { LogState } from '@/lib/failure/model';
import { failureSummary } from '@/lib/i18n/failure-text';
import { nextStep, otherNetworkTip } from '@/lib/i18n/next-step';
import { t } from '@/lib/i18n/translate';
import { failureLabel } from '@/lib/log/failure-label';
import type { CheckRecord, Incident } from '@/lib/log/model';
import type { SiteStatus } from '@/lib/owner-tools/status-page';
import { CardActions, isWaiting } from './card-actions';
import { HopDiagram } from './hop-diagram';
import { MoreDetails } from './more-details';
import { isMaintenance, isPosted } from './situation';
import { StatusPageLink } from './status-page-link';
import type { MySite } from './use-my-site';
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
  /** "Try again": loads the page again. */
  onRetry: () => void;
  /** "Go back", the primary action after a form was sent; without it the card offers no way on. */
  onBack?: () => void;
  /** Waiting for the site to come back; absent where it cannot work (a sent form, a private window). */
  reload?: ReloadWhenBack;
  /** "Check now": the background checks the page's address; absent where not offered. */
  checkNow?: () => Promise<CheckRecord>;
  /** "Copy details for support" done elsewhere (the overlay's background); else this page copies. */
  copyReport?: () => Promise<boolean>;
  /** What the site's own status page says, when lookups are on and it has one. */
  siteStatus?: SiteStatus | null;
  /** "This is my site", remembered per site where the card can. */
  mySite?: MySite;
  overlay?: OverlayControls;
}

/**
 * The explanation of one failure as one clear answer: a headline, one lead sentence, the hops
 * and one next step, then one primary action and "Copy details for support". Everything else
 * (the code's name, Check now, the owner's view, the evidence, the details) is under "More
 * details". test/unit/components/card/card-words.test.tsx holds it to 45 words above the buttons.
 */
export function ExplanationCard({
  incident,
  logState,
  headingLevel = 2,
  siteStatus,
  mySite,
  overlay,
  ...actions
}: Props) {
  const summary = failureSummary(incident, t);
  const posted = isPosted(incident);
  const step = nextStep(incident, { posted, reloading: isWaiting(actions.reload) }, t);
  const tip = otherNetworkTip(incident, step.key, t);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div class={isMaintenance(incident) || incident.diagnosis.falseAlarm ? 'x5-card x5-card-neutral' : 'x5-card'}>
      <header class="x5-head">
        <p class="x5-code" aria-hidden="true">
          {failureLabel(incident)}
        </p>
        <div class="x5-head-text">
          <Heading id={HEADING_ID} class="x5-title">
            {summary.title}
          </Heading>
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
      <p class="x5-lead">{summary.lead}</p>
      <HopDiagram diagnosis={incident.diagnosis} />
      <p class="x5-step">{step.text}</p>
      <CardActions incident={incident} posted={posted} {...actions} />
      {tip && <p class="x5-tip">{tip}</p>}
      {siteStatus && <StatusPageLink status={siteStatus} />}
      {logState === 'unavailable' && <p class="x5-note">{t('ui_log_unavailable')}</p>}
      {logState === 'private' && <p class="x5-note">{t('ui_log_private')}</p>}
      <MoreDetails incident={incident} checkNow={actions.checkNow} mySite={mySite} onQuiet={overlay?.onQuiet} />
    </div>
  );
}
