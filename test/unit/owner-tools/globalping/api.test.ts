// @vitest-environment node
// Node's own fetch (undici) against the stub on loopback, not happy-dom's.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GLOBALPING_API,
  type GlobalpingDeps,
  globalpingClient,
  MEASUREMENT_DEADLINE_MS,
  POLL_INTERVAL_MS,
} from '../../../../lib/owner-tools/globalping/api';
import { GlobalpingError, type GlobalpingFailure } from '../../../../lib/owner-tools/globalping/errors';
import { httpMeasurement } from '../../../../lib/owner-tools/globalping/request';
import type { MeasurementRequest } from '../../../../lib/owner-tools/globalping/schema';
import { type GlobalpingStub, type StubMode, startGlobalpingStub } from '../../../stubs/globalping-stub';

const T0 = Date.UTC(2026, 10, 28, 9, 14);

/** A clock that only moves when the client sleeps, so that polling tests take no real time. */
function fakeTime() {
  let t = T0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
  };
}

const plan = httpMeasurement({ url: 'https://shop.example.com/', includePath: false });
if (!plan.ok) throw new Error('no plan');
const REQUEST: MeasurementRequest = plan.request;

let stub: GlobalpingStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientFor(mode: StubMode, deps: Partial<GlobalpingDeps> = {}) {
  stub = await startGlobalpingStub(mode);
  const time = fakeTime();
  return { client: globalpingClient({ base: stub.url, now: time.now, sleep: time.sleep, ...deps }), time, stub };
}

async function failureOf(promise: Promise<unknown>): Promise<GlobalpingFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof GlobalpingError)) throw new Error(`expected a GlobalpingError, got ${String(error)}`);
  return error.failure;
}

describe('globalpingClient against the stub', () => {
  it('creates a measurement and waits, reporting progress as results fill in', async () => {
    const { client, time, stub } = await clientFor({ kind: 'success', scenario: 'down-for-everyone', polls: 4 });
    const created = await client.create(REQUEST);
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9A-Za-z]+$/), probesCount: 8 });
    const seen: [string, number][] = [];
    const finished = await client.wait(created.id, {
      onProgress: (m) => seen.push([m.status, m.results.filter((r) => r.result.status !== 'in-progress').length]),
    });
    expect(finished.status).toBe('finished');
    expect(finished.target).toBe('shop.example.com');
    expect(seen).toEqual([
      ['in-progress', 2],
      ['in-progress', 4],
      ['in-progress', 6],
      ['finished', 8],
    ]);
    // The spec: wait 500 ms after each answer, never sooner.
    expect(time.slept).toEqual([POLL_INTERVAL_MS, POLL_INTERVAL_MS, POLL_INTERVAL_MS]);
    expect(stub.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/measurements',
      ...Array(4).fill(`GET /v1/measurements/${created.id}`),
    ]);
    expect(stub.requests[0]?.headers['content-type']).toBe('application/json');
    expect(stub.requests.every((r) => r.headers.cookie === undefined && r.headers.authorization === undefined)).toBe(
      true,
    );
  });

  it('asks fetch for no credentials and no redirects', async () => {
    const inits: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    const { client } = await clientFor({ kind: 'success', scenario: 'just-you' }, { fetch: spy });
    await client.wait((await client.create(REQUEST)).id);
    expect(inits.map((i) => [i.credentials, i.redirect, i.referrerPolicy])).toEqual([
      ['omit', 'error', 'no-referrer'],
      ['omit', 'error', 'no-referrer'],
    ]);
  });

  it('polls no faster than the API allows, by the real clock', async () => {
    stub = await startGlobalpingStub({ kind: 'success', scenario: 'just-you', polls: 3 });
    stub.minPollIntervalMs = POLL_INTERVAL_MS - 50;
    const client = globalpingClient({ base: stub.url });
    await client.wait((await client.create(REQUEST)).id);
    expect(stub.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
  });

  it('on a 429 while polling, waits as long as Retry-After says, then goes on', async () => {
    const { client, time } = await clientFor({ kind: 'poll-rate-limited', scenario: 'just-you' });
    const finished = await client.wait((await client.create(REQUEST)).id);
    expect(finished.status).toBe('finished');
    expect(time.slept).toEqual([1000]);
  });

  it('on a 429 for a new measurement, says when to try again and how many tests are left', async () => {
    const { client } = await clientFor({ kind: 'rate-limited' });
    expect(await failureOf(client.create(REQUEST))).toEqual({
      kind: 'rate-limited',
      type: 'rate_limit_exceeded',
      rateLimit: { retryAt: T0 + 1740 * 1000, limit: 250, remaining: 4, cost: 10 },
    });
  });

  it('reports the published 400 example as an invalid request, with its fields', async () => {
    const { client } = await clientFor({ kind: 'validation' });
    expect(await failureOf(client.create(REQUEST))).toEqual({
      kind: 'invalid-request',
      type: 'validation_error',
      params: { measurement: '"measurement" does not match any of the allowed types' },
    });
  });

  it("is told by the stub, as by the API, when a request breaks the schema's rules", async () => {
    const { client, stub } = await clientFor({ kind: 'success', scenario: 'down-for-everyone' });
    const tooMany = { ...REQUEST, locations: [{ continent: 'EU', limit: 51 }] } as MeasurementRequest;
    const failure = await failureOf(client.create(tooMany));
    expect(failure).toMatchObject({ kind: 'invalid-request', params: { 'locations[0].limit': expect.any(String) } });
    expect(stub.requests[0]?.problems).toEqual([
      'locations[0].limit: must be between 1 and 50',
      'locations: the sum of limits must be less than or equal to 50',
    ]);
  });

  it('reports 422 as no probes', async () => {
    const { client } = await clientFor({ kind: 'no-probes' });
    expect(await failureOf(client.create(REQUEST))).toEqual({ kind: 'no-probes', type: 'no_probes_found' });
  });

  it('reports a reused measurement id that does not exist as no probes', async () => {
    const { client } = await clientFor({ kind: 'success', scenario: 'just-you' });
    const dns: MeasurementRequest = { type: 'dns', target: 'shop.example.com', locations: 'expired0000000000' };
    expect((await failureOf(client.create(dns))).kind).toBe('no-probes');
  });

  it.each([
    ['error-500', { kind: 'api-error', status: 500, type: 'api_error' }],
    ['error-502-proxy', { kind: 'api-error', status: 502, type: null }],
  ] as const)('reports %s from the API as an API error', async (answer, expected) => {
    const { client } = await clientFor({ kind: 'error', answer });
    expect(await failureOf(client.create(REQUEST))).toEqual(expected);
  });

  it('reports a measurement that is gone as not found', async () => {
    const { client } = await clientFor({ kind: 'success', scenario: 'just-you' });
    expect(await failureOf(client.get('0000000000000000'))).toEqual({ kind: 'not-found', type: 'not_found' });
  });

  it('gives up at the deadline with the last state it saw', async () => {
    const { client, time } = await clientFor({ kind: 'success', scenario: 'just-you', polls: 1000 });
    const failure = await failureOf(client.wait((await client.create(REQUEST)).id));
    expect(failure.kind).toBe('timeout');
    expect(failure.kind === 'timeout' && failure.partial?.status).toBe('in-progress');
    // Every 500 ms up to the deadline and no further: 80 pauses, 81 polls.
    expect(time.slept.reduce((a, b) => a + b, 0)).toBe(MEASUREMENT_DEADLINE_MS);
    expect(time.slept).toHaveLength(MEASUREMENT_DEADLINE_MS / POLL_INTERVAL_MS);
  });

  it('stops when the caller aborts', async () => {
    const { client } = await clientFor({ kind: 'success', scenario: 'just-you' });
    const controller = new AbortController();
    controller.abort();
    expect(await failureOf(client.create(REQUEST, controller.signal))).toEqual({ kind: 'aborted' });
  });
});

