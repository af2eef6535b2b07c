import { useState } from 'preact/hooks';
import { supportReport } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { copyFromPage } from '@/lib/platform/clipboard';

export type CopyStatus = 'copied' | 'failed' | null;

/**
 * "Copy details for support": copies the incident's support report, and says how it went. On
 * our own pages (the popup, the explanation page) the page copies it; in a web page the overlay
 * passes `copyElsewhere`, and the background copies the report it holds for the tab: nothing
 * goes through the page's selection, and the page's `copy` listeners never see it.
 */
export function useCopyReport(
  incident: Incident,
  copyElsewhere?: () => Promise<boolean>,
): { status: CopyStatus; copy: () => Promise<void> } {
  const [status, setStatus] = useState<CopyStatus>(null);
  const copy = async () => {
    const ok = copyElsewhere
      ? await copyElsewhere().catch(() => false)
      : await copyFromPage(supportReport(incident, t));
    setStatus(ok ? 'copied' : 'failed');
  };
  return { status, copy };
}
