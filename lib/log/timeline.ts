/**
 * The colour groups of the chart: the common codes each on their own, the rest together, and
 * network errors (status 0: no response at all).
 */
export const CODE_GROUPS = ['500', '502', '503', '504', 'other', 'network'] as const;
export type CodeGroup = (typeof CODE_GROUPS)[number];

function codeGroup(status: number): CodeGroup {
  if (status === 0) return 'network';
  const key = String(status);
  return (CODE_GROUPS as readonly string[]).includes(key) ? (key as CodeGroup) : 'other';
}

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
