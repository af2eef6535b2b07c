import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ExplanationCard } from '@/components/card/explanation-card';
import { useReloadWhenBack } from '@/components/card/use-reload-when-back';
import type { LogState } from '@/lib/failure/model';
import { supportReport } from '@/lib/i18n/support-report';
import { phraseText, t } from '@/lib/i18n/translate';
import type { CheckRecord, Incident } from '@/lib/log/model';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import { type SiteStatus, statusPhrase } from '@/lib/owner-tools/status-page';
import { copyText } from '@/lib/platform/clipboard';

export interface Props {
  incident: Incident;
  logState: LogState;
  /** The shadow root the overlay lives in (for focus and for copying). */
  root: ShadowRoot;
  check: () => Promise<CheckResult>;
  /** "Check now" through the background. */
  checkNow: () => Promise<CheckRecord>;
  /** The site's status page, when the person turned lookups on (null otherwise). */
  siteStatus: () => Promise<SiteStatus | null>;
  reload: () => void;
  onClose: () => void;
  onQuiet: () => void;
}

/**
 * The card floating over the failing page, as a non-modal dialog: the page under it keeps
 * working. It takes focus only when nothing on the page has it (never from someone typing),
 * Esc closes it, and it can shrink to a small pill and come back.
 */
export function Overlay({ incident, logState, root, check, checkNow, siteStatus, reload, onClose, onQuiet }: Props) {
  const [minimized, setMinimized] = useState(false);
  const [copyStatus, setCopyStatus] = useState<'copied' | 'failed' | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const recovery = useReloadWhenBack(check, incident.diagnosis.retryAfter?.seconds ?? null, reload);
  const [status, setStatus] = useState<string | null>(null);
  const [checkText, setCheckText] = useState<string | null>(null);

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

  const focusInside = () => document.activeElement === root.host;
  const minimize = () => {
    const had = focusInside();
    setMinimized(true);
    if (had) requestAnimationFrame(() => pill.current?.focus());
  };
  const restore = () => {
    setMinimized(false);
    requestAnimationFrame(() => dialog.current?.focus());
  };
  const copy = async () => {
    setCopyStatus((await copyText(supportReport(incident, t), root, document)) ? 'copied' : 'failed');
  };

  if (minimized) {
    return (
      <button
        type="button"
        class="x5-pill"
        ref={pill}
        onClick={restore}
        aria-label={t('ui_pill_label', incident.status)}
      >
        <span class="x5-pill-code">{incident.status}</span> {t('ui_pill')}
      </button>
    );
  }
  return (
    <div class="x5-overlay" role="dialog" aria-labelledby="x5-heading" tabIndex={-1} ref={dialog}>
      <ExplanationCard
        incident={incident}
        headingId="x5-heading"
        recovery={recovery.state}
        logState={logState}
        copyStatus={copyStatus}
        onRetry={reload}
        onWatch={incident.method === 'GET' ? recovery.start : undefined}
        onStopWatch={recovery.stop}
        onCopy={copy}
        onCheck={async () => {
          setCheckText(t('tools_checking'));
          const result = await checkNow().catch(() => null);
          setCheckText(
            !result
              ? t('tools_check_failed', incident.site, '—')
              : result.status === null
                ? t('tools_check_failed', result.site, result.error ?? '—')
                : t(
                    'tools_check_result',
                    result.site,
                    result.statusLine || String(result.status),
                    result.ttfbMs ?? '—',
                    result.networkLabel || t('tools_this_network'),
                  ),
          );
        }}
        checkText={checkText}
        siteStatus={status}
        onClose={onClose}
        onMinimize={minimize}
        onQuiet={onQuiet}
      />
    </div>
  );
}
