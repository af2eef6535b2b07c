import { useState } from 'preact/hooks';
import { type ReportOptions, supportReport } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { copyText } from '@/lib/platform/clipboard';

export type CopyStatus = 'copied' | 'failed' | null;

/**
 * \"Copy details for support\": copies the incident's support report, and says how it went. The
 * fallback textarea goes into the button's own root: the overlay's shadow root, or the page.
 */
export function useCopyReport(
  incident: Incident,
  options?: ReportOptions,
): { status: CopyStatus; copy: (event: Event) => Promise<void> } {
  const [status, setStatus] = useState<CopyStatus>(null);
  const copy = async (event: Event) => {
    const ok = await copyText(supportReport(incident, t, options), event.currentTarget as Element);
    setStatus(ok ? 'copied' : 'failed');
  };
  return { status, copy };
}
