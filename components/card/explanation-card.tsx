import { useState } from 'preact/hooks';
import { codeText, headline, waitPhrase } from '@/lib/i18n/diagnosis-text';
import { detailRows } from '@/lib/i18n/support-report';
import { phraseText, t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import type { ReloadState } from '@/lib/owner-tools/reload-when-back';
import { EvidenceList } from './evidence-list';
import { HopDiagram } from './hop-diagram';
import { OwnerView } from './owner-view';

export interface Props {
  incident: Incident;
  /** Id for the heading, so a dialog can be labelled by it. */
  headingId: string;
  /** h1 on the explanation page (it is the page's subject), h2 in the overlay. */
  headingLevel?: 1 | 2;
  recovery: ReloadState;
  /** Whether the incident is in the log: saved, left out (private window), or the log failed. */
  logState: 'saved' | 'private' | 'unavailable';
  /** Feedback after "Copy details for support": null, or what happened. */
  copyStatus: 'copied' | 'failed' | null;
  onRetry: () => void;
  /** Absent where watching cannot work (a form that was POSTed is never re-sent). */
  onWatch?: () => void;
  onStopWatch: () => void;
  onCopy: () => void;
  /** "Check now": request the page again from the background; absent where not offered. */
  onCheck?: () => void;
  /** What the last check found, in words. */
  checkText?: string | null;
  /** What the site's own status page says, when lookups are on. */
  siteStatus?: string | null;
  /** The overlay's own controls; the explanation page has none of these. */
  onClose?: () => void;
  onMinimize?: () => void;
  onQuiet?: () => void;
}

function RecoveryStatus({ recovery }: { recovery: ReloadState }) {
  switch (recovery.phase) {
    case 'idle':
      return null;
    case 'waiting':
      return <>{t('ui_recovery_waiting', recovery.seconds)}</>;
    case 'checking':
      return <>{t('ui_recovery_checking')}</>;
    case 'back':
      return <>{t('ui_recovery_back')}</>;
    case 'gave-up':
      return <>{t('ui_recovery_gave_up')}</>;
  }
}

/** The explanation of one failure: what broke, where, what to do, and the details for support. */
export function ExplanationCard(props: Props) {
  const { incident, headingId, headingLevel = 2, recovery, copyStatus } = props;
  // The owner's view starts closed: most people who see this are visitors.
  const [owner, setOwner] = useState(false);
  const d = incident.diagnosis;
  const code = codeText(incident.status, 'visitor', t);
  const first = headline(d, 'visitor', t);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const watching = recovery.phase === 'waiting' || recovery.phase === 'checking';
  const wait = d.retryAfter ? waitPhrase(d.retryAfter.seconds) : null;
  return (
    <div class="x5-card">
      <header class="x5-head">
        <p class="x5-code" aria-hidden="true">
          {incident.status}
        </p>
        <div class="x5-head-text">
          <Heading id={headingId} class="x5-title">
            {d.falseAlarm ? t('ui_false_alarm_title') : code.title}
          </Heading>
          <p class="x5-name">{t('ui_code_name', incident.status, code.name)}</p>
        </div>
        {props.onMinimize && (
          <button
            type="button"
            class="x5-icon"
            onClick={props.onMinimize}
            aria-label={t('ui_minimize')}
            title={t('ui_minimize')}
          >
            –
          </button>
        )}
        {props.onClose && (
          <button
            type="button"
            class="x5-icon"
            onClick={props.onClose}
            aria-label={t('ui_close')}
            title={t('ui_close')}
          >
            ×
          </button>
        )}
      </header>
      <p class="x5-meaning">{first ?? code.meaning}</p>
      {props.siteStatus && <p class="x5-site-status">{props.siteStatus}</p>}
      {first && !d.falseAlarm && !first.startsWith(code.meaning.split('.')[0] ?? '') && (
        <p class="x5-also">{code.meaning}</p>
      )}
      <HopDiagram diagnosis={d} />
      {!d.falseAlarm && (
        <>
          <h3 class="x5-sub">{t('ui_what_you_can_do')}</h3>
          <ul class="x5-steps">
            <li>{wait ? t('ui_visitor_step_back', phraseText(t, wait)) : t('ui_visitor_step_wait')}</li>
            <li>{t('ui_visitor_step_network')}</li>
            <li>{t('ui_visitor_step_status')}</li>
          </ul>
        </>
      )}
      <div class="x5-actions">
        <button type="button" class="x5-primary" onClick={props.onRetry}>
          {t('ui_retry')}
        </button>
        {props.onWatch &&
          (watching ? (
            <button type="button" class="x5-secondary" onClick={props.onStopWatch}>
              {t('ui_stop_watch')}
            </button>
          ) : (
            <button type="button" class="x5-secondary" onClick={props.onWatch}>
              {t('ui_watch')}
            </button>
          ))}
        {props.onCheck && (
          <button type="button" class="x5-secondary" onClick={props.onCheck}>
            {t('ui_check_now')}
          </button>
        )}
        <button type="button" class="x5-secondary" onClick={props.onCopy}>
          {t('ui_copy_details')}
        </button>
      </div>
      <p class="x5-status" role="status">
        <RecoveryStatus recovery={recovery} />
        {copyStatus === 'copied' && t('ui_copied')}
        {copyStatus === 'failed' && t('ui_copy_failed')}
        {!props.onWatch && incident.method !== 'GET' && t('ui_no_resend')}
        {props.checkText}
      </p>
      <label class="x5-switch">
        <input type="checkbox" checked={owner} onChange={(e) => setOwner((e.target as HTMLInputElement).checked)} />
        {t('ui_my_site')}
      </label>
      {owner && <OwnerView incident={incident} />}
      <details class="x5-details">
        <summary>{t('ui_evidence_heading')}</summary>
        <EvidenceList diagnosis={d} />
      </details>
      <details class="x5-details">
        <summary>{t('ui_details_heading')}</summary>
        <dl>
          {detailRows(incident, t).map(({ label, value }) => (
            <div key={label} class="x5-row">
              <dt>{label}</dt>
              <dd class="x5-break">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      {props.logState === 'unavailable' && <p class="x5-note">{t('ui_log_unavailable')}</p>}
      {props.logState === 'private' && <p class="x5-note">{t('ui_log_private')}</p>}
      {props.onQuiet && (
        <p class="x5-foot">
          <button type="button" class="x5-link" onClick={props.onQuiet}>
            {t('ui_quiet_site', incident.site)}
          </button>
        </p>
      )}
    </div>
  );
}
