import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ExplanationCard, HEADING_ID } from '@/components/card/explanation-card';
import { useReloadWhenBack } from '@/components/card/use-reload-when-back';
import type { LogState } from '@/lib/failure/model';
import { phraseText, t } from '@/lib/i18n/translate';
import type { CheckRecord, Incident } from '@/lib/log/model';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import { type SiteStatus, statusPhrase } from '@/lib/owner-tools/status-page';

export interface Props {
  incident: Incident;
  logState: LogState;
  /** The shadow root the overlay lives in (to know whether focus is inside). */
  root: ShadowRoot;
  /** Moves on when the popup's "Show explanation" asks for the card: a shrunk card opens again. */
  shown?: number;
  /** One check for "reload when it's back", through the background. */
  check: () => Promise<CheckResult>;
  /** "Check now" through the background. */
  checkNow: () => Promise<CheckRecord>;
  /** The site's status page, when the person turned lookups on (null otherwise). */
  siteStatus: () => Promise<SiteStatus | null>;
  /** "Copy details for support", done by the background. */
  copyReport: () => Promise<boolean>;
  reload: () => void;
  onClose: () => void;
  onQuiet: () => void;
}

/**
 * The card floating over the failing page, as a non-modal dialog: the page under it keeps
 * working. It takes focus only when nothing on the page has it (never from someone typing),
 * Esc closes it, and it can shrink to a small pill and come back.
 */
export function Overlay(props: Props) {
  const { incident, logState, root, shown, check, checkNow, siteStatus, copyReport, reload, onClose, onQuiet } = props;
  const [minimized, setMinimized] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const reloadWhenBack = useReloadWhenBack(check, incident.diagnosis.retryAfter?.seconds ?? null, reload);
  const [status, setStatus] = useState<string | null>(null);

  // Once per overlay: the lookup is cached in the background anyway.
  useEffect(() => {
    void siteStatus()
      .then((s) => s && setStatus(phraseText(t, statusPhrase(s))))
      .catch(() => undefined);
  }, []);

  // Layout effect: Esc must work from the moment the card is on screen, not a frame later.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const minimize = () => {
    const had = document.activeElement === root.host;
    setMinimized(true);
    if (had) requestAnimationFrame(() => pill.current?.focus());
  };
  const restore = () => {
    setMinimized(false);
    requestAnimationFrame(() => dialog.current?.focus());
  };

  useEffect(() => {
    if (shown) restore();
  }, [shown]);

  if (minimized) {
    return (
      <button
        type="button"
        class="x5-pill"
        ref={pill}
        onClick={restore}
        aria-label={t('ui_pill_label', String(incident.status))}
      >
        <span class="x5-pill-code">{incident.status}</span> {t('ui_pill')}
      </button>
    );
  }
  return (
    <div class="x5-overlay" role="dialog" aria-labelledby={HEADING_ID} tabIndex={-1} ref={dialog}>
      <ExplanationCard
        incident={incident}
        logState={logState}
        onRetry={reload}
        // A private window gets no checks unless the person allowed private logging (then it is 'saved').
        reload={incident.method === 'GET' && logState !== 'private' ? reloadWhenBack : undefined}
        checkNow={logState === 'private' ? undefined : checkNow}
        copyReport={copyReport}
        siteStatus={status}
        overlay={{ onClose, onMinimize: minimize, onQuiet }}
      />
    </div>
  );
}
