import { beforeEach, describe, expect, it } from 'vitest';
import { recordCheck, siteChecks } from '@/lib/log/checks';
import { clearAll, clearSite } from '@/lib/log/clear';
import { allIncidents, recordIncident } from '@/lib/log/incidents';
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
