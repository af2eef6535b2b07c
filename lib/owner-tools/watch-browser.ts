import { browser } from 'wxt/browser';
import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { t, uiLanguage } from '@/lib/i18n/translate';
import { recordCheck } from '@/lib/log/checks';
import { formatTime } from '@/lib/log/time';
import { loadSiteOf } from '@/lib/site/psl-browser';
import { isLogged, isUp } from './check';
import { checkSite } from './check-browser';
import type { PageFacts } from './outbound';
import {
  clampInterval,
  MAX_WATCH_MS,
  plausibleWatch,
  pushEvent,
  type Watch,
  type WatchEvent,
  watchAlarm,
  watchTarget,
  watchTransition,
} from './watch';

/**
 * Watches in the browser: the list in storage.local, the schedule on alarms, notifications.
 * Touches the browser and the clock; the rules are ./watch.ts. Each run is a check through
 * ./outbound-browser.ts like any other.
 */

const KEY = 'watches';
const EVENTS = 'watchEvents';

/** What a watch's check is made for: the watched page, and the IP it is known to be served from. */
export type PageFactsOf = (url: string) => Promise<PageFacts>;

/** A list kept in storage.local; empty when there is none. */
async function stored<T>(key: string): Promise<T[]> {
  const value = (await browser.storage.local.get(key))[key];
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The changes watches found, newest first. */
export const watchEvents = () => stored<WatchEvent>(EVENTS);

/** The sites being watched. */
export const listWatches = () => stored<Watch>(KEY);

async function save(watches: Watch[]): Promise<void> {
  await browser.storage.local.set({ [KEY]: watches });
}

/**
 * Starts watching a page's site: a check now, then one every `intervalMinutes` on an alarm,
 * until `durationMinutes` have passed. The list lives in storage and the schedule in alarms, so
 * a stopped worker or a browser restart loses nothing (see restoreWatches). One watch a site:
 * a new one replaces the old. Null when the address cannot be watched.
 */
export async function startWatch(
  url: string,
  intervalMinutes: number,
  durationMinutes: number,
  facts: PageFactsOf,
): Promise<Watch | null> {
  const target = watchTarget(url);
  if (!target) return null;
  const interval = clampInterval(intervalMinutes);
  const watch: Watch = {
    url: target,
    site: (await loadSiteOf())(target),
    intervalMinutes: interval,
    until: Date.now() + Math.min(MAX_WATCH_MS, Math.max(interval, Number(durationMinutes) || 0) * 60_000),
    lastOk: null,
  };
  await save([...(await listWatches()).filter((w) => w.site !== watch.site), watch]);
  await browser.alarms.create(watchAlarm(watch.site), { delayInMinutes: interval, periodInMinutes: interval });
  await runWatch(watch.site, facts);
  return (await listWatches()).find((w) => w.site === watch.site) ?? watch;
}

export async function stopWatch(site: string): Promise<void> {
  await browser.alarms.clear(watchAlarm(site));
  await save((await listWatches()).filter((w) => w.site !== site));
}

/**
 * Puts back any alarm a browser restart dropped (Chrome does not promise to keep them), and
 * brings watches an older version kept (named and scheduled by their full address) to the
 * current form: their address redacted, their alarm named by site.
 */
export async function restoreWatches(): Promise<void> {
  const siteOf = await loadSiteOf();
  const bySite = new Map<string, Watch>();
  for (const watch of await listWatches()) {
    const url = watchTarget(watch.url);
    if (url && plausibleWatch(watch, Date.now())) {
      bySite.set(siteOf(url), {
        ...watch,
        url,
        site: siteOf(url),
        intervalMinutes: clampInterval(watch.intervalMinutes),
      });
    }
  }
  await save([...bySite.values()]);
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith('watch:') && !bySite.has(alarm.name.slice('watch:'.length))) {
      await browser.alarms.clear(alarm.name);
    }
  }
  for (const watch of bySite.values()) {
    if (!(await browser.alarms.get(watchAlarm(watch.site)))) {
      await browser.alarms.create(watchAlarm(watch.site), {
        delayInMinutes: 1,
        periodInMinutes: watch.intervalMinutes,
      });
    }
  }
}

async function notify(watch: Watch, kind: 'failed' | 'recovered', status: number | null, time: number): Promise<void> {
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const answer = status === null ? '—' : `${status} ${codeMeaning(status).name}`;
  const at = formatTime(time, 'clock', { utc: false, locale: uiLanguage() });
  await browser.notifications.create(`${watchAlarm(watch.site)}:${kind}:${time}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t(kind === 'failed' ? 'notify_failed_title' : 'notify_recovered_title', watch.site),
    message: t(kind === 'failed' ? 'notify_failed_body' : 'notify_recovered_body', answer, at),
  });
}

/**
 * One watch check (from its alarm, or at the start): log it, notify on a change, end when due.
 * A check that was not made (refused, or the site's rate used up) changes nothing.
 */
export async function runWatch(site: string, facts: PageFactsOf): Promise<void> {
  const watch = (await listWatches()).find((w) => w.site === site);
  if (!watch) {
    await browser.alarms.clear(watchAlarm(site));
    return;
  }
  if (!plausibleWatch(watch, Date.now())) {
    await stopWatch(site);
    return;
  }
  const check = await checkSite(watch.url, 'watch', await facts(watch.url));
  if (!isLogged(check)) return;
  await recordCheck(check).catch(() => undefined);
  const ok = isUp(check);
  const change = watchTransition(watch.lastOk, ok);
  await save((await listWatches()).map((w) => (w.site === site ? { ...w, lastOk: ok } : w)));
  if (!change) return;
  const event: WatchEvent = { url: watch.url, site, kind: change, status: check.status, time: check.time };
  await browser.storage.local.set({ [EVENTS]: pushEvent(await watchEvents(), event) });
  await notify(watch, change, check.status, check.time);
}
