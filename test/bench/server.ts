import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How many of each kind of subresource the heavy page loads (3 × 100 = 300). */
export const SUBRESOURCES_PER_KIND = 100;

/** A 1×1 transparent PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * A page with 100 stylesheets, 100 images and 100 scripts. Every subresource URL carries the
 * page's own query string, so no two loads share a cache entry even if no-store were ignored.
 */
function heavyPage(query: string): string {
  const q = query ? `?${query}` : '';
  const range = Array.from({ length: SUBRESOURCES_PER_KIND }, (_, i) => i);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>300 subresources</title>
${range.map((i) => `<link rel="stylesheet" href="/c/${i}.css${q}">`).join('\n')}
</head><body><h1>A healthy page with 300 subresources</h1>
${range.map((i) => `<img src="/i/${i}.png${q}" width="1" height="1" alt="">`).join('\n')}
${range.map((i) => `<script src="/s/${i}.js${q}"></script>`).join('\n')}
</body></html>`;
}

/**
 * A page that fires failing requests on demand: `fireFailures(prefix, count, concurrency)`
 * fetches /fail/<prefix>/0 … /fail/<prefix>/<count-1> (distinct URLs, so none coalesce) with at
 * most `concurrency` in flight, and resolves with the page-side duration in ms.
 */
const BURST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Failure burst</title></head>
<body><h1>Failure burst</h1>
<script>
window.fireFailures = async (prefix, count, concurrency) => {
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await fetch('/fail/' + prefix + '/' + i).then((r) => r.arrayBuffer());
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return performance.now() - start;
};
</script></body></html>`;

const OK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OK</title></head>
<body><h1>A healthy page</h1></body></html>`;

/** nginx's 503 page, as a failing API behind nginx would send it. */
const FAIL_BODY =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';

interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

function route(path: string, query: string): Reply {
  const asset = /^\/([csi])\/(\d+)\.(?:css|js|png)$/.exec(path);
  if (asset) {
    const [, kind, n] = asset;
    if (kind === 'c') return { status: 200, type: 'text/css', body: `.c${n}{margin:${n}px}` };
    if (kind === 's')
      return { status: 200, type: 'text/javascript', body: 'window.scriptsRun=(window.scriptsRun||0)+1;' };
    return { status: 200, type: 'image/png', body: PIXEL };
  }
  if (path.startsWith('/fail/')) {
    return {
      status: 503,
      type: 'text/html',
      body: FAIL_BODY,
      headers: { server: 'nginx/1.25.3', 'retry-after': '30' },
    };
  }
  if (path === '/page') return { status: 200, type: 'text/html; charset=utf-8', body: heavyPage(query) };
  if (path === '/burst') return { status: 200, type: 'text/html; charset=utf-8', body: BURST_PAGE };
  if (path === '/ok' || path === '/ready') return { status: 200, type: 'text/html; charset=utf-8', body: OK_PAGE };
  return { status: 404, type: 'text/plain', body: 'not found' };
}

/** The benchmark's own origin on 127.0.0.1. */
export interface BenchServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Starts the benchmark server on a free loopback port. */
export function startBenchServer(): Promise<BenchServer> {
  const server = createServer((req, res) => {
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    const { status, type, body, headers } = route(path, query);
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
    });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
