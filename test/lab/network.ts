/**
 * The network-error lab: sites that fail before any HTTP response, the way real ones do, on
 * loopback. Each is a real socket (or a real absence of one) and a host name the browser maps
 * to it; nothing is faked in the browser. What the browsers reported for each, recorded on
 * Chromium 156 and Firefox ESR 153, is in test/e2e/network-errors.e2e.ts and the README.
 *
 * - refused.test      a port nothing listens on: the kernel answers the SYN with a reset.
 * - reset.test        accepts, reads the request, then resets the connection (RST).
 * - empty.test        accepts, reads the request, then closes without a byte (FIN).
 * - hang.test         accepts and never answers. Chromium has no time limit here: a page waits
 *                     for well over 400 s without an error, so tests use it to navigate away
 *                     from (ERR_ABORTED), and test empty.test and closed.test for a server that
 *                     takes the connection and gives nothing.
 * - closed.test       https: accepts the TCP connection, closes it before the TLS handshake.
 * - expired.test      https: a certificate from the lab's CA that expired in 2025.
 * - wrong-name.test   https: a valid certificate from the lab's CA, for other-site.test.
 * - self-signed.test  https: a self-signed certificate no one vouches for.
 * - nx.test           a name that does not resolve (Chromium: `MAP nx.test ~NOTFOUND`).
 * - api.netlab.test   the API of the lab's shop.netlab.test page, refused like refused.test;
 *   tracker.example   its tracker, which does not resolve (as with a DNS-level ad blocker).
 *
 * The certificates are made fresh by openssl in a temporary folder. Chromium trusts the lab's
 * CA through an NSS database in a HOME of its own (certutil), and nothing else: there is no
 * blanket bypass of certificate errors, so every TLS failure is the browser's real verdict.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running network-error lab. */
export interface NetworkLab {
  /** Port of each socket, by host. */
  ports: Record<string, number>;
  /** Chromium `--host-resolver-rules` entries that send each host to its socket. */
  hostRules: string[];
  /** A HOME whose NSS database trusts the lab's CA (Chromium on Linux reads ~/.pki/nssdb). */
  home: string;
  /** The lab's CA certificate (PEM), for a browser with a certificate store of its own (Firefox). */
  caPem: string;
  /** How many connections a host's socket has accepted so far. */
  accepted(host: string): number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A port that was free a moment ago and has nothing listening on it now. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((done) => probe.close(done));
  return port;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** The lab's CA, and leaf certificates signed by it or by themselves, made with openssl. */
function makeCertificates(dir: string): Record<'expired' | 'wrongName' | 'selfSigned', { key: Buffer; cert: Buffer }> {
  // The CA needs CA extensions to sign.
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/CN=5xx Explainer lab CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'index.txt'), '');
  writeFileSync(join(dir, 'db', 'serial'), '01\n');
  // `openssl ca` is the OpenSSL 3.0 way to sign with chosen start and end dates.
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = lab',
      '[lab]',
      `dir = ${join(dir, 'db')}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'copy_extensions = copy',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  const signed = (name: string, host: string, start: string, end: string) => {
    openssl(
      dir,
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
    );
    openssl(
      dir,
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-startdate',
      start,
      '-enddate',
      end,
      '-notext',
    );
    return { key: readFileSync(join(dir, `${name}.key`)), cert: readFileSync(join(dir, `${name}.pem`)) };
  };
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'self.key',
    '-out',
    'self.pem',
    '-days',
    '30',
    '-subj',
    '/CN=self-signed.test',
    '-addext',
    'subjectAltName=DNS:self-signed.test',
  );
  return {
    expired: signed('expired', 'expired.test', '20240101000000Z', '20250101000000Z'),
    wrongName: signed('wrong-name', 'other-site.test', '20250101000000Z', '20400101000000Z'),
    selfSigned: { key: readFileSync(join(dir, 'self.key')), cert: readFileSync(join(dir, 'self.pem')) },
  };
}

/** An NSS database under `home` that trusts the CA as an issuer of server certificates. */
function trustInNss(home: string, caFile: string): void {
  const db = join(home, '.pki', 'nssdb');
  mkdirSync(db, { recursive: true });
  try {
    execFileSync('certutil', ['-d', `sql:${db}`, '-N', '--empty-password'], { stdio: 'pipe' });
    execFileSync('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', '5xx-explainer-lab', '-i', caFile], {
      stdio: 'pipe',
    });
  } catch (error) {
    throw new Error(`certutil failed (${error}): install Debian's libnss3-tools for the TLS scenarios.`);
  }
}

/** Starts every socket of the lab; `close()` stops them and removes the certificates. */
export async function startNetworkLab(): Promise<NetworkLab> {
  const dir = mkdtempSync(join(tmpdir(), '5xx-netlab-'));
  const home = join(dir, 'home');
  const certs = makeCertificates(dir);
  trustInNss(home, join(dir, 'ca.pem'));
  const ok = (_req: unknown, res: { end: (body: string) => void }) => res.end('not expected to get here');
  const servers: Record<string, Server> = {
    'reset.test': createServer((socket) => socket.once('data', () => socket.resetAndDestroy())),
    'empty.test': createServer((socket) => socket.once('data', () => socket.end())),
    'hang.test': createServer((socket) => socket.resume()),
    'closed.test': createServer((socket) => socket.end()),
    'expired.test': createHttpsServer(certs.expired, ok),
    'wrong-name.test': createHttpsServer(certs.wrongName, ok),
    'self-signed.test': createHttpsServer(certs.selfSigned, ok),
  };
  // Open connections (hang.test's) must not keep close() waiting.
  const sockets = new Set<{ destroy: () => void }>();
  const accepted = new Map<string, number>();
  for (const [host, server] of Object.entries(servers)) {
    server.on('connection', (socket) => {
      accepted.set(host, (accepted.get(host) ?? 0) + 1);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const ports: Record<string, number> = { 'refused.test': await closedPort() };
  for (const [host, server] of Object.entries(servers)) ports[host] = await listen(server);
  return {
    ports,
    hostRules: [
      ...Object.entries(ports).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`),
      'MAP nx.test ~NOTFOUND',
      // shop.netlab.test (test/lab/scenarios.ts): its own API refuses, its tracker does not resolve.
      `MAP api.netlab.test 127.0.0.1:${ports['refused.test']}`,
      'MAP tracker.example ~NOTFOUND',
    ],
    home,
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    accepted: (host) => accepted.get(host) ?? 0,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(Object.values(servers).map((server) => new Promise((done) => server.close(done))));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
