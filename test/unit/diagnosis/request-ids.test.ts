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
      { header: 'traceparent', value: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
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
    'traceparent',
  ])('keeps %s', (header) => {
    expect(requestIds({ [header]: 'id-1' })).toEqual([{ header, value: 'id-1' }]);
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
    ['imperva-challenge.ts', { label: 'Imperva incident ID', value: '1234000560012345678-901234567890123456' }],
  ])('reads the ID printed on %s', (file, id) => {
    expect(pageIds(body(file))).toEqual([id]);
  });

  it('finds nothing on a page without one', () => {
    expect(pageIds(body('nginx-502-fast.ts'))).toEqual([]);
  });
});
