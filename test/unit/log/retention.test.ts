import { beforeEach, describe, expect, it } from 'vitest';
import { recordCheck, siteChecks } from '@/lib/log/checks';
import { allIncidents, recordIncident } from '@/lib/log/incidents';
import { prune } from '@/lib/log/retention';
import { freshLog } from '../helpers/db';
import { makeCheck, makeIncident } from '../helpers/incidents';

const DAY = 86_400_000;

beforeEach(freshLog);

describe('retention', () => {
  it('deletes incidents past the age limit, then the oldest beyond the count limit', async () => {
    for (let day = 0; day < 10; day++) {
      await recordIncident(makeIncident({ time: day * DAY, lastTime: day * DAY, requestUrl: `https://x.com/${day}` }));
    }
    const now = 10 * DAY;
    expect(await prune(now, 7 * DAY, 1000)).toBe(3);
    expect((await allIncidents()).map((i) => i.time / DAY)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(await prune(now, 7 * DAY, 4)).toBe(3);
    expect((await allIncidents()).map((i) => i.time / DAY)).toEqual([6, 7, 8, 9]);
    expect(await prune(now, 7 * DAY, 4)).toBe(0);
  });

  it('deletes checks past the age limit', async () => {
    for (let day = 0; day < 10; day++) await recordCheck(makeCheck({ time: day * DAY }));
    await prune(10 * DAY, 7 * DAY, 1);
    expect((await siteChecks('example.com')).map((c) => c.time / DAY)).toEqual([9, 8, 7, 6, 5, 4, 3]);
  });
});
