import { describe, expect, it } from 'vitest';
import { pageIds, requestIds } from '@/lib/diagnosis/request-ids';
import { FIXTURES } from '../../fixtures/responses/index';

const body = (file: string) => FIXTURES.find((f) => f.file === file)?.input.body ?? '';

describe('requestIds', () => {
  it('lists every ID header present, most specific first', () => {
    const headers = {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'x-request-id': 'req-1',
      'cf-ray': '8e2a1b3c4d5e6f70-FRA',
      server: 'cloudflare',
    };
    expect(requestIds(headers)).toEqual([
      { header: 'cf-ray', value: '8e2a1b3c4d5e6f70-FRA' },
      { header: 'x-request-id', value: 'req-1' },
      // The trace support would search for, not the whole header.
      { header: 'traceparent', value: '4bf92f3577b34da6a3ce929d0e0e4736' },
    ]);
  });

  it.each([
    'cf-ray',
    'x-amz-cf-id',
    'x-vercel-id',
    'x-nf-request-id',
    'x-request-id',
    'x-correlation-id',
    'x-fastly-request-id',
    'x-akamai-request-id',
    'x-azure-ref',
    // By the rule for ID header names.
    'fly-request-id',
    'x-railway-request-id',
    'x-kong-request-id',
    'x-amzn-requestid',
    'x-b3-traceid',
    'cdn-requestid',
  ])('keeps %s', (header) => {
    expect(requestIds({ [header]: 'id-1' })).toEqual([{ header, value: 'id-1' }]);
  });

  it('quotes the trace of a trace context, and each Varnish transaction', () => {
    expect(
      requestIds({ 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/17387412871658521384;o=1' }),
    ).toEqual([{ header: 'x-cloud-trace-context', value: '105445aa7843bc8bf206b12000100000' }]);
    expect(requestIds({ 'x-varnish': '32770 32771' }).map((id) => id.value)).toEqual(['32770', '32771']);
  });

  it('keeps no header that is not an ID, and no value that is not text', () => {
    expect(requestIds({ 'x-session-id': 'abc', 'set-cookie': 'a=b', 'x-request-id': 'a\u0000b' })).toEqual([]);
  });
});

describe('pageIds', () => {
  it.each([
    ['cloudflare-522.ts', { label: 'Cloudflare Ray ID', value: '8e2a1b3c4d5e6f72' }],
    ['cloudflare-530-1016.ts', { label: 'Cloudflare Ray ID', value: '8e2a1b3c4d5e6f77' }],
    ['akamai-503.ts', { label: 'Akamai reference', value: '15.6f2d3e17.1731585600.1a2b3c4d' }],
    ['varnish-503-backend-fetch-failed.ts', { label: 'Varnish XID', value: '32770' }],
    [
      'fastly-503-backend-unhealthy.ts',
      { label: 'Fastly details', value: 'cache-fra-etou8220141-FRA 1731585600 2847561934' },
    ],
    ['azure-front-door-503.ts', { label: 'Azure Front Door reference', value: '0A1B2C3D4E5F60718293A4B5C6D7E8F9' }],
    ['imperva-challenge.ts', { label: 'Incident ID', value: '1234000560012345678-901234567890123456' }],
  ])('reads the ID printed on %s', (file, id) => {
    expect(pageIds(body(file))).toEqual([id]);
  });

  it('finds nothing on a page without one', () => {
    expect(pageIds(body('nginx-502-fast.ts'))).toEqual([]);
  });

  it('reads an app’s own "Request ID:", once when a header gives it too', () => {
    const page = '<p>Request ID: 43c86ce6-6731-4675-aef1-63aeb34a928c</p>';
    expect(pageIds(page)).toEqual([{ label: 'Request ID', value: '43c86ce6-6731-4675-aef1-63aeb34a928c' }]);
    expect(pageIds(page, { 'x-request-id': '43c86ce6-6731-4675-aef1-63aeb34a928c' })).toEqual([]);
  });

  it('takes no words for an ID', () => {
    expect(pageIds('<p>Request ID: see-the-logs-for-details</p><p>Incident ID: unknown</p>')).toEqual([]);
  });
});
