import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpMeasurement } from '../../lib/owner-tools/globalping/schema';
import { fixture, type GlobalpingStub, type StubMode, startGlobalpingStub } from '../stubs/globalping-stub';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';
import { PopupPage } from './pages/popup';
import { ServiceWorkerControl } from './service-worker';
import { waitFor } from './wait';

// "Check from other networks" against a stub of Globalping's API. The extension talks to the
// real address, https://api.globalping.io: only this browser's command line maps that name to
// the stub on loopback (--host-resolver-rules) and trusts the stub's certificate, made here
// and now (--ignore-certificate-errors-spki-list). Nothing a page or a setting can reach points
// the extension elsewhere. The failing site has a public-looking name: a `.test` name is one
// no probe could reach, which the extension refuses to send.
const SITE = 'shop.gp-e2e-down.com';
const PAGE = `http://${SITE}/checkout?step=2&session=abc123`;

let session: Session;
let stub: GlobalpingStub;
let origin: Server;
let certDir: string;
let control: ServiceWorkerControl;

/** A key and a self-signed certificate for api.globalping.io, and its key's SPKI hash for Chromium. */
function makeCertificate(dir: string): { key: string; cert: string; spki: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=api.globalping.io',
      '-addext',
      'subjectAltName=DNS:api.globalping.io',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const der = execFileSync('openssl', ['x509', '-in', cert, '-pubkey', '-noout']);
  const spkiDer = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: der });
  const spki = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: spkiDer }).toString('base64');
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), spki };
}

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), '5xx-gp-'));
  const { key, cert, spki } = makeCertificate(certDir);
  writeFileSync(join(certDir, 'spki'), spki);
  stub = await startGlobalpingStub({ kind: 'success', scenario: 'down-for-everyone' }, 0, { key, cert });
  // The failing site: nginx's own 502 page.
  origin = createServer((req, res) => {
    res.writeHead(502, { server: 'nginx/1.22.1', 'content-type': 'text/html' });
    // An empty body: Chromium shows its own error page, and the extension its explanation page.
    if (req.url?.startsWith('/empty')) return res.end();
    res.end(
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center></body></html>',
    );
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const originPort = (origin.address() as AddressInfo).port;
  session = await startSession({
    hostRules: [`MAP api.globalping.io 127.0.0.1:${stub.port}`, `MAP ${SITE} 127.0.0.1:${originPort}`],
    args: [`--ignore-certificate-errors-spki-list=${spki}`],
  });
  control = await ServiceWorkerControl.attach(session);
});

