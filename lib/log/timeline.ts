import { type CodeGroup, codeGroup } from './palette';

/** One bar of the chart: failures (coalesced repeats counted in full) per code group. */
export interface Bucket {
  start: number;
  end: number;
  counts: Record<CodeGroup, number>;
  total: number;
}

function empty(start: number, end: number): Bucket {
  return { start, end, counts: { '500': 0, '502': 0, '503': 0, '504': 0, other: 0, network: 0 }, total: 0 };
}

/** Failures at a time: an incident (its repeats are within a minute), or an hour's count. */
export interface Point {
  time: number;
  status: number;
  count: number;
}

/** Spreads failures over `count` equal buckets from `since` to `until`. */
export function bucketize(incidents: readonly Point[], since: number, until: number, count: number): Bucket[] {
  const width = Math.max(1, (until - since) / count);
  const buckets = Array.from({ length: count }, (_, i) => empty(since + i * width, since + (i + 1) * width));
  for (const incident of incidents) {
    if (incident.time < since || incident.time > until) continue;
    const bucket = buckets[Math.min(count - 1, Math.floor((incident.time - since) / width))] as Bucket;
    bucket.counts[codeGroup(incident.status)] += incident.count;
    bucket.total += incident.count;
  }
  return buckets;
}

/** The time ranges the log can be filtered by, in milliseconds (null: everything). */
export const RANGES = { hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000, all: null } as const;
export type RangeKey = keyof typeof RANGES;

const MINUTE = 60_000;
/** The steps a time axis may take between labels, shortest first: 5 minutes to a week. */
const STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MINUTE);

/**
 * Where a time axis from `since` to `until` gets its labels: at whole steps on the clock of a
 * zone `offsetMinutes` east of UTC (every 6 hours over a day: 00:00, 06:00…), at most `max`.
 */
export function axisTicks(since: number, until: number, offsetMinutes: number, max = 5): number[] {
  const span = Math.max(1, until - since);
  const step = STEPS.find((s) => span / s <= max) ?? Math.ceil(span / max / (1440 * MINUTE)) * 1440 * MINUTE;
  const offset = offsetMinutes * MINUTE;
  const ticks: number[] = [];
  for (let tick = Math.ceil((since + offset) / step) * step - offset; tick <= until; tick += step) ticks.push(tick);
  return ticks;
}
