/**
 * What stands behind the real servers: tiny node upstreams started in this process and
 * closed with the workspace.
 * - a dead port: nothing listens there, so a connection is refused at once;
 * - a silent upstream: accepts, reads the request, and never answers (or answers too late);
 * - an app: a small node:http application that fails with its own 500 page;
 * - a DNS responder on a loopback address, port 53, that answers every question NXDOMAIN
 *   (Squid's `dns_nameservers` takes addresses only, always on port 53).
 */
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { Workspace } from './workspace';

function listen(server: Server | ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** A port nothing listens on: connecting is refused (ECONNREFUSED). */
export function deadPort(ws: Workspace): Promise<number> {
  return ws.port();
}

/**
 * An upstream that accepts connections and reads requests but never answers; with
 * `answerAfterMs`, answers 200 after that long (too late for a proxy with a shorter timeout).
 */
export async function silentUpstream(ws: Workspace, options: { answerAfterMs?: number } = {}): Promise<number> {
  const port = await ws.port();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', () => {
      if (options.answerAfterMs === undefined) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 11\r\nconnection: close\r\n\r\ntoo late!\r\n',
        );
      }, options.answerAfterMs);
      timers.add(timer);
    });
  });
  await listen(server, port);
  ws.onClose(
    () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return port;
}

/**
 * An upstream that is there when the proxy starts and goes away later: it accepts (and at once
 * closes) connections until `vanish()`, after which its port refuses them. `connected` settles
 * on the first connection (a proxy's start-up probe of its peers).
 */
export async function vanishingUpstream(ws: Workspace) {
  const port = await ws.port();
  let first: () => void = () => {};
  const connected = new Promise<void>((resolve) => {
    first = resolve;
  });
  const server = createServer((socket) => {
    first();
    socket.on('error', () => {});
    socket.destroy();
  });
  await listen(server, port);
  let gone = false;
  const vanish = () =>
    new Promise<void>((resolve) => {
      if (gone) return resolve();
      gone = true;
      server.close(() => resolve());
    });
  ws.onClose(vanish);
  return { port, connected, vanish };
}

/** A request ID that is the same on every run for one set-up (so recorded fixtures stay stable). */
export function stableRequestId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The small application's own error page (what a hand-written node app sends on an exception). */
export function appErrorPage(requestId: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Something went wrong</title></head>
<body>
<h1>Something went wrong</h1>
<p>We could not load your basket. The error has been logged and we are looking into it.</p>
<p>Request ID: ${requestId}</p>
</body>
</html>
`;
}

/**
 * A node:http app that answers every request with its own 500 page and an `x-request-id`
 * header (no `server` or `x-powered-by`: this app does not sign its answers).
 */
export async function failingApp(ws: Workspace, requestId: string): Promise<number> {
  const port = await ws.port();
  const server = createHttpServer((req, res) => {
    req.resume();
    const body = appErrorPage(requestId);
    res.writeHead(500, 'Internal Server Error', {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-request-id': requestId,
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.keepAliveTimeout = 1000;
  await listen(server, port);
  ws.onClose(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return port;
}

/** Whether this process may bind port 53 (root, or a lowered unprivileged port start). */
export function canBindDnsPort(): boolean {
  if (process.getuid?.() === 0) return true;
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8')) <= 53;
  } catch {
    return false;
  }
}

/** An NXDOMAIN answer to a DNS query (same id and question, RCODE 3, no records). */
function dnsError(query: Buffer, rcode: number): Buffer | undefined {
  if (query.length < 12) return undefined;
  // Skip the question: labels up to a zero byte, then QTYPE and QCLASS.
  let i = 12;
  while (i < query.length && query[i] !== 0) i += (query[i] ?? 0) + 1;
  const end = i + 5;
  if (end > query.length) return undefined;
  const answer = Buffer.from(query.subarray(0, end));
  const rd = (query[2] ?? 0) & 0x01;
  answer[2] = 0x80 | 0x04 | rd; // QR, AA, RD copied
  answer[3] = 0x80 | rcode; // RA, the error
  answer.writeUInt16BE(1, 4); // one question
  answer.writeUInt16BE(0, 6);
  answer.writeUInt16BE(0, 8);
  answer.writeUInt16BE(0, 10);
  return answer;
}

/**
 * A DNS responder answering NXDOMAIN to everything, on port 53 of a loopback address of its own
 * (127.53.x.y), so that several labs can run at once. Returns the address.
 */
export async function nxdomainResolver(ws: Workspace, rcode = 3): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const address = `127.53.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const socket = createSocket('udp4');
    socket.on('message', (msg, rinfo) => {
      const answer = dnsError(msg, rcode);
      if (answer && rcode >= 0) socket.send(answer, rinfo.port, rinfo.address);
    });
    const bound = await new Promise<boolean>((resolve) => {
      socket.once('error', () => resolve(false));
      socket.bind(53, address, () => resolve(true));
    });
    if (bound) {
      socket.on('error', () => {});
      ws.onClose(() => new Promise<void>((resolve) => socket.close(() => resolve())));
      return address;
    }
    socket.close();
  }
  throw new Error('Could not bind a DNS responder on any 127.53.x.y:53');
}
