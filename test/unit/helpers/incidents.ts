import type { Incident } from '../../../lib/incident';

/** A plausible stored incident; override what the test is about. */
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    time: Date.UTC(2026, 10, 27, 22, 41, 7, 123),
    pageUrl: 'https://shop.example.com/',
    requestUrl: 'https://shop.example.com/',
    site: 'example.com',
    status: 502,
    statusLine: 'HTTP/1.1 502 Bad Gateway',
    type: 'main_frame',
    method: 'GET',
    tabId: 1,
    frameId: 0,
    ip: '203.0.113.9',
    fromCache: false,
    headers: { server: 'nginx/1.25.3' },
    ...overrides,
  };
}
