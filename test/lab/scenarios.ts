/**
 * The failure lab's scenarios: each one a host name under `.test` and the responses it
 * gives, written the way the real servers write them (status line, headers, body).
 */
export interface LabResponse {
  status: number;
  /** Reason phrase for the status line; Node's default when absent. */
  reason?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Scenario {
  /** Host name; the lab maps every `*.test` name to itself. */
  host: string;
  /** One line for the lab's index page. */
  title: string;
  /** What `/` answers. */
  response: LabResponse;
  /**
   * A site that changes over time: the nth request for `/` gets the nth response (the last one
   * from then on), counted since the lab started or was reset.
   */
  sequence?: readonly LabResponse[];
  /** Other paths on the same host (API endpoints, assets). */
  routes?: Record<string, LabResponse>;
}

// nginx pads its error pages so that browsers show them instead of their own page.
const NGINX_PAD = '<!-- a padding to disable MSIE and Chrome friendly error page -->\n'.repeat(6);

function nginxPage(code: number, text: string, version = '1.25.3'): string {
  return `<html>\r\n<head><title>${code} ${text}</title></head>\r\n<body>\r\n<center><h1>${code} ${text}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n${NGINX_PAD}`;
}

const html = { 'content-type': 'text/html; charset=utf-8' };

const HEALTHY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A healthy page</title>
<style>body{font:16px/1.5 system-ui;margin:3rem}</style></head>
<body><h1>Everything works here</h1>
<p>This page loaded fine. The extension should stay out of its way.</p>
<button id="page-button" type="button">Page button</button> <output id="clicks">0</output>
<script>
document.getElementById('page-button').addEventListener('click', () => {
  const out = document.getElementById('clicks');
  out.textContent = String(Number(out.textContent) + 1);
});
</script>
</body></html>`;

const API_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dashboard</title>
<style>body{font:16px/1.5 system-ui;margin:3rem}</style></head>
<body><h1>Dashboard</h1><p>The page itself loads; its data comes from an API that is failing.</p>
<ul id="results"></ul>
<script>
for (const name of ['orders', 'stock', 'news']) {
  fetch('/api/' + name).then((r) => {
    const li = document.createElement('li');
    li.textContent = name + ': ' + r.status;
    document.getElementById('results').append(li);
  });
}
</script>
</body></html>`;

const APP_ERROR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Something went wrong</title>
<style>body{font:16px/1.5 system-ui;margin:3rem;color:#222}h1{color:#444}</style></head>
<body><h1>Something went wrong</h1>
<p>Our team has been notified. Reference: req_8d1f2a.</p>
<button id="page-button" type="button">Page button</button> <output id="clicks">0</output>
<script>
document.getElementById('page-button').addEventListener('click', () => {
  const out = document.getElementById('clicks');
  out.textContent = String(Number(out.textContent) + 1);
});
</script>
</body></html>`;

const MAINTENANCE_503: LabResponse = {
  status: 503,
  headers: { ...html, server: 'nginx/1.25.3', 'retry-after': '1' },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back in a moment</title></head>
<body><h1>Back in a moment</h1><p>We are restarting. This takes a few seconds.</p></body></html>
`,
};

/** How many failing API calls the burst page makes, over how many distinct addresses. */
export const BURST_CALLS = 300;
export const BURST_URLS = 10;

const BURST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Live prices</title>
<style>body{font:16px/1.5 system-ui;margin:3rem}</style></head>
<body><h1>Live prices</h1><p>This page polls an API that is failing hard.</p>
<p>Finished calls: <output id="done">0</output></p>
<script>
let done = 0;
for (let i = 0; i < ${BURST_CALLS}; i++) {
  fetch('/api/price/' + (i % ${BURST_URLS}), { cache: 'no-store' }).finally(() => {
    document.getElementById('done').textContent = String(++done);
  });
}
</script>
</body></html>`;

export const SCENARIOS: readonly Scenario[] = [
  {
    host: 'ok.test',
    title: 'A healthy page (200)',
    response: { status: 200, headers: { ...html, server: 'nginx/1.25.3' }, body: HEALTHY_PAGE },
  },
  {
    host: 'nginx-502.test',
    title: 'nginx 502: the app behind nginx is down',
    response: {
      status: 502,
      headers: { ...html, server: 'nginx/1.25.3' },
      body: nginxPage(502, 'Bad Gateway'),
    },
  },
  {
    host: 'nginx-504.test',
    title: 'nginx 504: the app behind nginx is too slow',
    response: {
      status: 504,
      reason: 'Gateway Time-out',
      headers: { ...html, server: 'nginx/1.25.3' },
      body: nginxPage(504, 'Gateway Time-out'),
    },
  },
  {
    host: 'apache-500.test',
    title: 'Apache 500: the application crashed',
    response: {
      status: 500,
      headers: { 'content-type': 'text/html; charset=iso-8859-1', server: 'Apache/2.4.58 (Ubuntu)' },
      body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>500 Internal Server Error</title>
</head><body>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error or
misconfiguration and was unable to complete
your request.</p>
<p>Please contact the server administrator at
 webmaster@localhost to inform them of the time this error occurred,
 and the actions you performed just before this error.</p>
<p>More information about this error may be available
in the server error log.</p>
<hr>
<address>Apache/2.4.58 (Ubuntu) Server at apache-500.test Port 80</address>
</body></html>
`,
    },
  },
  {
    host: 'cloudflare-522.test',
    title: 'Cloudflare 522: Cloudflare cannot reach the site’s server',
    response: {
      status: 522,
      reason: '',
      headers: {
        ...html,
        server: 'cloudflare',
        'cf-ray': '8f2b6a1c9d4e3f21-FRA',
        'cf-cache-status': 'DYNAMIC',
        'cf-error-type': 'origin',
        'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'same-origin',
      },
      body: `<!DOCTYPE html>
<html class="no-js" lang="en-US"><head>
<title>cloudflare-522.test | 522: Connection timed out</title>
<meta charset="UTF-8" />
</head>
<body>
<div id="cf-wrapper">
<div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
<h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
<span class="inline-block">Connection timed out</span>
<span class="code-label">Error code 522</span>
</h1>
<div>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_522&utm_campaign=cloudflare-522.test" target="_blank" rel="noopener noreferrer">cloudflare.com</a> for more information.</div>
<div class="mt-3">2026-11-27 22:41:07 UTC</div>
</header>
<div class="my-4 bg-gradient-gray">
<div class="cf-error-source">You · Browser · Working</div>
<div class="cf-error-source">Frankfurt · Cloudflare · Working</div>
<div class="cf-error-source">cloudflare-522.test · Host · Error</div>
</div>
<div class="cf-error-footer">
<p>Cloudflare Ray ID: <strong class="font-semibold">8f2b6a1c9d4e3f21</strong> &bull; Your IP: 203.0.113.7 &bull; Performance &amp; security by Cloudflare</p>
</div>
</div>
</div>
</body>
</html>
`,
    },
  },
  {
    host: 'maintenance-503.test',
    title: '503 with Retry-After: down for maintenance',
    response: {
      status: 503,
      headers: { ...html, server: 'nginx/1.25.3', 'retry-after': '120' },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Down for maintenance</title></head>
<body><h1>We’ll be right back</h1><p>We are doing some scheduled maintenance. Please check back in a few minutes.</p></body></html>
`,
    },
  },
  {
    host: 'empty-502.test',
    title: 'Empty-body 502: the browser shows its own error page',
    response: { status: 502, headers: { server: 'awselb/2.0', 'content-length': '0' }, body: '' },
  },
  {
    host: 'app-500.test',
    title: 'An application’s own 500 page, with a working button',
    response: {
      status: 500,
      headers: { ...html, 'x-powered-by': 'Express', 'x-request-id': '5f0c6d2e-8a41-4b8e-b0a7-2c1d9e7f3a10' },
      body: APP_ERROR_PAGE,
    },
  },
  {
    host: 'flaky.test',
    title: 'A site restarting: 503 with Retry-After: 1 twice, then back (200)',
    response: MAINTENANCE_503,
    sequence: [MAINTENANCE_503, MAINTENANCE_503, { status: 200, headers: html, body: HEALTHY_PAGE }],
  },
  {
    host: 'burst.test',
    title: `A page whose ${BURST_CALLS} API calls all fail within seconds (502)`,
    response: { status: 200, headers: html, body: BURST_PAGE },
    routes: {
      '/api/*': {
        status: 502,
        headers: { 'content-type': 'text/html', server: 'nginx/1.25.3' },
        body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      },
    },
  },
  {
    host: 'api-503.test',
    title: 'A healthy page whose API calls fail with 503',
    response: { status: 200, headers: html, body: API_PAGE },
    routes: {
      '/api/*': {
        status: 503,
        headers: {
          'content-type': 'application/json',
          server: 'envoy',
          'x-request-id': 'c0ffee00-1234-4bcd-9876-000000000503',
        },
        body: '{"error":"no healthy upstream"}',
      },
    },
  },
];

/** The scenario serving a host name, if any. */
export function scenarioFor(host: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.host === host);
}

/**
 * The response for a path on a scenario's host: a matching route, else the page. `hit` counts
 * the requests for `/` so far (0 for the first), for scenarios with a sequence.
 */
export function responseFor(scenario: Scenario, path: string, hit = 0): LabResponse | undefined {
  if (path === '/') return scenario.sequence?.[Math.min(hit, scenario.sequence.length - 1)] ?? scenario.response;
  for (const [pattern, response] of Object.entries(scenario.routes ?? {})) {
    if (pattern === path || (pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1)))) return response;
  }
  return undefined;
}