describe('globalpingClient without the API', () => {
  it('reports a connection that fails as a network failure', async () => {
    const closed = await startGlobalpingStub({ kind: 'validation' });
    await closed.close();
    const client = globalpingClient({ base: closed.url });
    expect(await failureOf(client.create(REQUEST))).toEqual({ kind: 'network' });
  });

  it('never follows a redirect', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(307, { location: '/elsewhere' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await failureOf(globalpingClient({ base }).create(REQUEST))).toEqual({ kind: 'network' });
      expect(hits).toEqual(['/v1/measurements']);
    } finally {
      server.close();
    }
  });

  it.each([
    ['not JSON', new Response('<html>', { status: 200 })],
    ['not a measurement id', Response.json({ id: '../../v1/limits', probesCount: 1 }, { status: 202 })],
  ])('reports a success answer that is %s as a bad response', async (_, response) => {
    const client = globalpingClient({ fetch: async () => response });
    expect((await failureOf(client.create(REQUEST))).kind).toBe('bad-response');
  });

  it('defaults to the real API', async () => {
    const urls: string[] = [];
    const client = globalpingClient({
      fetch: async (input) => {
        urls.push(String(input));
        return Response.json({ id: 'PY5fMsREMmIq45VR', probesCount: 1 }, { status: 202 });
      },
    });
    await client.create(REQUEST);
    expect(urls).toEqual([`${GLOBALPING_API}/v1/measurements`]);
  });

  it.each([
    ['http://api.globalping.io'],
    ['http://192.168.1.10:8080'],
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
  ])('refuses %s as the API', (base) => {
    expect(() => globalpingClient({ base })).toThrow(TypeError);
  });

  it('never puts anything but a measurement id into a path', async () => {
    await expect(globalpingClient({ fetch: async () => new Response() }).get('../limits')).rejects.toThrow(TypeError);
  });
});