afterAll(async () => {
  await session?.close();
  await stub?.close();
  origin?.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

beforeEach(async () => {
  stub.requests.length = 0;
  stub.mode = { kind: 'success', scenario: 'down-for-everyone' };
  await session.worker.evaluate(async () => {
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
  });
});

/** Opens the failing page (its overlay shows) and the popup's site tools for its tab. */
async function failingPageAndPopup(): Promise<{ tab: Page; overlay: OverlayPage; popup: PopupPage }> {
  const tab = await session.context.newPage();
  await tab.goto(PAGE);
  const overlay = new OverlayPage(tab);
  await overlay.waitForText();
  const popup = await PopupPage.open(session, `http://${SITE}/*`);
  await popup.openTools();
  return { tab, overlay, popup };
}

async function agreeInPopup(popup: PopupPage): Promise<void> {
  await popup.page.getByRole('button', { name: 'Check from other networks' }).click();
  const consent = popup.page.getByRole('region', { name: 'Check this site from other networks?' });
  await consent.waitFor();
  expect(await consent.innerText()).toContain(SITE);
  expect(stub.requests).toEqual([]);
  await popup.page.getByRole('button', { name: 'Allow and check' }).click();
}

/** Runs another check from the popup (already agreed) against the stub in `mode`; the text it ends on. */
async function checkAgain(popup: PopupPage, mode: StubMode, ends: RegExp): Promise<string> {
  stub.mode = mode;
  await popup.page.getByRole('button', { name: 'Check from other networks' }).click();
  const end = popup.page.getByText(ends);
  await end.waitFor();
  return end.innerText();
}

describe('check from other networks', () => {
  it('sends nothing while it is off: the first use explains, in the popup and in the card', async () => {
    const { tab, overlay, popup } = await failingPageAndPopup();
    await popup.page.getByRole('button', { name: 'Check from other networks' }).click();
    const consent = popup.page.getByRole('region', { name: 'Check this site from other networks?' });
    expect(await consent.innerText()).toMatch(/sends? the site's address \(shop\.gp-e2e-down\.com\) to Globalping/i);
    await popup.page.getByRole('button', { name: 'Not now' }).click();
    await consent.waitFor({ state: 'detached' });

    // The card's details: the overlay may not ask for a permission, so it offers the settings.
    await overlay.openMoreDetails();
    await overlay.click('details.x5-net summary');
    await overlay.clickButton('Check from other networks');
    await waitFor('the consent in the card', async () => (await overlay.text())?.includes('Open settings to allow it'));
    expect(stub.requests).toEqual([]);
    await tab.close();
    await popup.page.close();
  });

  it('asks first, then answers down for everyone, just you and partly down, from the popup and the card', async () => {
    const { tab, overlay, popup } = await failingPageAndPopup();
    stub.mode = { kind: 'success', scenario: 'down-for-everyone', polls: 4 };
    await agreeInPopup(popup);
    // Progress while probes answer, then the sentence, then the table.
    await popup.page.getByText(/Asking other networks…/).waitFor();
    const verdict = popup.page.getByText('Down for everyone: 8 of 8 networks in 6 countries got 502');
    await verdict.waitFor();
    const table = popup.page.getByRole('table', { name: 'What each network got' });
    // A row per probe the API assigned, those that failed on their own side included.
    const probes = fixture<HttpMeasurement>('http-down-for-everyone').results.length;
    expect(await table.getByRole('row').count()).toBe(probes + 1);
    expect(await table.innerText()).toContain('other DNS');
    // What was sent: the site's address only, by GET, never the path or the query.
    const posts = stub.requests.filter((r) => r.method === 'POST');
    expect(posts[0]?.body).toMatchObject({
      type: 'http',
      target: SITE,
      measurementOptions: { request: { path: '/' } },
    });
    expect(stub.requests.map((r) => r.text).join()).not.toMatch(/checkout|abc123/);
    expect(stub.requests.every((r) => !r.headers.cookie)).toBe(true);

    expect(await checkAgain(popup, { kind: 'success', scenario: 'just-you' }, /^Just you:/)).toBe(
      'Just you: 8 of 8 got 200. Try another network, or check your VPN, proxy or DNS',
    );
    expect(await checkAgain(popup, { kind: 'success', scenario: 'partly-down-asia' }, /^Partly down:/)).toBe(
      'Partly down: failing in Asia only',
    );

    // The card on the page asks the same way once the person agreed.
    stub.mode = { kind: 'success', scenario: 'down-for-everyone' };
    await overlay.openMoreDetails();
    await overlay.click('details.x5-net summary');
    await overlay.clickButton('Check from other networks');
    await waitFor('the answer in the card', async () =>
      (await overlay.text())?.includes('Down for everyone: 8 of 8 networks in 6 countries got 502'),
    );
    await tab.close();
    await popup.page.close();
  });

  it('the explanation page asks first, then answers, like the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(`http://${SITE}/empty`).catch(() => undefined);
    await page.waitForURL(/explain\.html/);
    await page.getByText('More details').click();
    await page.getByText('Is it down for everyone?').click();
    await page.getByRole('button', { name: 'Check from other networks' }).click();
    await page.getByRole('region', { name: 'Check this site from other networks?' }).waitFor();
    expect(stub.requests).toEqual([]);
    await page.getByRole('button', { name: 'Allow and check' }).click();
    await page.getByText('Down for everyone: 8 of 8 networks in 6 countries got 502').waitFor();
    await page.close();
  });

  it('keeps the answer with this tab’s failure in the site’s log: “By network” and the exports', async () => {
    // Another page of the site failed after this one: the answer is still about this tab's page.
    await failingPageAndPopup().then(({ tab, popup }) => Promise.all([tab.close(), popup.page.close()]));
    const other = await session.context.newPage();
    await other.goto(`http://${SITE}/empty`).catch(() => undefined);
    await other.waitForURL(/explain\.html/);
    await other.close();
    const { tab, popup } = await failingPageAndPopup();
    stub.mode = { kind: 'success', scenario: 'just-you' };
    await agreeInPopup(popup);
    await popup.page.getByText(/^Just you:/).waitFor();
    await popup.page.reload();
    await popup.openTools();
    const lanes = popup.page.getByRole('img', { name: 'Checks and failures from each network over time' });
    expect(await lanes.textContent()).toContain('Other networks');
    const json = JSON.parse((await popup.export('JSON')).text) as {
      incidents: { pageUrl: string; otherNetworks?: { service: string; verdict: string } }[];
    };
    const byPage = (path: string) => json.incidents.filter((i) => new URL(i.pageUrl).pathname === path);
    expect(byPage('/checkout').map((i) => i.otherNetworks)).toEqual([
      expect.objectContaining({ service: 'globalping', verdict: 'just-you' }),
    ]);
    expect(byPage('/empty').map((i) => i.otherNetworks?.verdict)).not.toContain('just-you');
    expect((await popup.export('CSV')).text).toContain('just-you,0/8');
    expect((await popup.export('HAR')).text).toContain('Other networks (Globalping');
    await tab.close();
    await popup.page.close();
  });

  it('says so plainly when the API rate-limits or fails, and does not retry on its own', async () => {
    const { tab, popup } = await failingPageAndPopup();
    stub.mode = { kind: 'rate-limited' };
    await agreeInPopup(popup);
    const limited = popup.page.getByRole('alert');
    await limited.waitFor();
    expect(await limited.innerText()).toMatch(/^Globalping's limit for free checks is used up\. Try again after .+\.$/);
    // Until the API's time is up, asking again sends nothing. Asked as the popup's button asks,
    // and awaited: the storage cleared below must not race an ask still on its way.
    const again = await popup.page.evaluate(
      (url) => chrome.runtime.sendMessage({ name: 'networks:check', body: { url } }),
      PAGE,
    );
    expect(again).toMatchObject({ state: 'failed', failure: { kind: 'rate-limited' } });
    expect(stub.requests).toHaveLength(1);

    await session.worker.evaluate(() => chrome.storage.session.clear());
    stub.requests.length = 0;
    expect(await checkAgain(popup, { kind: 'error' }, /^Globalping could not run/)).toBe(
      'Globalping could not run the check (error 500). Try again later.',
    );
    expect(stub.requests).toHaveLength(1);
    await tab.close();
    await popup.page.close();
  });

  it('the background loads the Globalping code only when a check is asked for', async () => {
    await control.stop();
    const worker = await control.worker();
    const loaded = () => worker.evaluate(() => '__5xxExplainerGlobalping' in globalThis);
    expect(await loaded()).toBe(false);
    const { tab, popup } = await failingPageAndPopup();
    expect(await loaded()).toBe(false);
    await agreeInPopup(popup);
    await popup.page.getByText(/^Down for everyone:/).waitFor();
    expect(await (await control.worker()).evaluate(() => '__5xxExplainerGlobalping' in globalThis)).toBe(true);
    await tab.close();
    await popup.page.close();
  });
});
