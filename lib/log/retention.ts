import { loadSettings, type SettingsArea } from '@/lib/settings';
import { addHourly, countSite, db } from './db';

/** The alarm that enforces the log's age and size limits, apart from any write. */
export const RETENTION_ALARM = 'retention';
/** How often retention runs: often enough that the caps hold, rarely enough to cost nothing. */
export const RETENTION_PERIOD_MINUTES = 60;

const DAY_MS = 86_400_000;

/**
 * Enforces retention over every store: deletes incidents older than `maxAgeMs` before `now`,
 * then the oldest beyond `maxCount`; then checks older than `maxAgeMs` (the count is the
 * incidents'). Runs apart from writes (an alarm). Returns how many incidents were deleted.
 * @internal Exported for tests, which set limits below what settings allow.
 */
export async function prune(now: number, maxAgeMs: number, maxCount: number): Promise<number> {
  const database = await db();
  const tx = database.transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  const incidents = tx.objectStore('incidents');
  const index = incidents.index('by-time');
  const total = await incidents.count();
  const expired = IDBKeyRange.upperBound(now - maxAgeMs, true);
  let deleted = 0;
  // Values, not just keys: each deleted incident's failures leave the hourly counts and its
  // site's row too. (A repeat coalesced across an hour boundary is taken from the first hour:
  // close enough.)
  const drop = async (range: IDBKeyRange, limit: number) => {
    let cursor = await index.openCursor(range);
    while (cursor && limit-- > 0) {
      await addHourly(tx, cursor.value, -1);
      await countSite(tx, cursor.value, -1);
      void cursor.delete();
      deleted++;
      cursor = await cursor.continue();
    }
  };
  await drop(expired, Number.POSITIVE_INFINITY);
  const excess = total - deleted - maxCount;
  if (excess > 0) await drop(IDBKeyRange.lowerBound(now - maxAgeMs), excess);
  await tx.done;
  const checks = database.transaction('checks', 'readwrite').store;
  let check = await checks.index('by-time').openKeyCursor(expired);
  while (check) {
    void checks.delete(check.primaryKey);
    check = await check.continue();
  }
  await checks.transaction.done;
  return deleted;
}

/** Deletes what the person's limits say to; how many incidents went. */
export async function enforceRetention(area: SettingsArea, now: number): Promise<number> {
  const { retentionDays, retentionCount } = await loadSettings(area);
  return prune(now, retentionDays * DAY_MS, retentionCount);
}
