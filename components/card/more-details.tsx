import { useState } from 'preact/hooks';
import { failureText } from '@/lib/i18n/failure-text';
import { t } from '@/lib/i18n/translate';
import type { CheckRecord, Incident } from '@/lib/log/model';
import { checkSentence } from '@/lib/owner-tools/check';
import { CardDetails } from './card-details';
import { OwnerView } from './owner-view';
import type { MySite } from './use-my-site';

export interface Props {
  incident: Incident;
  /** "Check now": the background checks the page's address; absent where not offered. */
  checkNow?: () => Promise<CheckRecord>;
  /** "This is my site", remembered per site where the card can. */
  mySite?: MySite;
  /** "Don't explain errors on this site" (the overlay only). */
  onQuiet?: () => void;
}

/**
 * "More details", collapsed: the code's name, Check now, the site owner's view, the evidence and
 * the details for support. It starts open on a site the person said is theirs.
 */
export function MoreDetails({ incident, checkNow, mySite, onQuiet }: Props) {
  const [checkText, setCheckText] = useState<string | null>(null);
  const check =
    checkNow &&
    (async () => {
      setCheckText(t('tools_checking'));
      const result = await checkNow().catch(() => null);
      setCheckText(result ? checkSentence(result, t) : t('tools_check_failed', incident.site, '—'));
    });
  return (
    <details class="x5-more" open={mySite?.mine}>
      <summary>{t('ui_more_details')}</summary>
      <p class="x5-name">{failureText(incident, 'visitor', t).name}</p>
      {check && (
        <div class="x5-check">
          <button type="button" class="x5-secondary" onClick={check}>
            {t('ui_check_now')}
          </button>
          <p class="x5-status" role="status">
            {checkText}
          </p>
        </div>
      )}
      <OwnerView incident={incident} mySite={mySite} />
      <CardDetails incident={incident} />
      {onQuiet && (
        <p class="x5-foot">
          <button type="button" class="x5-link" onClick={onQuiet}>
            {t('ui_quiet_site', incident.site)}
          </button>
        </p>
      )}
    </details>
  );
}
