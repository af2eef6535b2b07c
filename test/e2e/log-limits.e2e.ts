import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOOD_CALLS, LINK_SECRET } from '../lab/scenarios';
import { type Session, startSession } from './harness';
import { LogReader } from './log-reader';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { waitFor } from './wait';

let session: Session;
let log: LogReader;

beforeAll(async () => {
  session = await startSession();
  log = await LogReader.open(session);
});

afterAll(async () => {
  await session?.close();
});

async function setSettings(value: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate(async (v) => {
    const old = ((await chrome.storage.local.get('settings')).settings as { value?: object } | undefined)?.value;
    await chrome.storage.local.set({ settings: { version: 1, value: { ...old, ...v } } });
  }, value);
}

describe('a page that floods the log with failures at thousands of distinct addresses', () => {
  it('keeps every failure counted, and cannot push another site’s incidents out', async () => {
    const other = await session.context.newPage();
    await other.goto(session.url('apache-500.test'));
    await new OverlayPage(other).waitForText();
    await expect.poll(() => log.failures('apache-500.test')).toBe(1);
    await setSettings({ retentionCount: 100 });

    // Four tabs of the page, each failing at FLOOD_CALLS distinct addresses longer than the log keeps.
    const tabs = await Promise.all(Array.from({ length: 4 }, () => session.context.newPage()));
    await Promise.all(tabs.map((tab) => tab.goto(session.url('flood.test'))));
    for (const tab of tabs) {
      await expect.poll(() => tab.locator('#done').textContent(), { timeout: 60_000 }).toBe(String(FLOOD_CALLS));
    }
    // Nothing lost: every failure is in the log, most of them counted on in place.
    await expect.poll(() => log.failures('flood.test'), { timeout: 60_000 }).toBe(4 * FLOOD_CALLS);
    const flood = (await log.incidents()).filter((i) => i.site === 'flood.test');
    expect(flood.length).toBeLessThanOrEqual(4 * 30);
    expect(flood.length).toBeGreaterThan(100);
    expect(Math.max(...flood.map((i) => i.requestUrl.length))).toBeLessThanOrEqual(8192);

    // Retention, over the person's limit of 100, makes room from the flooded site only.
    await session.worker.evaluate(() => chrome.alarms.create('retention', { when: Date.now() }));
    await expect.poll(async () => (await log.incidents()).length, { timeout: 20_000 }).toBe(100);
    expect(await log.failures('apache-500.test')).toBe(1);
    for (const tab of [...tabs, other]) await tab.close();
  });
});

describe('a failure at an address full of secrets', () => {
  it('keeps none of them: not in the log, the overlay, the exports or the support report', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVlLTEyMzQ1';
    const secrets = ['Rst0ken9AbCdEf123456', 'alice', 'NestedC0de77', jwt.slice(40), LINK_SECRET, 'hunter2'];
    const nested = encodeURIComponent('https://b.example/cb?code=NestedC0de77&state=xyz');
    const url = session.url(
      'secrets-502.test',
      `/password/reset/Rst0ken9AbCdEf123456?email=alice%40example.org&next=${nested}&data=${jwt}&q=shoes&page=2&Pass-Word=hunter2`,
    );
    const page = await session.context.newPage();
    await page.goto(url);
    const overlay = new OverlayPage(page);
    await overlay.waitForText();
    await overlay.openMoreDetails();
    await overlay.click('details.x5-details:nth-of-type(2) summary');
    const shown = (await overlay.text()) ?? '';
    expect(shown).toContain('http://secrets-502.test/password/reset/REDACTED?email=REDACTED');

    const [incident] = (await log.incidents()).filter((i) => i.site === 'secrets-502.test');
    expect(incident?.requestUrl).toBe(
      'http://secrets-502.test/password/reset/REDACTED?email=REDACTED&next=https%3A%2F%2Fb.example%2Fcb%3Fcode%3DREDACTED%26state%3DREDACTED&data=REDACTED&q=shoes&page=2&Pass-Word=REDACTED',
    );
    expect(incident?.headers.link).toBe('<https://cdn.secrets-502.test/app.css?token=REDACTED>; rel=preload; as=style');

    const popup = await PopupPage.open(session, 'http://secrets-502.test/*');
    await popup.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.page.getByRole('button', { name: /secrets-502\.test\// }).click();
    await popup.page.getByRole('button', { name: 'Copy as support report' }).click();
    await popup.page.getByText('Copied. Paste it into your ticket.').waitFor();
    const report = await popup.page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('q=shoes&page=2');
    await popup.page.getByRole('button', { name: '← Back to the log' }).click();
    const files = [
      report,
      shown,
      JSON.stringify(incident),
      (await popup.export('JSON')).text,
      (await popup.export('CSV')).text,
      (await popup.export('HAR')).text,
    ];
    for (const [i, text] of files.entries()) {
      for (const secret of secrets) expect(decodeURIComponent(text), `${i}: ${secret}`).not.toContain(secret);
    }
    await popup.page.close();
    await page.close();
  });
});

describe('an export', () => {
  it('of a log with a 20 KB address reads back in', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('long-500.test', `/?q=${'shoes-'.repeat(3500)}&page=2`));
    await new OverlayPage(page).waitForText();
    const popup = await PopupPage.open(session, 'http://long-500.test/*');
    const exported = await popup.export('JSON');
    const long = JSON.parse(exported.text).incidents.find((i: { requestUrl: string }) =>
      i.requestUrl.includes('shoes-'),
    );
    expect(long.requestUrl.length).toBeLessThanOrEqual(8192);
    await popup.import('long-log.json', exported.text);
    await popup.page.getByText(/^Imported \d+ incidents?, labelled “long-log”\.$/).waitFor();
    await popup.page.close();
    await page.close();
  });
});

describe('a hostile import', () => {
  it.each([
    [
      'an incident dated in year 275760',
      { time: 8.64e15 },
      'That file has an incident dated more than ten years ago or in the future (at “#2 time”). Nothing was imported; your log is unchanged.',
    ],
    [
      'a method that smuggles a header',
      { method: 'GET\r\nX-Evil: 1' },
      'That file is damaged (at “#2 method”). Nothing was imported; your log is unchanged.',
    ],
    [
      'a count of a billion',
      { count: 1e9 },
      'That file is damaged (at “#2 count”). Nothing was imported; your log is unchanged.',
    ],
    [
      'free text as the server address',
      { ip: 'call 555-0100' },
      'That file is damaged (at “#2 ip”). Nothing was imported; your log is unchanged.',
    ],
  ])('with %s is refused whole, and the log is unchanged', async (_what, fields, message) => {
    const now = Date.now();
    const incident = {
      time: now - 60_000,
      pageUrl: 'https://shop.example.org/',
      requestUrl: 'https://shop.example.org/',
      site: 'example.org',
      status: 503,
      statusLine: 'HTTP/1.1 503 Service Unavailable',
      type: 'main_frame',
      method: 'GET',
      headers: { server: 'nginx' },
    };
    const file = { format: '5xx-explainer-log', version: 1, incidents: [incident, { ...incident, ...fields }] };
    const before = await log.incidents();
    const popup = await PopupPage.open(session);
    await popup.import('hostile.json', JSON.stringify(file));
    await popup.page.getByRole('alert').getByText(message).waitFor();
    await waitFor('a settled log', async () => (await log.incidents()).length === before.length);
    expect(await log.incidents()).toEqual(before);
    await popup.page.close();
  });
});
