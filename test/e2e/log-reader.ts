import type { Page } from 'playwright-core';
import { openExtensionPage, type Session } from './harness';

/** The fields of a logged incident the tests read. */
export interface LoggedIncident {
  site: string;
  status: number;
  count: number;
  pageUrl: string;
  requestUrl: string;
  headers: Record<string, string>;
  /** A network error's record (lib/log/model.ts). */
  network?: { error: string; phase: string; type: string; elapsed_time: number | null; server_ip: string };
}

/**
 * Reads the extension's log straight from its IndexedDB, from an extension page, without
 * taking part in it: the database is opened at whatever version it has, a missing one is
 * never created (the upgrade is aborted), and every connection is closed at once, so the
 * extension's own opening and upgrading go on as if no one looked.
 */
export class LogReader {
  private constructor(readonly page: Page) {}

  static async open(session: Session): Promise<LogReader> {
    return new LogReader(await openExtensionPage(session, 'options.html'));
  }

  /** A reader on an extension page already open (a browser started without a Session). */
  static on(page: Page): LogReader {
    return new LogReader(page);
  }

  /** Every incident in the log; empty when there is no log yet. */
  incidents(): Promise<LoggedIncident[]> {
    return this.all<LoggedIncident>('incidents');
  }

  /** Every check in the log ("Check now" and watches); empty when there is no log yet. */
  checks(): Promise<{ site: string; url: string; status: number | null }[]> {
    return this.all('checks');
  }

  /** Everything in one of the log's stores. */
  private all<T>(store: string): Promise<T[]> {
    return this.page.evaluate(
      ([name, store]) =>
        new Promise<T[]>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onupgradeneeded = () => request.transaction?.abort();
          request.onerror = (event) => {
            event.preventDefault();
            if (request.error?.name === 'AbortError') resolve([]);
            else reject(request.error);
          };
          request.onsuccess = () => {
            const db = request.result;
            if (!db.objectStoreNames.contains(store)) {
              db.close();
              resolve([]);
              return;
            }
            const all = db.transaction(store).objectStore(store).getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error);
            db.close(); // takes effect once the read is done
          };
        }),
      ['5xx-explainer', store] as const,
    );
  }

  /** How many failures one site has in the log (coalesced repeats counted in full). */
  async failures(site: string): Promise<number> {
    return (await this.incidents()).filter((i) => i.site === site).reduce((n, i) => n + i.count, 0);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
