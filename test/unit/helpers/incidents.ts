import { diagnose } from '@/lib/diagnosis/diagnose';
import { classifyNetworkError } from '@/lib/diagnosis/tables/network-errors';
import { createNetworkIncident, type FailedRequest, type IncidentContext, withBody } from '@/lib/log/incident';
import type { CheckRecord, Incident } from '@/lib/log/model';
import { siteOf } from '@/lib/site/psl-node';
import { FIXTURES, NOW } from '../../fixtures/responses/index';

/** The context a test incident is created in. */
export const CONTEXT: IncidentContext = {
  siteOf,
  tzOffset: 60,
  vantage: { browser: 'Chromium 156', extension: '0.1.0', online: true, networkLabel: 'office wifi' },
};

/** A plausible stored incident; override what the test is about. */
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  const time = overrides.time ?? Date.UTC(2026, 10, 27, 22, 41, 7, 123);
  const status = overrides.status ?? 502;
  const headers = overrides.headers ?? { server: 'nginx/1.25.3' };
  const statusLine = overrides.statusLine ?? 'HTTP/1.1 502 Bad Gateway';
  return {
    time,
    lastTime: time,
    count: 1,
    tzOffset: 60,
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
    vantage: { browser: 'Chromium 156', extension: '0.1.0', online: true, networkLabel: 'office wifi' },
    source: 'this browser',
    diagnosis: diagnose({ status, statusLine, headers, url: 'https://shop.example.com/' }, time),
    ...overrides,
  };
}

/** A plausible stored check; override what the test is about. */
export function makeCheck(overrides: Partial<CheckRecord> = {}): CheckRecord {
  const time = overrides.time ?? Date.UTC(2026, 10, 27, 22, 45, 0, 0);
  const status = overrides.status === undefined ? 200 : overrides.status;
  return {
    time,
    tzOffset: 60,
    site: 'example.com',
    url: 'https://shop.example.com/',
    status,
    statusLine: String(status),
    ttfbMs: 42,
    ip: '203.0.113.9',
    headers: {},
    diagnosis: diagnose({ status: status ?? 0, headers: {}, url: 'https://shop.example.com/' }, time),
    networkLabel: 'office wifi',
    kind: 'check',
    ...overrides,
  };
}

/**
 * A network error as the log keeps it: the browser's `error` for `url`, classified by the table,
 * with the request's start `elapsed` ms before it failed (null: not known).
 */
export function makeNetworkIncident(
  error: string,
  overrides: Partial<Incident> = {},
  url = 'https://shop.example.com/',
  elapsed: number | null = 35,
): Incident {
  const classified = classifyNetworkError(error, url);
  if (classified?.kind !== 'failure') throw new Error(`${error} is not a network error the table explains`);
  const time = overrides.time ?? Date.UTC(2026, 10, 27, 22, 41, 7, 123);
  const request: FailedRequest = {
    requestId: '1',
    url,
    method: 'GET',
    type: 'main_frame',
    tabId: 1,
    frameId: 0,
    ip: '203.0.113.9',
    fromCache: false,
    timeStamp: time,
    error,
  };
  const incident = createNetworkIncident(request, classified.row, {
    ...CONTEXT,
    ...(elapsed === null ? {} : { durationMs: elapsed }),
  });
  return { ...incident, ...overrides };
}

/**
 * The incident a fixture's page leaves once the overlay claimed it: diagnosed with its headers
 * and its body (and how long it took), its words kept. `fixture` is a file name in
 * test/fixtures/responses/ or the fixture itself.
 */
export function claimedFixture(
  fixture: string | (typeof FIXTURES)[number],
  overrides: Partial<Incident> = {},
): Incident {
  const f = typeof fixture === 'string' ? FIXTURES.find((x) => x.file === fixture) : fixture;
  if (!f) throw new Error(`No fixture ${fixture}`);
  const { status, statusLine, headers, body, url, durationMs } = f.input;
  const incident = makeIncident({
    time: NOW,
    status,
    statusLine: statusLine ?? String(status),
    headers,
    requestUrl: url,
    pageUrl: url,
    ...overrides,
  });
  return withBody(incident, body ?? '', durationMs);
}
