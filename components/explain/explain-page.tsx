import { useState } from 'preact/hooks';
import { ExplanationCard } from '@/components/card/explanation-card';
import { useReloadWhenBack } from '@/components/card/use-reload-when-back';
import type { LogState } from '@/lib/failure/model';
import { supportReport } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import { copyText } from '@/lib/platform/clipboard';

export interface Props {
  /** The address that failed (http or https), for Retry; null when unknown. */
  url: string | null;
  incident: Incident | null;
  logState: LogState;
  /** Goes back to the address. */
  retry: () => void;
  check: () => Promise<CheckResult>;
}

/** The extension's own page for failures the browser would show as a blank error page. */
export function ExplainPage({ url, incident, logState, retry, check }: Props) {
  const [copyStatus, setCopyStatus] = useState<'copied' | 'failed' | null>(null);
  const recovery = useReloadWhenBack(check, incident?.diagnosis.retryAfter?.seconds ?? null, retry);
  if (!incident) return <p class="x5-page-note">{t('ui_explain_nothing')}</p>;
  const copy = async () => {
    setCopyStatus((await copyText(supportReport(incident, t), document.body, document)) ? 'copied' : 'failed');
  };
  return (
    <div class="x5-page">
      <ExplanationCard
        incident={incident}
        headingId="x5-heading"
        headingLevel={1}
        recovery={recovery.state}
        logState={logState}
        copyStatus={copyStatus}
        onRetry={retry}
        onWatch={url && incident.method === 'GET' ? recovery.start : undefined}
        onStopWatch={recovery.stop}
        onCopy={copy}
      />
      <p class="x5-page-note">{t('ui_explain_why')}</p>
      {url && (
        <p class="x5-page-note">
          {t('ui_explain_retry_to')} <span class="x5-break">{url}</span>
        </p>
      )}
    </div>
  );
}
