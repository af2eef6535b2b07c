import { browser } from 'wxt/browser';
import type { HttpHeader } from '@/lib/log/safe-headers';
import { ownOrigin } from '@/lib/platform/own-origin';
import { loadSiteOf } from '@/lib/site/psl-browser';
import { type PageFacts, type Refusal, refuseAnswer, refuseTarget, requestTarget, takeSlot } from './outbound';

/** A request gives up after this long, unless told otherwise. */
const TIMEOUT_MS = 15_000;
/** How long to wait for webRequest's report of the answer once fetch has it. */
const REPORT_WAIT_MS = 2000;

/** What a site answered to one of our requests, or why there is no answer. */
export interface SiteAnswer {
  /** The status (a redirect's 3xx included), or null when nothing usable answered. */
  status: number | null;
  statusLine: string;
  /** Milliseconds until the response's headers arrived. */
  ttfbMs: number | null;
  /** The server IP the browser connected to, when it said. */
  ip: string | null;
  headers: HttpHeader[];
  /**
   * Why there is no status: no answer in time, none at all, one of ./outbound.ts's refusals,
   * or (decided before asking here) a private window.
   */
  error?: 'timeout' | 'unreachable' | Refusal | 'refused' | 'private';
  /** The body's first characters, when asked for (status pages). */
  body?: string;
}

/** What webRequest reports of a response: the only place a redirect's status and the server IP show. */
interface Report {
  url: string;
  tabId: number;
  statusCode: number;
  statusLine?: string;
  ip?: string;
  responseHeaders?: HttpHeader[];
  initiator?: string;
  documentUrl?: string;
  originUrl?: string;
}

const RATE_KEY = 'outbound:';
let rateQueue: Promise<unknown> = Promise.resolve();

/**
 * Takes one of the site's request slots (./outbound.ts), kept in storage.session so that a
 * stopped worker forgets nothing; one at a time, so that concurrent requests each see the last.
 */
function takeRateSlot(site: string, now: number): Promise<boolean> {
  const next = rateQueue.then(async () => {
    const key = `${RATE_KEY}${site}`;
    const stored = (await browser.storage.session.get(key))[key];
    const { allowed, recent } = takeSlot(Array.isArray(stored) ? (stored as number[]) : [], now);
    if (allowed) await browser.storage.session.set({ [key]: recent });
    return allowed;
  });
  rateQueue = next.catch(() => undefined);
  return next;
}

const refused = (error: SiteAnswer['error']): SiteAnswer => ({
  status: null,
  statusLine: '',
  ttfbMs: null,
  ip: null,
  headers: [],
  error,
});

/**
 * Requests an address on a page's behalf: the only way the extension contacts a site for a
 * page (Check now, reload when it's back, watches, status pages), and all of ./outbound.ts's
 * rules applied. GET, no cache, no cookies or other credentials, no referrer, no redirect
 * followed (a 3xx is the site's answer: fetch sees an opaque redirect, webRequest the status).
 * Touches the browser, fetch and the clock; its pure twin is ./outbound.ts.
 */
export async function requestSite(
  raw: string,
  page: PageFacts,
  { readBody = false, timeoutMs = TIMEOUT_MS }: { readBody?: boolean; timeoutMs?: number } = {},
): Promise<SiteAnswer> {
  const target = requestTarget(raw);
  const refusal = refuseTarget(target, page);
  if (refusal || !target) return refused(refusal ?? 'scheme');
  if (!(await takeRateSlot((await loadSiteOf())(target.href), Date.now()))) return refused('limited');

  const origin = ownOrigin();
  let report: Report | undefined;
  let heard: () => void = () => {};
  const reported = new Promise<void>((resolve) => {
    heard = resolve;
  });
  // Chromium reports a followed-or-not redirect in onBeforeRedirect, Firefox in onResponseStarted.
  const listener = (details: Report) => {
    const ours = details.initiator === origin || (details.documentUrl ?? details.originUrl ?? '').startsWith(origin);
    if (details.tabId === -1 && details.url === target.href && ours && !report) {
      report = details;
      heard();
    }
  };
  const filter = { urls: ['<all_urls>'], tabId: -1 };
  browser.webRequest.onResponseStarted.addListener(listener, filter, ['responseHeaders']);
  browser.webRequest.onBeforeRedirect.addListener(listener, filter, ['responseHeaders']);
  const signal = AbortSignal.timeout(timeoutMs);
  const sentAt = performance.now();
  try {
    const response = await fetch(target.href, {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      signal,
    });
    const ttfbMs = Math.round(performance.now() - sentAt);
    const body = readBody && response.ok ? (await response.text()).slice(0, 65_536) : undefined;
    if (!readBody) void response.body?.cancel().catch(() => undefined);
    // webRequest's event and fetch's answer travel separately: give the event a moment to land.
    await Promise.race([reported, new Promise((resolve) => setTimeout(resolve, REPORT_WAIT_MS))]);
    const answerRefusal = refuseAnswer(target, report?.ip, page);
    if (answerRefusal) return refused(answerRefusal);
    const status = response.type === 'opaqueredirect' ? (report?.statusCode ?? null) : response.status;
    if (status === null) return refused('unreachable');
    return {
      status,
      statusLine: report?.statusLine ?? String(status),
      ttfbMs,
      ip: report?.ip ?? null,
      headers: report?.responseHeaders ?? [...response.headers].map(([name, value]) => ({ name, value })),
      ...(body === undefined ? {} : { body }),
    };
  } catch {
    return refused(signal.aborted ? 'timeout' : 'unreachable');
  } finally {
    browser.webRequest.onResponseStarted.removeListener(listener);
    browser.webRequest.onBeforeRedirect.removeListener(listener);
  }
}
