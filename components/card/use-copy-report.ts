import { useState } from 'preact/hooks';
import { type ReportOptions, supportReport } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { copyFromPage } from '@/lib/platform/clipboard';

export type CopyStatus = 'copied' | 'failed' | null;

/** Where and how the report is copied. */
interface CopyOptions {
  /** What the report covers beyond the incident (a burst). */
  report?: ReportOptions;
  /**
   * In a web page, the overlay copies through the background, which holds the report for the
   * tab: nothing goes through the page's selection, and its `copy` listeners never see it.
   */
  copyElsewhere?: () => Promise<boolean>;
}

/**
 * "Copy details for support": copies the incident's support report, and says how it went. On
 * our own pages (the popup, the explanation page) the page copies it itself.
 */
export function useCopyReport(
  incident: Incident,
  { report, copyElsewhere }: CopyOptions = {},
): { status: CopyStatus; copy: () => Promise<void> } {
  const [status, setStatus] = useState<CopyStatus>(null);
  const copy = async () => {
    const ok = copyElsewhere
      ? await copyElsewhere().catch(() => false)
      : await copyFromPage(supportReport(incident, t, report));
    setStatus(ok ? 'copied' : 'failed');
  };
  return { status, copy };
}
