import { isIpHost, isLocalHost, isLocalIp } from './local-address';

/**
 * The rules for every request the extension makes on a page's behalf: Check now, each step of
 * reload when it's back, each run of a watch, and status-page lookups. A page is the attacker:
 * it chooses its own address, its redirects and its DNS answers, and it would like the
 * extension to reach what it cannot (the person's LAN, their logged-in sessions). So:
 *
 * - only http(s), without the credentials or fragment of the address;
 * - no cookies or other credentials, and no redirect followed (./outbound-browser.ts);
 * - nothing on this machine or a local network unless the page itself is there: by the
 *   address's host (any spelling of an IP, `localhost`, `*.local`…), and again by the IP the
 *   browser connected to, so a public name that resolves to a local address (DNS rebinding)
 *   gets no answer;
 * - at most RATE_MAX requests a site per RATE_WINDOW_MS.
 *
 * Pure: ./outbound-browser.ts makes the request and keeps the rate in storage.session.
 */

/**
 * Requests one site may receive from us in RATE_WINDOW_MS, whatever asks for them.
 * @internal Exported for tests.
 */
export const RATE_MAX = 6;
/** @internal Exported for tests. */
export const RATE_WINDOW_MS = 60_000;

/** Why a request was not made, or its answer not used. */
export type Refusal = 'scheme' | 'local' | 'rebinding' | 'limited';

/** The page a request is made for: where the person is (or was), and the IP it was served from when known. */
export interface PageFacts {
  url: string;
  /** The server IP the browser used for the page's host, from its own log; null when unknown. */
  ip: string | null;
}

/** Whether the page itself is on this machine or a local network. */
function pageIsLocal(page: PageFacts): boolean {
  try {
    if (isLocalHost(new URL(page.url).hostname)) return true;
  } catch {
    return false;
  }
  return page.ip !== null && isLocalIp(page.ip);
}

/**
 * The address to request: http(s) only, without credentials or fragment; null when it is
 * none. What is requested is exactly this, never a redirect's target.
 */
export function requestTarget(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.username = '';
  url.password = '';
  url.hash = '';
  return url;
}

/** Why a request to `target` for `page` must not be made; null when it may. */
export function refuseTarget(target: URL | null, page: PageFacts): Refusal | null {
  if (!target) return 'scheme';
  if (isLocalHost(target.hostname) && !pageIsLocal(page)) return 'local';
  return null;
}

/**
 * Why an answer must be thrown away: a name that resolved to this machine or a local network
 * when the page is not there itself. The request has gone out by then (the browser tells the
 * IP only once connected), without credentials; its answer tells the page nothing.
 */
export function refuseAnswer(target: URL, ip: string | null | undefined, page: PageFacts): Refusal | null {
  if (isIpHost(target.hostname) || pageIsLocal(page)) return null;
  if (ip === undefined || ip === null) return 'rebinding';
  return isLocalIp(ip) ? 'rebinding' : null;
}

/**
 * One more request to a site, if its recent ones (epoch ms, any order) leave room: the
 * times to keep, and whether this one may go.
 */
export function takeSlot(recent: readonly number[], now: number): { allowed: boolean; recent: number[] } {
  const kept = recent.filter((t) => t > now - RATE_WINDOW_MS && t <= now);
  if (kept.length >= RATE_MAX) return { allowed: false, recent: kept };
  return { allowed: true, recent: [...kept, now] };
}
