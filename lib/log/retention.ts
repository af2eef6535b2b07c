import { loadSettings, type SettingsArea } from '@/lib/settings';
import { addHourly, countSite, db, siteRange } from './db';
import { fairShares } from './fair-share';
import { MAX_AHEAD_MS } from './limits';
import { HOUR_MS } from './model';

/** The alarm that enforces the log's age and size limits, apart from any write. */
export const RETENTION_ALARM = 'retention';
/** How often retention runs: often enough that the caps hold, rarely enough to cost nothing. */
export const RETENTION_PERIOD_MINUTES = 60;

const DAY_MS = 86_400_000;

/**
 * Enforces retention over every store. Deletes incidents older than `maxAgeMs` before `now`
 * (and any dated more than a day after it, which no clock of ours wrote); then, when more than
 * `maxCount` remain, the oldest of the sites that hold the most, until the sites are as even as
 * the count allows: a site flooded with failures gives up its own incidents, not the others'
 * (./fair-share.ts). Then checks and hourly counts older than `maxAgeMs`. Runs apart from writes
 * (an alarm). Returns how many incidents were deleted.
 * @internal Exported for tests, which set limits below what settings allow.
 */
export async function prune(now: number, maxAgeMs: number, maxCount: number): Promise<number> {
  const database = await db();
  const tx = database.transaction(['incidents', 'hourly', 'sites'], 'readwrite');
  const incidents = tx.objectStore('incidents');
  const total = await incidents.count();
  let deleted = 0;
  // Values, not just keys: each deleted incident's failures leave the hourly counts and its
  // site's row too. (A repeat coalesced across an hour boundary is taken from the first hour:
  // close enough; the hourly rows themselves are pruned by age below.)
  const drop = async (index: 'by-time' | 'by-site', range: IDBKeyRange, limit: number) => {
    let cursor = await incidents.index(index).openCursor(range);
    while (cursor && limit-- > 0) {
      await addHourly(tx, cursor.value, -1);
      await countSite(tx, cursor.value, -1);
      void cursor.delete();
      deleted++;
      cursor = await cursor.continue();
    }
  };
  const expired = IDBKeyRange.upperBound(now - maxAgeMs, true);
  await drop('by-time', expired, Number.POSITIVE_INFINITY);
  await drop('by-time', IDBKeyRange.lowerBound(now + MAX_AHEAD_MS, true), Number.POSITIVE_INFINITY);
  const excess = total - deleted - maxCount;
  if (excess > 0) {
    const sites = await tx.objectStore('sites').getAll();
    const shares = fairShares(
      sites.map((s) => s.count),
      excess,
    );
    for (const [i, site] of sites.entries()) {
      if (shares[i]) await drop('by-site', siteRange(site.site), shares[i] as number);
    }
  }
  const oldHour = Math.floor((now - maxAgeMs) / HOUR_MS);
  let hour = await tx.objectStore('hourly').openCursor();
  while (hour) {
    if (hour.value.hour < oldHour) void hour.delete();
    hour = await hour.continue();
  }
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
