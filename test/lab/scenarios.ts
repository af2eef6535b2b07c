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
  /** How `body` becomes bytes: UTF-8 unless said ('latin1' maps each char to one byte, for binary bodies). */
  bodyEncoding?: 'utf8' | 'latin1';
  /**
   * Held back until the test calls `lab.release()`, to keep a page loading for as long as a test
   * needs: `true` holds the whole response; a number sends the headers and the body up to that
   * character, and holds the rest.
   */
  held?: true | number;
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
  /**
   * False for scenarios made for the tests that `npm start -- --headless` cannot photograph:
   * pages held loading until a test releases them, or that end on the explanation page.
   */
  screenshot?: false;
  /** Other paths on the same host (API endpoints, assets). */
  routes?: Record<string, LabResponse>;
}

/**
 * A page whose API is on its own site but refuses connections, and whose tracker's name does not
 * resolve (as with a DNS ad blocker): the first is the site's failure, the second is not.
 */
const UNREACHABLE_API_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Shop</h1><p>The page loads; its prices come from an API that refuses connections.</p>
<output id="done"></output>
<script>
const calls = ['http://api.netlab.test/prices', 'http://api.netlab.test/stock', 'http://tracker.example/pixel.js'];
Promise.allSettled(calls.map((url) => fetch(url, { mode: 'no-cors' }))).then((results) => {
  document.getElementById('done').textContent = results.filter((r) => r.status === 'rejected').length;
});
</script>
</body></html>`;

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

/** Markup and script where a 5xx puts text: header values, the status line, the title. */
export const MARKUP = {
  server: '<img src=x onerror=alert(1)>',
  requestId: '<script>alert(2)</script>',
  ray: '"><svg onload=alert(3)>',
  reason: '<b>Error</b> <img src=x onerror=alert(4)>',
  title: '<img src=x onerror=alert(5)> <b>Server error</b>',
} as const;

/** The size of the long scenario's header value, in characters. */
export const LONG_HEADER_CHARS = 7 * 1024;

/** An nginx 502 page that loads a script: holding the script back keeps the page loading. */
const SLOW_502_BODY = nginxPage(502, 'Bad Gateway').replace('</body>', '<script src="/held.js"></script>\r\n</body>');

/** Every byte value, many times over: a body that is no text at all. */
const BINARY_BODY = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 151 + 7) % 256)).join('');

/**
 * A failing page that goes after the overlay: it can try to read it, cover it and remove it
 * (the test calls these, as the page's own code would). Each returns what the page observed.
 */
const HOSTILE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Internal Server Error</title></head>
<body><h1>Internal Server Error</h1><p>This page tries to read, cover and remove what an extension shows on it.</p>
<script>
window.hostile = {
  host: () => document.querySelector('fivexx-explainer'),
  read() {
    const host = this.host();
    if (!host) return null;
    let attach = 'allowed';
    try { host.attachShadow({ mode: 'open' }); } catch (e) { attach = e.name; }
    return {
      shadowRoot: host.shadowRoot === null ? null : 'exposed',
      textContent: host.textContent,
      innerText: host.innerText,
      html: host.getHTML({ serializableShadowRoots: true }),
      outerHTML: document.documentElement.outerHTML,
      pageText: document.documentElement.innerText,
      children: host.children.length,
      attach,
    };
  },
  cover() {
    const top = () => document.elementFromPoint(innerWidth - 100, 60)?.localName ?? null;
    const before = top();
    const cover = document.createElement('div');
    cover.id = 'cover';
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
    document.documentElement.append(cover);
    return { before, after: top() };
  },
  remove() {
    this.host()?.remove();
    return document.querySelector('fivexx-explainer') === null;
  },
};
</script>
</body></html>`;

/**
 * A healthy page that pretends to be the extension: it messages the extension by id (given as
 * ?ext=ID) and posts look-alike envelopes to itself. What each attempt did lands in #attempts.
 */
