import { type AddressInfo, createServer } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../e2e/wait';
import { type NetworkLab, startNetworkLab } from '../lab/network';
import { type Session, startSession } from './harness';

// Parity with test/e2e/network-errors.e2e.ts in Firefox ESR: a refused connection and a name
// that does not resolve end on the extension's explanation page, in NEL's terms, and are logged.
// Firefox shows its own about:neterror page there (no extension can inject into it); the
// extension sends the tab on from it, as it does in Chromium.

let session: Session;
let net: NetworkLab;

beforeAll(async () => {
  net = await startNetworkLab();
  session = await startSession();
  // Firefox keeps its own certificate store: the lab's CA is trusted there, and nothing else.
  const ca = net.caPem.replace(/-----[^-]+-----|\s/g, '');
  await session.bidi.privileged(
    `Cc['@mozilla.org/security/x509certdb;1'].getService(Ci.nsIX509CertDB).addCertFromBase64(${JSON.stringify(ca)}, 'C,,')`,
  );
});

afterAll(async () => {
  await session?.close();
  await net?.close();
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** The logged incident of a site, read through the extension's own log. */
interface Logged {
  site: string;
  status: number;
  network?: { error: string; phase: string; type: string; elapsed_time: number | null };
}

function incidents(): Promise<Logged[]> {
  return session.extension(
    () =>
      new Promise<Logged[]>((resolve, reject) => {
        const request = indexedDB.open('5xx-explainer');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('incidents').objectStore('incidents').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
          db.close();
        };
      }),
  );
}

/** Types `url` into the address bar of a new tab; the navigation fails, so it is not awaited. */
async function visitFailing(url: string): Promise<Page> {
  const page = await session.newPage();
  await page.bringToFront();
  await session.bidi.privileged(`gURLBar.focus(); gURLBar.value = ${JSON.stringify(url)}; gURLBar.handleCommand();`);
  return page;
}

/**
 * The text of the explanation page the extension sent a tab to for `url`. Puppeteer's page keeps
 * the about:neterror address it last saw, so the page is read as the extension sees its own
 * pages (extension.getViews), from the harness's extension page.
 */
function explained(url: string): Promise<string> {
  return waitFor(
    `the explanation page for ${url}`,
    () =>
      session.extension((browser, address) => {
        const views = browser.extension.getViews({ type: 'tab' }) as unknown as {
          location: Location;
          document: Document;
        }[];
        const view = views.find((w) => new URL(w.location.href).searchParams.get('url') === address);
        const text = view?.document.body.textContent ?? '';
        return text.includes('Try again') ? text : undefined;
      }, url),
    15_000,
  );
}

describe('a site that cannot be reached, in Firefox', () => {
  it('refused (NS_ERROR_CONNECTION_REFUSED): explained as tcp.refused and logged', async () => {
    const url = `http://refused.test:${await closedPort()}/`;
    const page = await visitFailing(url);
    const text = await explained(url);
    expect(text).toContain('The site’s server turned the connection away');
    expect(text).toContain('NS_ERROR_CONNECTION_REFUSED · tcp.refused');
    const logged = await waitFor('the incident', async () =>
      (await incidents()).find((i) => i.site === 'refused.test' && i.network),
    );
    expect(logged).toMatchObject({
      status: 0,
      network: { error: 'NS_ERROR_CONNECTION_REFUSED', phase: 'connection', type: 'tcp.refused' },
    });
    // The navigation's start was seen (its tab too, which Firefox may report as -1 by then).
    expect(logged.network?.elapsed_time).toEqual(expect.any(Number));
    await page.close();
  });

  it('a name that does not resolve (NS_ERROR_UNKNOWN_HOST): explained as dns.name_not_resolved and logged', async () => {
    // The harness resolves every name to the lab (network.dns.forceResolve). Without it, a name
    // under .invalid (RFC 6761: never resolves) fails at the system's resolver, for real.
    await session.bidi.privileged(`Services.prefs.clearUserPref('network.dns.forceResolve')`);
    try {
      const page = await visitFailing('http://nowhere.invalid/');
      const text = await explained('http://nowhere.invalid/');
      expect(text).toContain('This site’s address can’t be found');
      expect(text).toContain('NS_ERROR_UNKNOWN_HOST · dns.name_not_resolved');
      const logged = await waitFor('the incident', async () =>
        (await incidents()).find((i) => i.site === 'nowhere.invalid' && i.network),
      );
      expect(logged).toMatchObject({ status: 0, network: { phase: 'dns', type: 'dns.name_not_resolved' } });
      await page.close();
    } finally {
      await session.bidi.privileged(`Services.prefs.setStringPref('network.dns.forceResolve', '127.0.0.1')`);
    }
  });

  it('an expired certificate (Firefox words it as a sentence): explained as tls.cert.date_invalid and logged', async () => {
    const url = `https://expired.test:${net.ports['expired.test']}/`;
    const page = await visitFailing(url);
    const text = await explained(url);
    expect(text).toContain('The site’s ID is out of date');
    expect(text).toContain('Peer’s Certificate has expired. · tls.cert.date_invalid');
    const logged = await waitFor('the incident', async () =>
      (await incidents()).find((i) => i.site === 'expired.test' && i.network),
    );
    expect(logged.network).toMatchObject({ phase: 'connection', type: 'tls.cert.date_invalid' });
    await page.close();
  });
});
