import { count, type Translate } from '@/lib/i18n/translate';
import type { CheckRecord } from '@/lib/log/model';

/**
 * A check is one request the extension makes to a site's address (GET, no cache) to see whether
 * it answers: "Check now", each step of "reload when it's back" and each run of a watch. Pure:
 * the request itself is ./check-browser.ts.
 */

/** True when a check found the site up: it answered, and not with a server error. */
export function isUp(check: { status: number | null }): boolean {
  return check.status !== null && check.status < 500;
}

/** Whether a check belongs in the log: it was made (not refused or held back by the rate). */
export function isLogged(check: CheckRecord): boolean {
  return check.error === undefined || check.error === 'timeout' || check.error === 'unreachable';
}

/** What a check found, in one sentence (the popup adds which edge location answered). */
export function checkSentence(check: CheckRecord, t: Translate): string {
  if (check.error === 'refused') return t('tools_check_refused', check.site);
  if (check.error === 'limited') return t('tools_check_limited', check.site);
  if (check.error === 'private') return t('tools_check_private', check.site);
  if (check.status === null) return t('tools_check_failed', check.site, check.error ?? '—');
  return t(
    'tools_check_result',
    check.site,
    check.statusLine || String(check.status),
    check.ttfbMs === null ? '—' : count(check.ttfbMs),
    check.networkLabel || t('tools_this_network'),
  );
}
