import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentWorld } from './content-world';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { waitFor } from './wait';

/** A request a test server saw. */
interface Seen {
  host: string;
  path: string;
  cookie: string | null;
  /** A page load (the browser asks for HTML); anything else here is the extension's. */
  navigation: boolean;
}

/** A loopback server that records what reaches it. */
async function listen(handle: (req: IncomingMessage, seen: Seen) => [number, Record<string, string>, string]) {
  const requests: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const seen: Seen = {
      host: (req.headers.host ?? '').replace(/:\d+$/, ''),
      path: req.url ?? '/',
      cookie: req.headers.cookie ?? null,
      navigation: (req.headers.accept ?? '').includes('text/html'),
    };
    requests.push(seen);
    const [status, headers, body] = handle(req, seen);
    res.writeHead(status, { 'cache-control': 'no-store', ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// What the attacker wants the extension to reach: a service on this machine.
const target = await listen(() => [200, { 'content-type': 'text/plain' }, 'the admin panel']);
// The attacker's site: 502 to page loads (with a SameSite=Strict cookie and Retry-After: 1, so
// the card waits for the site by itself and asks after a second), 302 to the target for anything else.
const attacker = await listen((_req, seen) =>
  seen.navigation
    ? [
        502,
        {
          'content-type': 'text/html; charset=utf-8',
          server: 'nginx/1.25.3',
          'retry-after': '1',
          'set-cookie': 'sid=attack-cookie; Domain=attack.test; Path=/; SameSite=Strict; HttpOnly',
        },
        '<!doctype html><title>502 Bad Gateway</title><link rel="icon" href="data:,"><h1>502 Bad Gateway</h1>'.padEnd(
          1024,
          ' ',
        ),
      ]
    : [302, { location: `http://127.0.0.1:${target.port}/secret` }, ''],
);

let session: Session;

beforeAll(async () => {
  session = await startSession({
    hostRules: [`MAP attack.test 127.0.0.1:${attacker.port}`, `MAP status.attack.test 127.0.0.1:${attacker.port}`],
  });
});

afterAll(async () => {
  await session?.close();
  await attacker.close();
  await target.close();
});

async function setSettings(value: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate(async (v) => {
    const old = ((await chrome.storage.local.get('settings')).settings as { value?: object } | undefined)?.value;
    await chrome.storage.local.set({ settings: { version: 1, value: { ...old, ...v } } });
  }, value);
}

const fromExtension = () => attacker.requests.filter((r) => !r.navigation);

describe('a page that redirects the extension’s requests to this machine', () => {
  it('never gets them there, and no cookie goes with any of them', async () => {
    await setSettings({ statusPages: true });
    const page = await session.context.newPage();
    const navigations = () => attacker.requests.filter((r) => r.navigation).length;
    await page.goto('http://attack.test/');
    const overlay = new OverlayPage(page);
    await overlay.waitForText();
    // Waiting for the site (Retry-After: 1) starts by itself: a 302 is an answer, so the page
    // reloads (a navigation, with its cookie). The reloaded page does not wait by itself again.
    await waitFor('the reload', async () => navigations() >= 2);
    await overlay.waitForText();
    expect(await overlay.buttons()).toContain('Try again');

    // Check now: the 302 is the site's answer; the redirect is not followed.
    await overlay.openMoreDetails();
    await overlay.clickButton('Check now');
    await expect.poll(() => overlay.text()).toMatch(/attack\.test answered HTTP\/1\.1 302 Found in \d+ ms/);
    // The status page lookup went out too (status.attack.test), and was redirected as well.
    await waitFor('the status page lookup', async () => fromExtension().some((r) => r.host === 'status.attack.test'));

    // The popup's Check now, for the tab.
    const popup = await PopupPage.open(session, 'http://attack.test/*');
    await popup.openTools();
    await popup.page.getByRole('button', { name: 'Check now' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'answered HTTP/1.1 302 Found' }).waitFor();
    await page.reload();
    await overlay.waitForText();
    await overlay.openMoreDetails();

    // And now the page asks as often as it can: six requests a minute reach the site, no more.
    for (let i = 0; i < 5 && !(await overlay.text())?.includes('several times'); i++) {
      await overlay.clickButton('Check now');
      await expect.poll(() => overlay.text()).toMatch(/answered HTTP\/1\.1 302 Found|several times/);
    }
    await expect.poll(() => overlay.text()).toContain('attack.test was checked several times in the last minute.');

    expect(target.requests).toEqual([]);
    expect(fromExtension()).toHaveLength(6);
    expect(fromExtension().map((r) => r.cookie)).toEqual(Array(6).fill(null));
    // The cookie is real, and the browser sends it on page loads: its absence above means something.
    const loads = attacker.requests.filter((r) => r.navigation);
    expect(loads.length).toBeGreaterThanOrEqual(3);
    // Reloaded pages never waited by themselves again: no reload loop.
    expect(loads.length).toBeLessThanOrEqual(3);
    expect(loads.slice(1).map((r) => r.cookie)).toEqual(loads.slice(1).map(() => 'sid=attack-cookie'));
    await popup.page.close();
    await page.close();
  });
});

describe('a compromised content script', () => {
  it('cannot read or write the extension’s storage, and every message it sends is confined to its own tab', async () => {
    await session.worker.evaluate(() =>
      chrome.storage.local.set({
        watches: [
          { url: 'http://intranet.example/', site: 'intranet.example', intervalMinutes: 5, until: 9e15, lastOk: null },
        ],
      }),
    );
    const before = await session.worker.evaluate(() => chrome.storage.local.get(null));
    const page = await session.context.newPage();
    await page.goto(session.url('nginx-502.test'));
    await new OverlayPage(page).waitForText();
    const world = await ContentWorld.attach(page, session.extensionId);

    const storage = await world.evaluate<Record<string, string>>(`Promise.all([
      chrome.storage.local.get(null).then((v) => 'read ' + Object.keys(v).join(','), (e) => 'refused'),
      chrome.storage.local.set({ settings: { version: 1, value: { statusPages: true } } }).then(() => 'written', () => 'refused'),
      chrome.storage.local.clear().then(() => 'cleared', () => 'refused'),
    ]).then(([read, write, clear]) => ({ read, write, clear }))`);
    expect(storage).toEqual({ read: 'refused', write: 'refused', clear: 'refused' });
    expect(await session.worker.evaluate(() => chrome.storage.local.get(null))).toEqual(before);

    // Refused: not for content scripts at all.
    for (const [name, body] of [
      ['watch:list', {}],
      ['watch:start', { url: 'http://127.0.0.1/', intervalMinutes: 1, durationMinutes: 60 }],
      ['watch:stop', { site: 'intranet.example' }],
      ['site:just-me', { site: 'intranet.example' }],
      ['overlay:notice', { burst: { id: 1, status: 503, count: 1, last: 0, host: 'x' } }],
      ['clipboard:write', { text: 'EVIL' }],
    ] as const) {
      const result = await world.send(name, body);
      expect(result.answer ?? null, name).toBeNull();
    }
    // Allowed, but about its own tab only, whatever the message names.
    const check = await world.send('site:check', { url: `http://127.0.0.1:${target.port}/` });
    expect(check.answer).toMatchObject({ url: 'http://nginx-502.test/', site: 'nginx-502.test', status: 502 });
    expect(await world.send('site:quiet', { site: 'example.com' })).toEqual({ answer: true });
    const settings = await session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(settings).toMatchObject({ value: { quietSites: ['nginx-502.test'] } });
    expect(await world.send('overlay:claim', { navStatus: 0, body: '' })).toEqual({ answer: null });

    expect(target.requests).toEqual([]);
    const after = (await session.worker.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
    expect(after.watches).toEqual(before.watches);
    await page.close();
  });
});

describe('“Copy details for support” on a page that listens for copies', () => {
  it('copies from the extension: the page’s copy listener sees nothing, and the clipboard holds exactly the report', async () => {
    await setSettings({ networkLabel: 'office wifi', quietSites: [] });
    const page = await session.context.newPage();
    await page.goto(session.url('copy-500.test'));
    const overlay = new OverlayPage(page);
    await overlay.waitForText();
    const popup = await PopupPage.open(session, 'http://copy-500.test/*');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const clipboard = () => popup.page.evaluate(() => navigator.clipboard.readText());
    await popup.page.evaluate(() => navigator.clipboard.writeText('before'));

    await overlay.clickButton('Copy details for support');
    await expect.poll(() => overlay.text()).toContain('Copied. Paste it into your message to the site’s support.');
    const copied = await waitFor('the copied report', async () => {
      const text = await clipboard();
      return text !== 'before' && text;
    });
    expect(await page.evaluate(() => (window as unknown as { copyEvents: string[] }).copyEvents)).toEqual([]);

    // The same report the popup copies, but without the person's name for their network.
    await popup.page.getByRole('button', { name: /copy-500\.test\// }).click();
    await popup.page.getByRole('button', { name: 'Copy as support report' }).click();
    await popup.page.getByText('Copied. Paste it into your ticket.').waitFor();
    const full = await clipboard();
    expect(full).toContain('\nNetwork: office wifi\n');
    expect(copied).toBe(full.replace('\nNetwork: office wifi\n', '\n'));
    expect(copied).toMatch(/^Error 500 Internal Server Error on copy-500\.test\n/);
    expect(copied).not.toMatch(/SWAPPED|office wifi/);
    await popup.page.close();
    await page.close();
  });
});
