import { useCopyReport } from '@/components/card/use-copy-report';
import type { TabFailure } from '@/lib/failure/model';
import { failureSummary, noticeText } from '@/lib/i18n/failure-text';
import type { BurstDetails } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import type { Failed } from '@/lib/log/failure-label';
import type { Incident } from '@/lib/log/model';
import { CodeBadge } from './badges';

export interface Props {
  /** What the tab shows; null when it shows no failure (or is not a web page). */
  failure: TabFailure | null;
  /** "Show explanation": the card again in the tab, or here when the tab has none to show. */
  onShow: (incident: Incident) => void;
  /** What "Show explanation" did, when it says something. */
  note: string | null;
}

/** The failure's code, title and lead, in the card's own words (a burst: the notice's). */
function summary(failure: TabFailure): { failed: Failed; title: string; lead: string } {
  if (failure.kind === 'page') return { failed: failure.incident, ...failureSummary(failure.incident, t) };
  const { status, nelType } = failure.burst;
  // A burst of network errors is labelled by its NEL layer (`TCP`), as the toolbar badge is.
  const failed = nelType ? { status, network: { type: nelType } } : { status };
  return { failed, title: t('ui_notice_title'), lead: noticeText(failure.burst, t) };
}

/** "Show explanation" and "Copy details for support", and a line that says how each went. */
/** What the report says of a burst: its own count and times, and its logged requests. */
function burstDetails({ burst, incidents }: Extract<TabFailure, { kind: 'burst' }>): BurstDetails {
  return { count: burst.count, first: burst.first ?? burst.last, last: burst.last, incidents };
}

function Actions({
  incident,
  burst,
  onShow,
  note,
}: Pick<Props, 'onShow' | 'note'> & { incident: Incident; burst?: BurstDetails }) {
  const copy = useCopyReport(incident, burst ? { report: { burst } } : {});
  return (
    <>
      <div class="actions">
        <button type="button" class="primary" onClick={() => onShow(incident)}>
          {t('popup_show_explanation')}
        </button>
        <button type="button" onClick={copy.copy}>
          {t('ui_copy_details')}
        </button>
      </div>
      <p role="status" class="muted tab-status">
        {copy.status === 'copied' && t('popup_copied')}
        {copy.status === 'failed' && t('ui_copy_failed')}
        {copy.status === null && note}
      </p>
    </>
  );
}

function Failure({ failure, onShow, note }: Props & { failure: TabFailure }) {
  const { failed, title, lead } = summary(failure);
  // A burst is explained by its newest failed request and reported with all of them; one that
  // was not logged (a private window) has only its notice's words.
  const incident = failure.kind === 'page' ? failure.incident : failure.incidents[0];
  return (
    <>
      <h3 class="tab-title">
        <CodeBadge incident={failed} /> {title}
      </h3>
      <p class="tab-lead">{lead}</p>
      {incident && (
        <Actions
          incident={incident}
          burst={failure.kind === 'burst' ? burstDetails(failure) : undefined}
          onShow={onShow}
          note={note}
        />
      )}
    </>
  );
}

/**
 * "This tab", where the popup opens: the failure the tab shows, in the card's own words, with
 * "Show explanation" and "Copy details for support"; or plainly that there is none.
 */
export function ThisTab(props: Props) {
  return (
    <section class="this-tab" aria-labelledby="this-tab-heading">
      <h2 id="this-tab-heading">{t('popup_this_tab')}</h2>
      {props.failure ? <Failure {...props} failure={props.failure} /> : <p class="muted">{t('popup_this_tab_none')}</p>}
    </section>
  );
}
