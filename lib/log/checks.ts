import type { CheckRecord } from '@/lib/owner-tools/check';
import { db } from './db';

/** Stores a check result; its id. */
export async function recordCheck(check: CheckRecord): Promise<number> {
  return (await db()).add('checks', check);
}

/** One site's checks, newest first, at most `limit`. */
export async function siteChecks(site: string, limit = 200): Promise<CheckRecord[]> {
  const range = IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, Number.POSITIVE_INFINITY]);
  const out: CheckRecord[] = [];
  let cursor = await (await db()).transaction('checks').store.index('by-site').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Deletes one site's checks (with "Clear this site"), or all of them. */
export async function clearChecks(site?: string): Promise<void> {
  const tx = (await db()).transaction('checks', 'readwrite');
  if (site === undefined) {
    await tx.store.clear();
  } else {
    const range = IDBKeyRange.bound([site, Number.NEGATIVE_INFINITY], [site, Number.POSITIVE_INFINITY]);
    let cursor = await tx.store.index('by-site').openKeyCursor(range);
    while (cursor) {
      void tx.store.delete(cursor.primaryKey);
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}
