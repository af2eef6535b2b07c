import { describe, expect, it } from 'vitest';
import { axisTicks, bucketize } from '@/lib/log/timeline';

describe('timeline buckets', () => {
  it('spreads failures over equal buckets, counted in full, grouped by code', () => {
    const points = [
      { time: 0, status: 502, count: 1 },
      { time: 9, status: 502, count: 3 },
      { time: 10, status: 503, count: 1 },
      { time: 39, status: 599, count: 2 },
      { time: 40, status: 500, count: 1 },
      { time: 41, status: 500, count: 9 },
      // A network error: no response, status 0.
      { time: 25, status: 0, count: 2 },
    ];
    const buckets = bucketize(points, 0, 40, 4);
    expect(buckets.map((b) => b.total)).toEqual([4, 1, 2, 3]);
    expect(buckets[0]?.counts['502']).toBe(4);
    expect(buckets[2]?.counts.network).toBe(2);
    expect(buckets[3]?.counts).toEqual({ '500': 1, '502': 0, '503': 0, '504': 0, other: 2, network: 0 });
  });

  it.each([
    [500, '500'],
    [504, '504'],
    [522, 'other'],
    [501, 'other'],
  ])('%i is charted as %s', (status, group) => {
    const [bucket] = bucketize([{ time: 1, status, count: 1 }], 0, 2, 1);
    expect(bucket?.counts[group as keyof typeof bucket.counts]).toBe(1);
  });
});

describe('the time axis', () => {
  const H = 3_600_000;
  const now = Date.UTC(2026, 10, 27, 22, 41, 7);

  it.each([
    ['the last 24 hours, every 6 hours on the clock', 24 * H, 0, ['00:00', '06:00', '12:00', '18:00']],
    // Local 06:00, 12:00, 18:00, 00:00 there are these times in UTC.
    ['the same in a zone 5:30 ahead', 24 * H, 330, ['00:30', '06:30', '12:30', '18:30']],
    ['the last hour, every 15 minutes', H, 0, ['21:45', '22:00', '22:15', '22:30']],
  ])('labels %s', (_, span, offset, expected) => {
    const ticks = axisTicks(now - span, now, offset);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(expected);
    for (const tick of ticks) expect(tick).toBeGreaterThanOrEqual(now - span);
  });

  it('labels days over a week, and at most five of anything', () => {
    const ticks = axisTicks(now - 7 * 24 * H, now, 0);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(new Set(ticks.map((t) => new Date(t).toISOString().slice(11)))).toEqual(new Set(['00:00:00.000Z']));
    expect(axisTicks(now - 400 * 24 * H, now, 0).length).toBeLessThanOrEqual(5);
  });
});
