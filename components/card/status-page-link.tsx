import { phraseText, t } from '@/lib/i18n/translate';
import { type SiteStatus, statusPageAddress, statusPhrase } from '@/lib/owner-tools/status-page';

export interface Props {
  status: SiteStatus;
}

/** What the site's status page says, as a link to it; nothing when its address is not a web address. */
export function StatusPageLink({ status }: Props) {
  const href = statusPageAddress(status);
  if (!href) return null;
  return (
    <p class="x5-tip">
      <a class="x5-link" href={href} target="_blank" rel="noopener noreferrer">
        {phraseText(t, statusPhrase(status))}
      </a>
    </p>
  );
}