const FAKE_MESSAGES_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Nothing to see</title></head>
<body><h1>A healthy page with ideas</h1><pre id="attempts"></pre>
<script>
(async () => {
  const ext = new URLSearchParams(location.search).get('ext') || '';
  const claim = { name: 'overlay:claim', body: { url: location.href, navStatus: 503, body: '<h1>503</h1>' } };
  const notice = { name: 'overlay:notice', body: { burst: { id: 1, status: 503, count: 99, last: Date.now(), host: location.host } } };
  const out = {};
  const attempt = async (what, fn) => {
    try { out[what] = 'returned ' + JSON.stringify(await fn()); }
    catch (e) { out[what] = 'threw ' + e.name; }
  };
  await attempt('chrome.runtime', () => typeof globalThis.chrome?.runtime);
  await attempt('sendMessage', () => chrome.runtime.sendMessage(ext, claim));
  await attempt('connect', () => chrome.runtime.connect(ext).name);
  await attempt('postMessage', () => {
    for (const m of [claim, notice]) {
      window.postMessage(m, '*');
      window.postMessage(JSON.stringify(m), '*');
      document.dispatchEvent(new CustomEvent(m.name, { detail: m }));
    }
    return 'sent';
  });
  document.getElementById('attempts').textContent = JSON.stringify(out);
})();
</script>
</body></html>`;

/**
 * A failing page that wants what the extension copies: a `copy` listener that records what it
 * sees and puts its own text on the clipboard instead (as a page's script can, for its own
 * copies). What it saw lands in `window.copyEvents`.
 */
const COPY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Internal Server Error</title><link rel="icon" href="data:,"></head>
<body><h1>Internal Server Error</h1><p>This page listens for copies.</p>
<script>
window.copyEvents = [];
document.addEventListener('copy', (event) => {
  window.copyEvents.push(String(document.getSelection()));
  event.clipboardData.setData('text/plain', 'SWAPPED BY THE PAGE');
  event.preventDefault();
}, true);
</script>
</body></html>`;

/** How many distinct failing addresses the flood page asks for, each over the 8 KB the log keeps. */
export const FLOOD_CALLS = 100;

const FLOOD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flood</title><link rel="icon" href="data:,"></head>
<body><h1>A page that fails on purpose, a lot</h1><p>Finished calls: <output id="done">0</output></p>
<script>
const pad = 'p'.repeat(9000);
const run = Math.random().toString(36).slice(2);
let done = 0;
for (let i = 0; i < ${FLOOD_CALLS}; i++) {
  fetch('/api/' + run + '/' + i + '?pad=' + pad, { cache: 'no-store' }).finally(() => {
    document.getElementById('done').textContent = String(++done);
  });
}
</script>
</body></html>`;

/** A secret in a Link header, as a 502's headers may carry one. */
export const LINK_SECRET = 'LinkS3cret0123456789abc';

const SECRETS_502: LabResponse = {
  status: 502,
  headers: {
    ...html,
    server: 'nginx/1.25.3',
    link: `<https://cdn.secrets-502.test/app.css?token=${LINK_SECRET}>; rel=preload; as=style`,
  },
  body: nginxPage(502, 'Bad Gateway'),
};

/**
 * A failing page whose script re-renders the whole document as some frameworks do: every element
 * it did not make is removed from the root at once. How many it removed lands in `window.removed`.
 */
