import { beforeEach, describe, expect, it } from 'vitest';
import { recordCheck, siteChecks } from '@/lib/log/checks';
import { addIncidents, allIncidents, hourlyCounts, recordIncident } from '@/lib/log/incidents';
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

  it('makes room from the sites that hold the most: a flooded site cannot push the others out', async () => {
    const flood = Array.from({ length: 300 }, (_, i) =>
      makeIncident({
        time: DAY + i,
        lastTime: DAY + i,
        site: 'flood.example',
        requestUrl: `https://flood.example/${i}`,
      }),
    );
    // The other sites' incidents are older than the whole flood: by age alone they would go first.
    const others = ['a.example', 'b.example', 'c.example'].flatMap((site, s) =>
      Array.from({ length: 5 }, (_, i) =>
        makeIncident({ time: i + s * 10, lastTime: i + s * 10, site, requestUrl: `https://${site}/${i}` }),
      ),
    );
    await addIncidents([...others, ...flood]);
    expect(await prune(2 * DAY, 7 * DAY, 100)).toBe(215);
    const left = await allIncidents();
    expect(left).toHaveLength(100);
    for (const site of ['a.example', 'b.example', 'c.example']) {
      expect(left.filter((i) => i.site === site)).toHaveLength(5);
    }
    // The flooded site kept its newest.
    expect(left.filter((i) => i.site === 'flood.example').map((i) => i.time - DAY)).toEqual(
      Array.from({ length: 85 }, (_, i) => 215 + i),
    );
  });

  it('evens out sites that are all over their share', async () => {
    const site = (name: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        makeIncident({ time: DAY + i, lastTime: DAY + i, site: name, requestUrl: `https://${name}/${i}` }),
      );
    await addIncidents([...site('a.example', 60), ...site('b.example', 50), ...site('c.example', 10)]);
    await prune(2 * DAY, 7 * DAY, 100);
    const count = async (name: string) => (await allIncidents()).filter((i) => i.site === name).length;
    expect([await count('a.example'), await count('b.example'), await count('c.example')]).toEqual([45, 45, 10]);
  });

  it('deletes incidents dated after tomorrow, which no clock of ours wrote, and their hourly counts', async () => {
    await addIncidents([
      makeIncident({ time: 8.64e15, lastTime: 8.64e15 }),
      makeIncident({ time: DAY, lastTime: DAY }),
    ]);
    expect(await prune(DAY, 7 * DAY, 1000)).toBe(1);
    expect((await allIncidents()).map((i) => i.time)).toEqual([DAY]);
    expect((await hourlyCounts('example.com')).map((h) => h.hour)).toEqual([24]);
  });

  it('deletes hourly counts past the age limit, even those no incident accounts for', async () => {
    // A repeat coalesced across an hour boundary: its second hour's count outlives the incident.
    const first = makeIncident({ time: 3_590_000, lastTime: 3_590_000 });
    await recordIncident(first);
    await recordIncident({ ...first, time: 3_610_000, lastTime: 3_610_000 });
    expect((await hourlyCounts('example.com')).map((h) => [h.hour, h.count])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    await prune(10 * DAY, 7 * DAY, 1000);
    expect(await hourlyCounts('example.com')).toEqual([]);
  });
});
