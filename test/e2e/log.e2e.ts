import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BURST_CALLS, BURST_URLS } from '../lab/scenarios';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

interface Exported {
  incidents: { site: string; status: number; count: number; requestUrl: string; source: string }[];
}

describe('the log after a burst', () => {
  it('accounts for every failure, shows the timeline, and exports JSON, CSV and HAR', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('burst.test'));
    await expect.poll(() => page.locator('#done').textContent(), { timeout: 30_000 }).toBe(String(BURST_CALLS));

    const popup = await PopupPage.open(session, 'http://burst.test/*');
    const count = async () => {
      const file: Exported = JSON.parse((await popup.export('JSON')).text);
      return file.incidents.filter((i) => i.site === 'burst.test').reduce((n, i) => n + i.count, 0);
    };
    // Writes may still be landing; every single failure must end up counted.
    await expect.poll(count, { timeout: 20_000 }).toBe(BURST_CALLS);

    const json: Exported = JSON.parse((await popup.export('JSON')).text);
    const burst = json.incidents.filter((i) => i.site === 'burst.test');
    expect(new Set(burst.map((i) => i.requestUrl)).size).toBe(BURST_URLS);

    await popup.page.reload();
    await popup.page.getByRole('heading', { name: 'burst.test' }).waitFor();
    const chart = popup.page.getByRole('img', { name: /Failures over time/ });
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toMatch(new RegExp(`^Failures over time: ${BURST_CALLS} in all`));
    expect(await popup.page.locator('.chart .legend').innerText()).toContain('502 Bad Gateway');

    const csv = await popup.export('CSV');
    expect(csv.name).toMatch(/^5xx-log-burst\.test-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(burst.length + 1);

    const har = JSON.parse((await popup.export('HAR')).text);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(burst.length);
    expect(har.log.entries[0].response.status).toBe(502);
    expect(har.log.entries.reduce((n: number, e: { _count: number }) => n + e._count, 0)).toBe(BURST_CALLS);
    await popup.page.close();
    await page.close();
  });
});

describe('one incident', () => {
  it('opens to its full record and copies a support report', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('cloudflare-522.test'));
    await new OverlayPage(page).openCard();
    const popup = await PopupPage.open(session, 'http://cloudflare-522.test/*');
    await popup.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.page.getByRole('button', { name: /cloudflare-522\.test\// }).click();
    const detail = popup.page.getByRole('region', { name: /522/ });
    const text = await detail.innerText();
    for (const words of [
      'Time (UTC)',
      'cf-ray',
      '8f2b6a1c9d4e3f21-FRA',
      'FRA (Frankfurt)',
      'Cloudflare → The site’s server',
    ]) {
      expect(text).toContain(words);
    }
    await popup.page.getByRole('button', { name: 'Copy as support report' }).click();
    await popup.page.getByText('Copied. Paste it into your ticket.').waitFor();
    const report = await popup.page.evaluate(() => navigator.clipboard.readText());
    expect(report).toMatch(/^Error 522 Connection Timed Out on cloudflare-522\.test/);
    expect(report).toMatch(/Time \(local\): \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d/);
    expect(report).toContain('cf-ray: 8f2b6a1c9d4e3f21-FRA');
    await popup.page.getByRole('button', { name: '← Back to the log' }).click();
    await popup.page.getByRole('heading', { name: 'All sites' }).waitFor();
    await popup.page.close();
    await page.close();
  });
});

describe('import', () => {
  it('merges a colleague’s export labelled by its source, and refuses a bad file leaving the log untouched', async () => {
    const popup = await PopupPage.open(session);
    const before = JSON.parse((await popup.export('JSON', 'all')).text).incidents.length;
    const colleague = {
      format: '5xx-explainer-log',
      version: 1,
      exportedAt: '2026-11-27T10:00:00.000Z',
      incidents: [
        {
          time: Date.now() - 60_000,
          pageUrl: 'https://shop.example.org/',
          requestUrl: 'https://shop.example.org/',
          site: 'example.org',
          status: 503,
          statusLine: 'HTTP/1.1 503 Service Unavailable',
          type: 'main_frame',
          method: 'GET',
          frameId: 0,
          ip: '198.51.100.4',
          fromCache: false,
          headers: { server: 'nginx' },
          vantage: { browser: 'Firefox 153', extension: '0.1.0', networkLabel: 'phone hotspot' },
        },
      ],
    };
    await popup.import('phone-hotspot.json', JSON.stringify(colleague));
    await popup.page.getByText('Imported 1 incident, labelled “phone-hotspot”.').waitFor();
    await popup.page.getByRole('button', { name: 'example.org' }).click();
    await expect
      .poll(() => popup.page.getByRole('region', { name: 'example.org' }).innerText())
      .toContain('from phone-hotspot');

    await popup.import('evil.json', '{"format":"5xx-explainer-log","version":1,"incidents":[{"time":"<script>"}]}');
    await popup.page
      .getByRole('alert')
      .getByText('That file is damaged (at “#1 time”). Nothing was imported; your log is unchanged.')
      .waitFor();
    const after = JSON.parse((await popup.export('JSON', 'all')).text).incidents.length;
    expect(after).toBe(before + 1);
    await popup.page.close();
  });
});
