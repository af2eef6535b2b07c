import { browser } from 'wxt/browser';
import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { t } from '@/lib/i18n/translate';
import { recordCheck } from '@/lib/log/checks';
import { loadSiteOf } from '@/lib/site/psl-browser';
import { isUp } from './check';
import { checkSite } from './check-browser';
import { clampInterval, pushEvent, type Watch, type WatchEvent, watchAlarm, watchTransition } from './watch';

/**
 * Watches in the browser: the list in storage.local, the schedule on alarms, notifications.
 * Touches the browser and the clock; the rules are ./watch.ts.
 */

const KEY = 'watches';
const EVENTS = 'watchEvents';

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
 * Starts watching an address: a check now, then one every `intervalMinutes` on an alarm, until
 * `durationMinutes` have passed. The list lives in storage and the schedule in alarms, so a
 * stopped worker or a browser restart loses nothing (see restoreWatches).
 */
export async function startWatch(url: string, intervalMinutes: number, durationMinutes: number): Promise<Watch> {
  const interval = clampInterval(intervalMinutes);
  const watch: Watch = {
    url,
    site: (await loadSiteOf())(url),
    intervalMinutes: interval,
    until: Date.now() + Math.max(interval, durationMinutes) * 60_000,
    lastOk: null,
  };
  await save([...(await listWatches()).filter((w) => w.url !== url), watch]);
  await browser.alarms.create(watchAlarm(url), { delayInMinutes: interval, periodInMinutes: interval });
  await runWatch(url);
  return (await listWatches()).find((w) => w.url === url) ?? watch;
}

export async function stopWatch(url: string): Promise<void> {
  await browser.alarms.clear(watchAlarm(url));
  await save((await listWatches()).filter((w) => w.url !== url));
}

/** Puts back any alarm a browser restart dropped (Chrome does not promise to keep them). */
export async function restoreWatches(): Promise<void> {
  for (const watch of await listWatches()) {
    if (Date.now() > watch.until) await stopWatch(watch.url);
    else if (!(await browser.alarms.get(watchAlarm(watch.url)))) {
      await browser.alarms.create(watchAlarm(watch.url), { delayInMinutes: 1, periodInMinutes: watch.intervalMinutes });
    }
  }
}

async function notify(watch: Watch, kind: 'failed' | 'recovered', status: number | null, time: number): Promise<void> {
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const answer = status === null ? '—' : `${status} ${codeMeaning(status).name}`;
  const at = new Date(time).toLocaleTimeString();
  await browser.notifications.create(`${watchAlarm(watch.url)}:${kind}:${time}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t(kind === 'failed' ? 'notify_failed_title' : 'notify_recovered_title', watch.site),
    message: t(kind === 'failed' ? 'notify_failed_body' : 'notify_recovered_body', answer, at),
  });
}

/** One watch check (from its alarm, or at the start): log it, notify on a change, end when due. */
export async function runWatch(url: string): Promise<void> {
  const watch = (await listWatches()).find((w) => w.url === url);
  if (!watch) {
    await browser.alarms.clear(watchAlarm(url));
    return;
  }
  if (Date.now() > watch.until) {
    await stopWatch(url);
    return;
  }
  const check = await checkSite(url, 'watch');
  await recordCheck(check).catch(() => undefined);
  const ok = isUp(check);
  const change = watchTransition(watch.lastOk, ok);
  await save((await listWatches()).map((w) => (w.url === url ? { ...w, lastOk: ok } : w)));
  if (!change) return;
  const event: WatchEvent = { url, site: watch.site, kind: change, status: check.status, time: check.time };
  await browser.storage.local.set({ [EVENTS]: pushEvent(await watchEvents(), event) });
  await notify(watch, change, check.status, check.time);
}
