import type { CheckResult } from './recovery';
import { parseRetryAfter } from './retry-after';

/** One check gives up after this long: a hung server is not back. */
export const CHECK_TIMEOUT_MS = 10_000;

/**
 * Requests an address once, the way "Reload when it's back" checks it: GET only (a form is
 * never re-sent), bypassing the cache, with a timeout. Only the status and Retry-After are
 * read; the body is discarded unread.
 */
export async function checkAddress(
  url: string,
  now: () => number,
  fetcher: typeof fetch = fetch,
): Promise<CheckResult> {
  const down: CheckResult = { status: null, retryAfter: null };
  if (!/^https?:\/\//i.test(url)) return down;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CHECK_TIMEOUT_MS);
  try {
    const response = await fetcher(url, {
      method: 'GET',
      cache: 'no-store',
      credentials: 'include',
      redirect: 'follow',
      signal: controller.signal,
    });
    void response.body?.cancel().catch(() => undefined);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after') ?? undefined, now());
    return { status: response.status, retryAfter: retryAfter?.seconds ?? null };
  } catch {
    return down;
  } finally {
    clearTimeout(timer);
  }
}
