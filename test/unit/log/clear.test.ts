import { beforeEach, describe, expect, it } from 'vitest';
import { recordCheck, siteChecks } from '@/lib/log/checks';
import { clearAll, clearSite } from '@/lib/log/clear';
import { db, STORES } from '@/lib/log/db';
import { allIncidents, incidentById, recordIncident, refineIncident } from '@/lib/log/incidents';
import { freshLog } from '../helpers/db';
import { makeCheck, makeIncident } from '../helpers/incidents';

beforeEach(freshLog);

describe('clearing', () => {
  it('clears one site, then everything', async () => {
    await recordIncident(makeIncident({ site: 'a.com', requestUrl: 'https://a.com/' }));
    await recordIncident(makeIncident({ site: 'b.com', requestUrl: 'https://b.com/' }));
    await clearSite('a.com');
    expect((await allIncidents()).map((i) => i.site)).toEqual(['b.com']);
    await clearAll();
    expect(await allIncidents()).toEqual([]);
  });

  it('leaves nothing of what a cleared site’s error page said, even after its text was refined in', async () => {
    const said = 'Sorry, the shop is down for maintenance.';
    const id = await recordIncident(makeIncident({ site: 'a.com', requestUrl: 'https://a.com/' }));
    const incident = makeIncident({ site: 'a.com', requestUrl: 'https://a.com/' });
    await refineIncident(id, { diagnosis: incident.diagnosis, pageText: said });
    expect((await incidentById(id))?.pageText).toBe(said);
    await clearSite('a.com');
    const database = await db();
    for (const store of STORES) expect(JSON.stringify(await database.getAll(store))).not.toContain('maintenance');
  });

  it('takes the site’s checks with it, and leaves other sites’ checks alone', async () => {
    await recordCheck(makeCheck({ site: 'a.com' }));
    await recordCheck(makeCheck({ site: 'b.com' }));
    await clearSite('a.com');
    expect(await siteChecks('a.com')).toEqual([]);
    expect(await siteChecks('b.com')).toHaveLength(1);
    await clearAll();
    expect(await siteChecks('b.com')).toEqual([]);
  });
});
