// The extension's IndexedDB log, read and written from one of its own pages with raw IndexedDB.
// The evaluated callbacks hold no named inner functions: tsx would wrap them in a helper the
// page does not have.
import type { Page } from 'playwright-core';
import { DB_NAME } from '../../lib/log/db';
import type { Incident } from '../../lib/log/model';
import { type BenchBrowser, poll } from './browser';

/** What the popup shows once it has read the log: the site table, the empty state, or an error. */
export const POPUP_READY = 'table.sites, .empty, [role="alert"]';

/**
 * Opens popup.html in a tab and waits until it has read the log, which also means the
 * extension's own code has created the database at its current version. Every raw open below
 * relies on that: it refuses to create or upgrade the database itself.
 */
export async function openLogPage(browser: BenchBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector(POPUP_READY, { timeout: 15_000 });
  return page;
}

/** How many failures the log accounts for: the sum of `count` (repeats coalesce). */
export function loggedFailures(page: Page): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('incidents').objectStore('incidents').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { count: number }[]).reduce((sum, incident) => sum + incident.count, 0));
          };
        };
      }),
    DB_NAME,
  );
}

/** Empties the log. */
export function clearLog(page: Page): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('incidents', 'readwrite');
          tx.objectStore('incidents').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
}

/** Waits until the log accounts for at least `failures`; polls every `interval` ms. */
export function waitForLogged(page: Page, failures: number, timeout: number, interval: number): Promise<number> {
  return poll(
    `${failures} failures in the log`,
    async () => {
      const logged = await loggedFailures(page);
      return logged >= failures ? logged : null;
    },
    timeout,
    interval,
  );
}

/**
 * Writes `count` incidents in one transaction, made from `templates` as `sampleIncident`
 * makes them (one a minute from `start`, each with its own request URL), every 50th one on
 * `here` (the site and page of a tab the popup will be asked about). Returns the store's count.
 */
export function seedLog(
  page: Page,
  seed: { templates: readonly Incident[]; count: number; start: number; here: { site: string; pageUrl: string } },
): Promise<number> {
  return page.evaluate(
    ({ name, templates, count, start, here }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // The log's derived stores (lib/db.ts: per-site rows, hourly counts) are written in
          // step, as the extension's own writes keep them.
          const tx = db.transaction(['incidents', 'sites', 'hourly'], 'readwrite');
          const store = tx.objectStore('incidents');
          const sites = new Map<string, { site: string; count: number; last: number }>();
          const hourly = new Map<string, { site: string; hour: number; status: number; count: number }>();
          for (let i = 0; i < count; i++) {
            const template = templates[i % templates.length] as Incident;
            const time = start + i * 60_017;
            const separator = template.requestUrl.includes('?') ? '&' : '?';
            const incident = {
              ...template,
              time,
              lastTime: time,
              requestUrl: `${template.requestUrl}${separator}n=${i}`,
              ...(i % 50 === 0 ? here : {}),
            };
            store.add(incident);
            const row = sites.get(incident.site) ?? { site: incident.site, count: 0, last: 0 };
            sites.set(incident.site, { ...row, count: row.count + 1, last: Math.max(row.last, time) });
            const hour = Math.floor(time / 3_600_000);
            const key = `${incident.site} ${hour} ${incident.status}`;
            const h = hourly.get(key) ?? { site: incident.site, hour, status: incident.status, count: 0 };
            hourly.set(key, { ...h, count: h.count + incident.count });
          }
          for (const row of sites.values()) tx.objectStore('sites').put(row);
          for (const row of hourly.values()) tx.objectStore('hourly').put(row);
          const total = store.count();
          tx.oncomplete = () => {
            db.close();
            resolve(total.result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DB_NAME, templates: [...seed.templates], count: seed.count, start: seed.start, here: seed.here },
  );
}
