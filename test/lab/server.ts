import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LabResponse, responseFor, SCENARIOS, scenarioFor } from './scenarios';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The lab's front page: every scenario as a link. */
function indexPage(): LabResponse {
  const items = SCENARIOS.map(
    (s) => `<li><a href="http://${s.host}/">${escapeHtml(s.host)}</a> — ${escapeHtml(s.title)}</li>`,
  ).join('\n');
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>5xx failure lab</title>
<style>body{font:16px/1.6 system-ui;margin:3rem;max-width:50rem}</style></head>
<body><h1>5xx failure lab</h1><p>Each link is a site that fails the way real servers fail.</p>
<ul>${items}</ul></body></html>`,
  };
}

const NOT_FOUND: LabResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };

/** A running lab: its port and a way to stop it. */
export interface Lab {
  port: number;
  server: Server;
  /** Starts every changing site (see Scenario.sequence) from its first response again. */
  reset(): void;
  /** Every request served, as `host/path`, oldest first (tests check what was contacted). */
  requests: string[];
  /** Sends every response (or rest of a response) held back so far (see LabResponse.held). */
  release(): void;
  /** How many responses are being held back now. */
  holding(): number;
  close(): Promise<void>;
}

/**
 * Starts the lab on 127.0.0.1 (port 0 picks a free one). Browsers reach it through
 * `--host-resolver-rules="MAP *.test 127.0.0.1:PORT"`, so the Host header picks the scenario.
 */
export function startLab(port = 0): Promise<Lab> {
  const hits = new Map<string, number>();
  const requests: string[] = [];
  const held: (() => void)[] = [];
  const release = () => {
    for (const send of held.splice(0)) send();
  };
  // Addresses of 20 KB and more are part of the hostile pages' repertoire; Node's default allows 16 KB.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const scenario = scenarioFor(host);
    requests.push(`${host}${path}`);
    const hit = hits.get(host) ?? 0;
    if (path === '/' && req.method === 'GET') hits.set(host, hit + 1);
    const response = scenario ? responseFor(scenario, path, hit) : path === '/' ? indexPage() : undefined;
    const { status, reason, headers = {}, body = '', bodyEncoding = 'utf8' } = response ?? NOT_FOUND;
    const bytes = Buffer.from(body, bodyEncoding);
    const head = () =>
      res.writeHead(status, reason ?? undefined, {
        'cache-control': 'no-store',
        ...headers,
        'content-length': String(bytes.length),
      });
    const hold = req.method === 'HEAD' ? undefined : response?.held;
    if (hold === undefined) {
      head();
      res.end(req.method === 'HEAD' ? undefined : bytes);
    } else if (hold === true) {
      held.push(() => {
        head();
        res.end(bytes);
      });
    } else {
      const cut = Buffer.byteLength(body.slice(0, hold), bodyEncoding);
      head();
      res.write(bytes.subarray(0, cut));
      held.push(() => res.end(bytes.subarray(cut)));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        port: bound,
        server,
        reset: () => hits.clear(),
        requests,
        release,
        holding: () => held.length,
        close: () => {
          release();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}
