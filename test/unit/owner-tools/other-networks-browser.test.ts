// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { incidentById, recordIncident } from '@/lib/log/incidents';
import { finishCheck, startCheck } from '@/lib/owner-tools/globalping/run';
import type { GlobalpingModule, OtherNetworksState } from '@/lib/owner-tools/other-networks';
import { createOtherNetworks } from '@/lib/owner-tools/other-networks-browser';
import { saveSettings } from '@/lib/settings';
import { type GlobalpingStub, type StubMode, startGlobalpingStub } from '../../stubs/globalping-stub';
import { freshLog } from '../helpers/db';
import { makeIncident } from '../helpers/incidents';

const URL_ = 'https://shop.example.com/account/orders/8812?session=abc123&lang=de';
let stub: GlobalpingStub;
let granted = true;
let loads = 0;

/** The Globalping code as /globalping.js provides it, pointed at the stub and without real waits. */
function module(): GlobalpingModule {
  const deps = { base: stub.url, sleep: async () => {} };
  return {
    startCheck: (input) => startCheck(input, deps),
    finishCheck: (started, visitor, onProgress) => finishCheck(started, visitor, onProgress, deps),
  };
}
const runner = () =>
  createOtherNetworks(async () => {
    loads++;
    return module();
  });

async function settled(run: ReturnType<typeof runner>, site: string): Promise<OtherNetworksState> {
  let state: OtherNetworksState = { state: 'idle' };
  await vi.waitFor(async () => {
    state = await run.status(site);
    expect(state.state).not.toBe('running');
  });
  return state;
}

async function begin(mode: StubMode) {
  stub = await startGlobalpingStub(mode);
  const id = await recordIncident(makeIncident({ pageUrl: URL_, requestUrl: URL_, status: 502, ip: '104.21.48.7' }));
  const incident = { id, status: 502, ip: '104.21.48.7' };
  return { target: { url: URL_, site: 'example.com', incident }, id };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await freshLog();
  granted = true;
  loads = 0;
  (fakeBrowser as unknown as Record<string, unknown>).permissions = { contains: async () => granted };
});
afterEach(() => stub?.close());

describe('check from other networks, in the background', () => {
  it('sends nothing, and loads nothing, before the person agreed', async () => {
    const { target } = await begin({ kind: 'success', scenario: 'down-for-everyone' });
    const run = runner();
    expect(await run.start(target)).toEqual({ state: 'off' });
    // The setting alone is not enough: the API's host permission too.
    await saveSettings(fakeBrowser.storage.local, { otherNetworks: true });
    granted = false;
    expect(await run.start(target)).toEqual({ state: 'off' });
    expect(stub.requests).toEqual([]);
    expect(loads).toBe(0);
  });

  it('once agreed, measures the site’s root only and keeps the answer with the incident', async () => {
    const { target, id } = await begin({ kind: 'success', scenario: 'down-for-everyone', polls: 3 });
    await saveSettings(fakeBrowser.storage.local, { otherNetworks: true });
    const run = runner();
    expect((await run.start(target)).state).toBe('running');
    const done = await settled(run, 'example.com');
    expect(done.state).toBe('done');
    const posts = stub.requests.filter((r) => r.method === 'POST');
    expect(posts.map((p) => (p.body as { type: string }).type)).toEqual(['http', 'dns']);
    expect(posts[0]?.body).toMatchObject({
      target: 'shop.example.com',
      measurementOptions: { request: { path: '/' } },
    });
    for (const secret of ['account', '8812', 'abc123'])
      expect(stub.requests.map((r) => r.text).join()).not.toContain(secret);
    const kept = (await incidentById(id))?.otherNetworks;
    expect(kept).toMatchObject({
      verdict: 'down-for-everyone',
      target: 'https://shop.example.com/',
      service: 'globalping',
    });
    expect(kept?.probes.length).toBeGreaterThanOrEqual(5);
  });

  it('sends the path and the redacted query when the person agreed to that too', async () => {
    const { target } = await begin({ kind: 'success', scenario: 'just-you' });
    await saveSettings(fakeBrowser.storage.local, { otherNetworks: true, otherNetworksPath: true });
    const run = runner();
    await run.start(target);
    const done = await settled(run, 'example.com');
    expect(done.state === 'done' && done.check.target).toBe(
      'https://shop.example.com/account/orders/8812?session=REDACTED&lang=de',
    );
    expect(stub.requests[0]?.text).not.toContain('abc123');
  });

  it('after a rate-limit answer, says when to try again and sends nothing until then', async () => {
    const { target } = await begin({ kind: 'rate-limited' });
    await saveSettings(fakeBrowser.storage.local, { otherNetworks: true });
    const run = runner();
    const first = await run.start(target);
    expect(first).toMatchObject({ state: 'failed', failure: { kind: 'rate-limited' } });
    const retryAt = first.state === 'failed' && first.failure.kind === 'rate-limited' ? first.failure.retryAt : 0;
    expect(retryAt).toBeGreaterThan(Date.now());
    expect(await run.start(target)).toEqual({ state: 'failed', failure: { kind: 'rate-limited', retryAt } });
    expect(stub.requests).toHaveLength(1);
  });

  it('says the API failed, once: no silent retry', async () => {
    const { target } = await begin({ kind: 'error' });
    await saveSettings(fakeBrowser.storage.local, { otherNetworks: true });
    expect(await runner().start(target)).toEqual({ state: 'failed', failure: { kind: 'api-error', status: 500 } });
    expect(stub.requests).toHaveLength(1);
  });

  it('refuses a name no probe can reach, without sending it', async () => {
    stub = await startGlobalpingStub({ kind: 'success', scenario: 'just-you' });
    await saveSettings(fakeBrowser.storage.local, { otherNetworks: true });
    const state = await runner().start({ url: 'http://printer.local/', site: 'printer.local', incident: null });
    expect(state).toEqual({ state: 'refused' });
    expect(stub.requests).toEqual([]);
  });

  it('a stopped worker picks a running check up from its ids, without asking the API again', async () => {
    const { target } = await begin({ kind: 'success', scenario: 'partly-down-asia' });
    await saveSettings(fakeBrowser.storage.local, { otherNetworks: true });
    // The first worker asks, then stops before it hears back: its wait never ends.
    const died = createOtherNetworks(async () => ({ ...module(), finishCheck: () => new Promise(() => {}) }));
    expect((await died.start(target)).state).toBe('running');
    expect(stub.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    // A new runner is what a restarted worker has: nothing in memory, storage.session kept.
    const done = await settled(runner(), 'example.com');
    expect(done.state === 'done' && done.check.verdict).toBe('partly-down');
    expect(stub.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(stub.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2);
  });
});
