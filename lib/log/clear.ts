import { db, STORES, siteRange } from './db';

/**
 * "Clear this site": deletes one site's incidents, hourly counts, row and checks, in one
 * transaction over every store.
 */
export async function clearSite(site: string): Promise<void> {
  const tx = (await db()).transaction(STORES, 'readwrite');
  for (const name of ['incidents', 'checks'] as const) {
    const store = tx.objectStore(name);
    let cursor = await store.index('by-site').openKeyCursor(siteRange(site));
    while (cursor) {
      void store.delete(cursor.primaryKey);
      cursor = await cursor.continue();
    }
  }
  void tx
    .objectStore('hourly')
    .delete(IDBKeyRange.bound([site, 0, 0], [site, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]));
  void tx.objectStore('sites').delete(site);
  await tx.done;
}

/** "Clear everything": empties every store. */
export async function clearAll(): Promise<void> {
  const tx = (await db()).transaction(STORES, 'readwrite');
  for (const name of STORES) void tx.objectStore(name).clear();
  await tx.done;
}
