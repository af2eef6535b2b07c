import { browser } from 'wxt/browser';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { keepText, MAX_STATUS_LINE } from '@/lib/log/limits';
import type { CheckRecord } from '@/lib/log/model';
import { redactHeaders, redactUrl } from '@/lib/log/redact';
import { pickSafeHeaders } from '@/lib/log/safe-headers';
import { localOffset } from '@/lib/log/time';
import { loadSettings } from '@/lib/settings';
import { loadSiteOf } from '@/lib/site/psl-browser';
import type { PageFacts } from './outbound';
import { requestSite, type SiteAnswer } from './outbound-browser';

/**
 * Checks an address the way "Check now", reload when it's back and watches do, through
 * ./outbound-browser.ts (no credentials, no redirect followed, no local address for a page
 * that is not local, a rate per site). Status and timing come from the answer; the server IP,
 * status line and headers from webRequest. Redacted like every record. Without a `page` (the
 * caller refused to make it, `refusal` says why) nothing is requested. Touches the browser,
 * fetch and the clock; its pure twin is ./check.ts.
 */
export async function checkSite(
  url: string,
  kind: CheckRecord['kind'],
  page: PageFacts | null,
  refusal: 'refused' | 'private' = 'refused',
): Promise<CheckRecord> {
  const { networkLabel } = await loadSettings(browser.storage.local);
  const time = Date.now();
  // No page to make it for (the caller refused it): nothing is requested.
  const answer: SiteAnswer = page
    ? await requestSite(url, page)
    : { status: null, statusLine: '', ttfbMs: null, ip: null, headers: [], error: refusal };
  const headers = redactHeaders(pickSafeHeaders(answer.headers));
  const statusLine = keepText(answer.statusLine, MAX_STATUS_LINE);
  // Which rule refused it stays in the background: the page learns only that it was refused.
  const error: CheckRecord['error'] =
    answer.error === 'scheme' || answer.error === 'local' || answer.error === 'rebinding' ? 'refused' : answer.error;
  return {
    time,
    tzOffset: localOffset(time),
    site: (await loadSiteOf())(url),
    url: redactUrl(url),
    status: answer.status,
    statusLine,
    ...(error ? { error } : {}),
    ttfbMs: answer.ttfbMs,
    ip: answer.ip,
    headers,
    diagnosis: diagnose({ status: answer.status ?? 0, statusLine, headers, url }, time),
    networkLabel,
    kind,
  };
}
