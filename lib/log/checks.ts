import { db, siteRange } from './db';
import type { CheckRecord } from './model';

/** Stores a check result; its id. */
export async function recordCheck(check: CheckRecord): Promise<number> {
  return (await db()).add('checks', check);
}

/** One site's checks, newest first, at most `limit`. */
export async function siteChecks(site: string, limit = 200): Promise<CheckRecord[]> {
  const out: CheckRecord[] = [];
  let cursor = await (await db()).transaction('checks').store.index('by-site').openCursor(siteRange(site), 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
