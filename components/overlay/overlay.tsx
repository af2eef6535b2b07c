import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { countdown, isWaiting } from '@/components/card/card-actions';
import { ExplanationCard, HEADING_ID } from '@/components/card/explanation-card';
import { explainsItself, isMaintenance, waitsByItself } from '@/components/card/situation';
import { type MySiteStore, useMySite } from '@/components/card/use-my-site';
import { useReloadWhenBack } from '@/components/card/use-reload-when-back';
import type { LogState } from '@/lib/failure/model';
import { t } from '@/lib/i18n/translate';
import { failureLabel } from '@/lib/log/failure-label';
import type { CheckRecord, Incident } from '@/lib/log/model';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import type { SiteStatus } from '@/lib/owner-tools/status-page';
import { FalseAlarmNotice } from './false-alarm-notice';

export interface Props {
  incident: Incident;
  logState: LogState;
  /** The shadow root the overlay lives in (to know whether focus is inside). */
  root: ShadowRoot;
  /** Moves on when the popup's "Show explanation" asks for the card: a pill or a notice opens it. */
  shown?: number;
  /** One check for "reload when it's back", through the background. */
  check: () => Promise<CheckResult>;
  /** "Check now" through the background. */
  checkNow: () => Promise<CheckRecord>;
  /** The site's status page, when the person turned lookups on (null otherwise). */
  siteStatus: () => Promise<SiteStatus | null>;
  /** "Copy details for support", done by the background. */
  copyReport: () => Promise<boolean>;
  /** "This is my site", remembered for the tab's site by the background. */
  mySite: MySiteStore;
  reload: () => void;
  /** "Go back", after a form. */
  back: () => void;
  onClose: () => void;
  onQuiet: () => void;
}

/** How the overlay shows the failure: the card, a small pill, or a false alarm's notice. */
type View = 'card' | 'pill' | 'notice';

/**
 * Whether this document is itself a reload (ours, once the site seemed back, or the person's).
 * Then the card does not wait by itself again: a site that answers our checks but still fails
 * the page (it needs the visitor's cookies, say) would otherwise reload for ever. Touches the page.
 */
function isReload(): boolean {
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === 'reload';
}

/** Where the overlay starts: a false alarm's notice, a pill over a page that explains itself, else the card. */
function firstView(incident: Incident): View {
  if (incident.diagnosis.falseAlarm) return 'notice';
  return explainsItself(incident) ? 'pill' : 'card';
}

/**
 * The card floating over the failing page, as a non-modal dialog: the page under it keeps
 * working. It takes focus only when nothing on the page has it (never from someone typing),
 * Esc closes it, and it can shrink to a small pill and come back. While it waits for the site,
 * closing it keeps the wait going, as a pill with the countdown.
 */
export function Overlay(props: Props) {
  const { incident, logState, root, shown, check, checkNow, siteStatus, copyReport, reload, back, onQuiet } = props;
  const [view, setView] = useState<View>(() => firstView(incident));
  const dialog = useRef<HTMLDivElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const canWait = incident.method === 'GET' && logState !== 'private' && !incident.diagnosis.falseAlarm;
  const reloadWhenBack = useReloadWhenBack(
    check,
    incident.diagnosis.retryAfter?.seconds ?? null,
    reload,
    waitsByItself(incident, logState) && !isReload(),
  );
  const waiting = isWaiting(reloadWhenBack);
  const mySite = useMySite(props.mySite);
  const [status, setStatus] = useState<SiteStatus | null>(null);

  // Once per overlay: the lookup is cached in the background anyway.
  useEffect(() => {
    void siteStatus()
      .then((s) => s && setStatus(s))
      .catch(() => undefined);
  }, []);

  const shrink = () => {
    const had = document.activeElement === root.host;
    setView('pill');
    if (had) requestAnimationFrame(() => pill.current?.focus());
  };
  // × ends the card, unless it is waiting for the site: then the wait goes on, as a pill.
  const close = () => (waiting ? shrink() : props.onClose());

  // Layout effect: Esc must work from the moment the card is on screen, not a frame later.
  useLayoutEffect(() => {
    if (view !== 'card') return;
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [view, waiting]);

  const restore = () => {
    setView('card');
    requestAnimationFrame(() => dialog.current?.focus());
  };

  useEffect(() => {
    if (shown) restore();
  }, [shown]);

  if (view === 'notice') return <FalseAlarmNotice diagnosis={incident.diagnosis} onDismiss={props.onClose} />;
  if (view === 'pill') {
    const label = failureLabel(incident);
    return (
      <button
        type="button"
        class={isMaintenance(incident) ? 'x5-pill x5-pill-neutral' : 'x5-pill'}
        ref={pill}
        onClick={restore}
        title={t('ui_pill_label', label)}
      >
        {waiting && reloadWhenBack.state.phase === 'waiting' ? (
          t('ui_recovery_waiting', countdown(reloadWhenBack.state.seconds))
        ) : waiting ? (
          t('ui_recovery_checking')
        ) : (
          <>
            <span class="x5-pill-code">{label}</span> · {t('ui_pill')}
          </>
        )}
      </button>
    );
  }
  return (
    <div class="x5-overlay" role="dialog" aria-labelledby={HEADING_ID} tabIndex={-1} ref={dialog}>
      <ExplanationCard
        incident={incident}
        logState={logState}
        onRetry={reload}
        onBack={back}
        reload={canWait ? reloadWhenBack : undefined}
        // A private window gets no checks unless the person allowed private logging (then it is 'saved').
        checkNow={logState === 'private' ? undefined : checkNow}
        copyReport={copyReport}
        siteStatus={status}
        mySite={mySite}
        overlay={{ onClose: close, onMinimize: shrink, onQuiet }}
      />
    </div>
  );
}