const RERENDER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Internal Server Error</title><link rel="icon" href="data:,"></head>
<body><h1>Internal Server Error</h1><p>This page removes every element it did not make.</p>
<script>
window.removed = 0;
const own = new Set(document.documentElement.children);
new MutationObserver(() => {
  for (const el of [...document.documentElement.children]) {
    if (!own.has(el)) { el.remove(); window.removed++; }
  }
}).observe(document.documentElement, { childList: true });
</script>
</body></html>`;

/** A site that is down: its error page's own stylesheet, script and image fail with it. */
const ASSETS_502: LabResponse = {
  status: 502,
  headers: { ...html, server: 'nginx/1.25.3' },
  body: nginxPage(502, 'Bad Gateway')
    .replace(
      '</head>',
      '<link rel="stylesheet" href="/style.css"><script src="/app.js"></script><link rel="icon" href="/favicon.ico"></head>',
    )
    .replace('<hr>', '<img src="/logo.png" alt=""><hr>'),
};

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
    host: 'shop-down.test',
    title: 'A shop down (503) whose status page (status.shop-down.test) reports a major outage',
    response: {
      status: 503,
      headers: { ...html, server: 'nginx/1.25.3' },
      body: nginxPage(503, 'Service Temporarily Unavailable'),
    },
  },
  {
    host: 'status.shop-down.test',
    title: 'The shop’s status page, in Atlassian Statuspage format',
    response: { status: 200, headers: html, body: '<!doctype html><title>Shop status</title><h1>Major outage</h1>' },
    routes: {
      '/api/v2/status.json': {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          page: { id: 'lab', name: 'Shop', url: 'http://status.shop-down.test' },
          status: { indicator: 'major', description: 'Major System Outage' },
        }),
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
  {
    host: 'shop.netlab.test',
    title: 'A healthy page whose own API cannot be reached (refused), and a tracker that does not resolve',
    response: { status: 200, headers: html, body: UNREACHABLE_API_PAGE },
    // Its calls go to api.netlab.test and tracker.example, which the network lab (test/lab/network.ts) maps.
    screenshot: false,
  },
  {
    host: 'form.test',
    title: 'A form whose result page is not cached: Back to it is ERR_CACHE_MISS, not a failure',
    response: {
      status: 200,
      headers: html,
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order</title></head><body><form method="post" action="/result"><button id="send">Send</button></form></body></html>',
    },
    routes: {
      '/result': {
        status: 200,
        headers: html,
        body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thanks</title></head><body><h1>Thanks</h1></body></html>',
      },
    },
    screenshot: false,
  },
  {
    host: 'markup-500.test',
    title: 'Hostile input: markup and script in the headers, status line and title (500)',
    response: {
      status: 500,
      reason: MARKUP.reason,
      headers: {
        ...html,
        server: MARKUP.server,
        'x-request-id': MARKUP.requestId,
        'cf-ray': MARKUP.ray,
        via: '1.1 <iframe src="javascript:alert(6)">',
      },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${MARKUP.title}</title></head>
<body><h1>Internal Server Error</h1><p>The markup in this page's headers must stay text.</p></body></html>
`,
    },
  },
  {
    host: 'long-500.test',
    title: `Hostile input: a 500 with a ${LONG_HEADER_CHARS}-character header (any query string)`,
    response: {
      status: 500,
      headers: { ...html, server: 'nginx/1.25.3', 'x-request-id': 'r'.repeat(LONG_HEADER_CHARS) },
      body: nginxPage(500, 'Internal Server Error'),
    },
  },
  {
    host: 'binary-500.test',
    title: 'Hostile input: a 500 whose body is binary (application/octet-stream)',
    screenshot: false,
    response: {
      status: 500,
      headers: { 'content-type': 'application/octet-stream', server: 'nginx/1.25.3' },
      body: BINARY_BODY,
      bodyEncoding: 'latin1',
    },
  },
  {
    host: 'xn--bcher-kva.test',
    title: 'An internationalised host name (bücher.test), 502',
    response: { status: 502, headers: { ...html, server: 'nginx/1.25.3' }, body: nginxPage(502, 'Bad Gateway') },
  },
  {
    host: 'hostile-500.test',
    title: 'A failing page that tries to read, cover and remove the overlay (500)',
    response: { status: 500, headers: { ...html, server: 'Apache/2.4.58 (Ubuntu)' }, body: HOSTILE_PAGE },
  },
  {
    host: 'fake-messages.test',
    title: 'A healthy page that sends the extension look-alike messages (200)',
    response: { status: 200, headers: html, body: FAKE_MESSAGES_PAGE },
  },
  {
    host: 'slow-502.test',
    title: 'A 502 page that keeps loading: the end of its body, then its script, wait for the test to release them',
    screenshot: false,
    response: {
      status: 502,
      headers: { ...html, server: 'nginx/1.25.3' },
      body: SLOW_502_BODY,
      // The page commits with its first half; the rest (with the script) waits for a release.
      held: SLOW_502_BODY.indexOf('<script'),
    },
    routes: { '/held.js': { status: 200, headers: { 'content-type': 'text/javascript' }, body: '', held: true } },
  },
  {
    host: 'copy-500.test',
    title: 'A failing page that listens for copies and would swap what is copied (500)',
    screenshot: false,
    response: { status: 500, headers: { ...html, server: 'Apache/2.4.58 (Ubuntu)' }, body: COPY_PAGE },
  },
  {
    host: 'flood.test',
    title: `A page that fails on ${FLOOD_CALLS} distinct 9 KB addresses at once (502)`,
    screenshot: false,
    response: { status: 200, headers: html, body: FLOOD_PAGE },
    routes: {
      '/api/*': { status: 502, headers: { 'content-type': 'text/plain', server: 'nginx/1.25.3' }, body: 'bad gateway' },
    },
  },
  {
    host: 'rerender-500.test',
    title: 'A failing page that removes every element it did not make, as a re-rendering framework does (500)',
    screenshot: false,
    response: { status: 500, headers: { ...html, server: 'Apache/2.4.58 (Ubuntu)' }, body: RERENDER_PAGE },
  },
  {
    host: 'assets-502.test',
    title: 'A site down (502) whose error page loads its own stylesheet, script and image, which fail too',
    screenshot: false,
    response: ASSETS_502,
    routes: { '/*': ASSETS_502 },
  },
  {
    host: 'secrets-502.test',
    title: 'A 502 at an address full of secrets, with a secret in its Link header (any path)',
    screenshot: false,
    response: SECRETS_502,
    routes: { '/*': SECRETS_502 },
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
