import { type CompletedRequest, createIncident } from '../../lib/log/incident';
import type { Incident, Vantage } from '../../lib/log/model';
import { siteOf } from '../../lib/site/psl-node';

/** What Chromium's webRequest.onCompleted really passes: more than the fields we read. */
export interface ChromiumCompletedDetails extends CompletedRequest {
  documentId: string;
  documentLifecycle: string;
  frameType: string;
  parentFrameId: number;
}

/** Page hosts under a mix of public suffixes, so that the registrable-domain lookup does real work. */
const HOSTS = [
  'www.shop.example.com',
  'app.dashboard.example.co.uk',
  'news.example.org',
  'cdn.assets.example.net',
  'portal.example.com.au',
  'api.example.io',
  'blog.example.de',
  'login.example.fr',
];

export const VANTAGE: Vantage = {
  browser: 'Chromium 156.0.8078.108',
  extension: '0.1.0',
  online: true,
  connection: 'wifi',
  effectiveType: '4g',
  networkLabel: '',
};

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  520: '',
  522: '',
};

function statusLine(status: number): string {
  return `HTTP/1.1 ${status} ${REASONS[status] ?? ''}`.trimEnd();
}

function host(i: number): string {
  return HOSTS[i % HOSTS.length] as string;
}

/**
 * A `details` object as Chromium hands it to an onCompleted listener with `responseHeaders`:
 * a CDN-served subresource when healthy, nginx's answer when failing. `i` varies the URL.
 */
export function completedDetails(i: number, statusCode: number, type: string): ChromiumCompletedDetails {
  const page = `https://${host(i)}`;
  const url =
    type === 'main_frame'
      ? `${page}/account/orders/${i}?session=abc${i}&ref=mail`
      : `https://cdn.${host(i + 3)}/static/js/chunk-${i}.js?v=${i % 17}`;
  const healthy = statusCode < 500;
  return {
    documentId: `7A1C2E${i.toString(16).padStart(26, '0')}`.toUpperCase(),
    documentLifecycle: 'active',
    frameId: 0,
    frameType: 'outermost_frame',
    fromCache: false,
    initiator: type === 'main_frame' ? undefined : page,
    ip: `203.0.113.${i % 250}`,
    method: 'GET',
    parentFrameId: -1,
    requestId: String(100_000 + i),
    statusCode,
    statusLine: healthy ? 'HTTP/1.1 200 OK' : statusLine(statusCode),
    tabId: 2 + (i % 8),
    timeStamp: 1_780_000_000_000 + i * 13.7,
    type,
    url,
    responseHeaders: healthy
      ? [
          { name: 'content-type', value: 'application/javascript; charset=utf-8' },
          { name: 'content-length', value: String(20_000 + i) },
          { name: 'cache-control', value: 'public, max-age=31536000, immutable' },
          { name: 'date', value: 'Fri, 27 Nov 2026 22:41:07 GMT' },
          { name: 'etag', value: `"5f3a-${i}"` },
          { name: 'last-modified', value: 'Tue, 24 Nov 2026 09:12:00 GMT' },
          { name: 'server', value: 'cloudflare' },
          { name: 'cf-ray', value: `8c1f${i}a2b3c4d5e6-FRA` },
          { name: 'cf-cache-status', value: 'HIT' },
          { name: 'age', value: '5123' },
          { name: 'vary', value: 'Accept-Encoding' },
          { name: 'strict-transport-security', value: 'max-age=31536000; includeSubDomains' },
        ]
      : [
          { name: 'server', value: 'nginx/1.25.3' },
          { name: 'date', value: 'Fri, 27 Nov 2026 22:41:07 GMT' },
          { name: 'content-type', value: 'text/html' },
          { name: 'content-length', value: '559' },
          { name: 'connection', value: 'keep-alive' },
          { name: 'x-request-id', value: `f0c8a1d2e3b4${i}` },
          { name: 'set-cookie', value: `sid=${i}; HttpOnly; Secure` },
        ],
  };
}

const STATUSES = [500, 502, 502, 502, 503, 503, 504, 520, 522];
const TYPES = ['main_frame', 'xmlhttprequest', 'xmlhttprequest', 'script', 'stylesheet', 'sub_frame'];

/** How many distinct sites the generated logs spread over. */
export const SAMPLE_SITES = 250;

let templates: Incident[] | undefined;

/**
 * Incidents made by the extension's own `createIncident`, three per site with different
 * codes and request types, so that generated logs have the stored shape, whatever it is.
 */
export function incidentTemplates(): readonly Incident[] {
  templates ??= Array.from({ length: SAMPLE_SITES * 3 }, (_, k) => {
    const site = `site${k % SAMPLE_SITES}.example.com`;
    const type = TYPES[k % TYPES.length] as string;
    const pageUrl = `https://www.${site}/products/${k % 97}`;
    const request = completedDetails(k, STATUSES[k % STATUSES.length] as number, type);
    request.url = type === 'main_frame' ? pageUrl : `https://api.${site}/v2/items?token=secret`;
    if (k % 3 === 0) {
      request.responseHeaders = [
        { name: 'server', value: 'cloudflare' },
        { name: 'cf-ray', value: `8c1f${k.toString(16)}a2b3c4d5-FRA` },
        { name: 'cf-cache-status', value: 'DYNAMIC' },
      ];
    }
    return createIncident(request, { pageUrl, tzOffset: 60, vantage: VANTAGE, siteOf });
  });
  return templates;
}

/** The `i`-th incident of a generated log: one a minute, each with its own request URL. */
export function sampleIncident(i: number, start = 1_780_000_000_000): Incident {
  const template = incidentTemplates()[i % (SAMPLE_SITES * 3)] as Incident;
  const time = start + i * 60_017;
  const separator = template.requestUrl.includes('?') ? '&' : '?';
  return { ...template, id: i + 1, time, lastTime: time, requestUrl: `${template.requestUrl}${separator}n=${i}` };
}

/**
 * A `details` object as Chromium hands it to an onErrorOccurred listener: `error` is the
 * browser's name (net::ERR_ABORTED, net::ERR_CONNECTION_REFUSED…). `i` varies the URL.
 */
export function errorDetails(i: number, error: string, type: string) {
  const { responseHeaders: _h, statusCode: _s, statusLine: _l, ...request } = completedDetails(i, 200, type);
  return { ...request, error };
}
