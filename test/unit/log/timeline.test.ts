import { describe, expect, it } from 'vitest';
import { bucketize } from '@/lib/log/timeline';

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
