import { describe, expect, it } from 'vitest';
import { type CompletedRequest, createIncident } from '@/lib/log/incident';
import { CONTEXT } from '../helpers/incidents';

const base: CompletedRequest = {
  requestId: '1',
  url: 'https://shop.example.com/checkout?token=abc#frag',
  method: 'GET',
  type: 'main_frame',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  tabId: 3,
  frameId: 0,
  ip: '203.0.113.9',
  fromCache: false,
  timeStamp: 1_700_000_000_123.4,
  responseHeaders: [
    { name: 'Server', value: 'nginx/1.25.3' },
    { name: 'Set-Cookie', value: 'session=secret' },
    { name: 'Authorization', value: 'Bearer x' },
    { name: 'CF-RAY', value: '8f2b6a1c9d4e3f21-FRA' },
    { name: 'Via', value: 'x'.repeat(2000) },
  ],
};

describe('createIncident', () => {
  it('keeps what support needs and redacts the URL', () => {
    const incident = createIncident(base, CONTEXT);
    expect(incident).toMatchObject({
      time: 1_700_000_000_123,
      pageUrl: 'https://shop.example.com/checkout?token=REDACTED',
      requestUrl: 'https://shop.example.com/checkout?token=REDACTED',
      site: 'example.com',
      status: 502,
      statusLine: 'HTTP/1.1 502 Bad Gateway',
      type: 'main_frame',
      method: 'GET',
      tabId: 3,
      frameId: 0,
      ip: '203.0.113.9',
      fromCache: false,
      count: 1,
      lastTime: 1_700_000_000_123,
      tzOffset: 60,
      source: 'this browser',
      vantage: CONTEXT.vantage,
    });
    expect(incident.headers.server).toBe('nginx/1.25.3');
    expect(incident.headers['cf-ray']).toBe('8f2b6a1c9d4e3f21-FRA');
  });

  it('never keeps cookies or authorization, and bounds long values', () => {
    const incident = createIncident(base, CONTEXT);
    expect(Object.keys(incident.headers)).not.toContain('set-cookie');
    expect(Object.keys(incident.headers)).not.toContain('authorization');
    expect(incident.headers.via?.length).toBeLessThanOrEqual(513);
  });

  it('files a sub-resource failure under the page it broke', () => {
    const incident = createIncident(
      { ...base, type: 'xmlhttprequest', url: 'https://api.other.net/v1/orders' },
      { ...CONTEXT, pageUrl: 'https://www.example.com/dashboard' },
    );
    expect(incident.site).toBe('example.com');
    expect(incident.requestUrl).toBe('https://api.other.net/v1/orders');
    expect(incident.pageUrl).toBe('https://www.example.com/dashboard');
  });

  it('falls back to the status code when there is no status line', () => {
    expect(createIncident({ ...base, statusLine: undefined }, CONTEXT).statusLine).toBe('502');
  });
});
