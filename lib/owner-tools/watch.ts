import { redactUrl } from '@/lib/log/redact';

/** A site being watched: checked on an alarm until `until`. Kept in storage.local, one per site. */
export interface Watch {
  /** What is checked: the page's address as the log keeps it, without its query (watchTarget). */
  url: string;
  site: string;
  intervalMinutes: number;
  /** Epoch ms when the watch ends by itself. */
  until: number;
  /** Whether the last check worked; null before the first. */
  lastOk: boolean | null;
}

/** The longest a watch lives: a day. */
export const MAX_WATCH_MS = 86_400_000;

/**
 * Whether a stored watch is one this extension could have made: it ends within a day from now.
 * (In Firefox a content script can write storage.local: what is read back is not trusted more.)
 */
export function plausibleWatch(watch: Watch, now: number): boolean {
  return Number.isFinite(watch.until) && watch.until >= now && watch.until <= now + MAX_WATCH_MS;
}

/** The interval a person may choose: at least a minute, at most a day. */
export function clampInterval(minutes: number): number {
  return Math.min(1440, Math.max(1, Math.round(Number.isFinite(minutes) ? minutes : 5)));
}

/** What a new check means for the person: a failure starts, the site recovers, or nothing new. */
export function watchTransition(lastOk: boolean | null, ok: boolean): 'failed' | 'recovered' | null {
  if (!ok && lastOk !== false) return 'failed';
  if (ok && lastOk === false) return 'recovered';
  return null;
}

/** The alarm name of a site's watch: the site, never the address (an alarm name is no place for one). */
export function watchAlarm(site: string): string {
  return `watch:${site}`;
}

/**
 * What a watch keeps and checks of a page's address: redacted, without its query or fragment.
 * Whether a site answers does not depend on a token in the address, and a watch lives a day.
 */
export function watchTarget(url: string): string | null {
  const redacted = redactUrl(url);
  if (!/^https?:/.test(redacted)) return null;
  const target = new URL(redacted);
  return `${target.origin}${target.pathname}`;
}

/** A change a watch found, kept (the last 20) so the popup can show it even without notifications. */
export interface WatchEvent {
  url: string;
  site: string;
  kind: 'failed' | 'recovered';
  status: number | null;
  time: number;
}

/** Adds an event to the kept list, newest first, at most `max`. */
export function pushEvent(events: readonly WatchEvent[], event: WatchEvent, max = 20): WatchEvent[] {
  return [event, ...events].slice(0, max);
}
