// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { globalpingClient } from '../../../../lib/owner-tools/globalping/api';
import { GlobalpingError } from '../../../../lib/owner-tools/globalping/errors';
import {
  type MeasureProgress,
  startMeasurements,
  waitMeasurements,
} from '../../../../lib/owner-tools/globalping/measure';
import { dnsMeasurement, httpMeasurement, type MeasurementInput } from '../../../../lib/owner-tools/globalping/request';
import { verdict } from '../../../../lib/owner-tools/globalping/verdict';
import { type GlobalpingStub, type StubMode, startGlobalpingStub } from '../../../stubs/globalping-stub';

const URL_WITH_SECRETS = 'https://shop.example.com/account/orders/8812?session=abc123&lang=de#top';

let stub: GlobalpingStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** What the background will do once the person has agreed: plan, measure, judge. */
async function check(
  mode: StubMode,
  input: MeasurementInput,
  visitorIp: string | null,
  onProgress?: (p: MeasureProgress) => void,
) {
  stub = await startGlobalpingStub(mode);
  const client = globalpingClient({ base: stub.url, sleep: async () => {} });
  const plan = httpMeasurement(input);
  if (!plan.ok) throw new Error(plan.problem);
  const started = await startMeasurements(client, plan.request, (id) => dnsMeasurement(input.url, id, visitorIp));
  const measured = await waitMeasurements(client, started, { onProgress });
  return { measured, stub };
}

describe('startMeasurements and waitMeasurements', () => {
  it('runs the HTTP measurement, then DNS on the same probes, and gives what the verdict needs', async () => {
    const progress: MeasureProgress[] = [];
    const { measured, stub } = await check(
      { kind: 'success', scenario: 'partly-down-asia', polls: 2 },
      { url: URL_WITH_SECRETS, includePath: false, visitorCountry: 'JP' },
      '104.21.48.7',
      (p) => progress.push(p),
    );
    const [http, dns] = stub.requests.filter((r) => r.method === 'POST');
    expect(dns?.body).toMatchObject({
      type: 'dns',
      locations: measured.http.id,
      measurementOptions: { query: { type: 'A' } },
    });
    expect(http?.problems).toEqual([]);
    expect(dns?.problems).toEqual([]);
    expect(measured.dnsFailure).toBeNull();
    expect(progress.at(-1)).toEqual({ http: { done: 10, total: 10 }, dns: { done: 10, total: 10 } });
    expect(progress.some((p) => p.http.done < p.http.total)).toBe(true);
    const v = verdict(measured.http, measured.dns, { status: 503, ip: '104.21.48.7', country: 'JP' });
    expect([v.kind, v.failingOnlyIn, v.visitorCountry]).toEqual(['partly-down', ['AS'], { total: 1, failing: 1 }]);
  });

  it('sends neither path nor query without consent', async () => {
    const { stub } = await check(
      { kind: 'success', scenario: 'down-for-everyone' },
      { url: URL_WITH_SECRETS, includePath: false },
      null,
    );
    const posts = stub.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toMatchObject({
      target: 'shop.example.com',
      measurementOptions: { request: { path: '/' } },
    });
    for (const { text } of posts) {
      for (const secret of ['account', 'orders', '8812', 'session', 'abc123', 'lang', 'top'])
        expect(text).not.toContain(secret);
    }
  });

  it('sends the path and the redacted query with consent', async () => {
    const { stub } = await check(
      { kind: 'success', scenario: 'down-for-everyone' },
      { url: URL_WITH_SECRETS, includePath: true },
      null,
    );
    expect(stub.requests[0]?.body).toMatchObject({
      measurementOptions: {
        request: { method: 'GET', path: '/account/orders/8812', query: 'session=REDACTED&lang=de' },
      },
    });
    expect(stub.requests.map((r) => r.text).join('\n')).not.toContain('abc123');
  });

  it('still answers when the DNS lookup is refused, and says why it is missing', async () => {
    const { measured } = await check(
      { kind: 'dns-rate-limited', scenario: 'just-you' },
      { url: 'https://shop.example.com/', includePath: false },
      '104.21.48.7',
    );
    expect(measured.dns).toBeNull();
    expect(measured.dnsFailure?.kind).toBe('rate-limited');
    expect(verdict(measured.http, measured.dns, { status: 502 }).kind).toBe('just-you');
  });

  it('throws the HTTP measurement’s failure', async () => {
    const attempt = check({ kind: 'rate-limited' }, { url: 'https://shop.example.com/', includePath: false }, null);
    await expect(attempt).rejects.toBeInstanceOf(GlobalpingError);
    await expect(attempt).rejects.toMatchObject({ failure: { kind: 'rate-limited' } });
    expect(stub?.requests).toHaveLength(1);
  });
});
