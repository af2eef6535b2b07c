/**
 * Starting set-ups and asking them for the page, the way a browser's navigation would.
 */
import { request } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import { missingPackages, type RealPackage } from './packages';
import { type Entry, requestIdFor, type Setup } from './setups';
import { canBindDnsPort } from './upstreams';
import { Workspace } from './workspace';

/** A set-up that runs, with what the visitor needs to reach it. */
export interface Started extends Entry {
  setup: Setup;
  /** The host name the visitor asks for (`<setup>.test`, or the site asked through a proxy). */
  host: string;
}

/** Why a set-up cannot run here (a missing package, no right to bind port 53), or null. */
export function cannotRun(setup: Setup): { packages: RealPackage[]; reason: string } | null {
  const packages = missingPackages(setup.packages);
  if (packages.length > 0) return { packages, reason: `missing ${packages.join(', ')}` };
  if (setup.needsPort53 && !canBindDnsPort()) {
    return {
      packages: [],
      reason:
        'needs to bind port 53 on a loopback address (for the DNS responder Squid asks): run as root, or lower net.ipv4.ip_unprivileged_port_start',
    };
  }
  return null;
}

/** Starts one set-up inside `ws`; on failure, what it started so far stops with the workspace. */
export async function startSetup(ws: Workspace, setup: Setup): Promise<Started> {
  const entry = await setup.start({ ws, name: setup.name, requestId: requestIdFor(setup) });
  const started: Started = { ...entry, setup, host: new URL(entry.url).hostname };
  for (let i = 0; setup.warmup && i < 2; i++) await browserGet(started);
  return started;
}

/**
 * Starts several set-ups in one workspace, `concurrency` at a time (two cores: do not start
 * every JVM and VCL compiler at once).
 */
export async function startSetups(ws: Workspace, setups: readonly Setup[], concurrency = 3): Promise<Started[]> {
  const results: Started[] = new Array(setups.length);
  let next = 0;
  const worker = async () => {
    while (next < setups.length) {
      const i = next++;
      results[i] = await startSetup(ws, setups[i] as Setup);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, setups.length) }, worker));
  return results;
}

/** The headers Chromium sends on a plain-http navigation (the `Accept` tells a page from a fetch). */
export const NAVIGATION_HEADERS: Record<string, string> = {
  'upgrade-insecure-requests': '1',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  accept:
    'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
  'accept-encoding': 'gzip, deflate',
  'accept-language': 'en-US,en;q=0.9',
};

export interface Answer {
  status: number;
  statusLine: string;
  /** Names lower-cased, in the order sent; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  /** The body, decoded (gzip/deflate undone) as UTF-8. */
  body: string;
  /** From sending the request to the body's end. */
  durationMs: number;
}

/** GET the set-up's page as a browser navigation would (direct, or through the forward proxy). */
export function browserGet(target: Started, timeoutMs = 30_000): Promise<Answer> {
  const url = new URL(target.url);
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: 'GET',
        // Through a forward proxy the request line carries the whole address.
        path: target.proxy ? url.href : `${url.pathname}${url.search}`,
        headers: { host: url.host, connection: 'keep-alive', ...NAVIGATION_HEADERS },
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const durationMs = Math.round(performance.now() - began);
          const headers: Record<string, string> = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = (res.rawHeaders[i] as string).toLowerCase();
            const value = res.rawHeaders[i + 1] as string;
            headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
          }
          let raw = Buffer.concat(chunks);
          const encoding = headers['content-encoding'];
          if (encoding === 'gzip') raw = gunzipSync(raw);
          else if (encoding === 'deflate') raw = inflateSync(raw);
          resolve({
            status: res.statusCode ?? 0,
            statusLine: `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ''}`.trimEnd(),
            headers,
            body: raw.toString('utf8'),
            durationMs,
          });
          req.destroy();
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`No answer from ${target.setup.name} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Starts one set-up in a workspace of its own, asks it once, and stops it again. */
export async function visitOnce(setup: Setup): Promise<{ answer: Answer; ports: number[] }> {
  const ws = new Workspace(setup.name);
  try {
    const started = await startSetup(ws, setup);
    const answer = await browserGet(started);
    return { answer, ports: ws.allocatedPorts() };
  } finally {
    await ws.close();
  }
}
