import { loadSettings, type SettingsArea } from '@/lib/settings';
import { prune } from './incidents';

/** The alarm that enforces the log's age and size limits, apart from any write. */
export const RETENTION_ALARM = 'retention';
/** How often retention runs: often enough that the caps hold, rarely enough to cost nothing. */
export const RETENTION_PERIOD_MINUTES = 60;

const DAY_MS = 86_400_000;

/** Deletes what the person's limits say to; how many incidents went. */
export async function enforceRetention(area: SettingsArea, now: number): Promise<number> {
  const { retentionDays, retentionCount } = await loadSettings(area);
  return prune(now, retentionDays * DAY_MS, retentionCount);
}
