import { browser } from 'wxt/browser';
import { diagnose } from '@/lib/diagnosis/diagnose';
import type { CheckRecord } from '@/lib/log/model';
import { redactUrl } from '@/lib/log/redact';
import { type HttpHeader, pickSafeHeaders } from '@/lib/log/safe-headers';
import { localOffset } from '@/lib/log/time';
import { ownOrigin } from '@/lib/platform/own-origin';
import { loadSettings } from '@/lib/settings';
import { loadSiteOf } from '@/lib/site/psl-browser';

/** A check gives up after this long. */
const CHECK_TIMEOUT_MS = 15_000;

interface Started {
  url: string;
  ip?: string;
  statusLine?: string;
  responseHeaders?: HttpHeader[];
}

/**
 * Requests an address from the background, the way "Check now" and watches do: GET, bypassing
 * the cache, with a timeout. Status and timing come from fetch; the server IP, status line and
 * headers from webRequest, which sees the same request (in no tab, started by us), through a
 * listener that lives only while this check runs. Touches the browser, fetch and the clock;
 * its pure twin is ./check.ts.
 */
export async function checkSite(url: string, kind: CheckRecord['kind']): Promise<CheckRecord> {
  const origin = ownOrigin();
  const { networkLabel } = await loadSettings(browser.storage.local);
  const time = Date.now();
  let seen: Started | undefined;
  let heard: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    heard = resolve;
  });
  const listener = (details: Started & { initiator?: string; tabId: number }) => {
    if (details.tabId === -1 && (details.initiator === origin || details.initiator === undefined)) {
      seen = details;
      heard();
    }
  };
  browser.webRequest.onResponseStarted.addListener(listener, { urls: ['<all_urls>'], tabId: -1 }, ['responseHeaders']);
  const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
  const sentAt = performance.now();
  let status: number | null = null;
  let ttfbMs: number | null = null;
  let error: CheckRecord['error'];
  let fetchHeaders: HttpHeader[] = [];
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'include', signal });
    ttfbMs = Math.round(performance.now() - sentAt);
    status = response.status;
    fetchHeaders = [...response.headers].map(([name, value]) => ({ name, value }));
    void response.body?.cancel().catch(() => undefined);
    // webRequest's event and fetch's answer travel separately: give the event a moment to land.
    await Promise.race([started, new Promise((resolve) => setTimeout(resolve, 1000))]);
  } catch {
    error = signal.aborted ? 'timeout' : 'unreachable';
  } finally {
    browser.webRequest.onResponseStarted.removeListener(listener);
  }
  const headers = pickSafeHeaders(seen?.responseHeaders ?? fetchHeaders);
  const statusLine = seen?.statusLine ?? (status === null ? '' : String(status));
  return {
    time,
    tzOffset: localOffset(time),
    site: (await loadSiteOf())(url),
    url: redactUrl(url),
    status,
    statusLine,
    ...(error ? { error } : {}),
    ttfbMs,
    ip: seen?.ip ?? null,
    headers,
    diagnosis: diagnose({ status: status ?? 0, statusLine, headers, url }, time),
    networkLabel,
    kind,
  };
}
