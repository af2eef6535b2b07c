import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lab } from '../lab/server';

/** A lab scenario reachable at an IPv6 literal, http://[::1]:PORT/. */
export interface Ipv6Front {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one lab scenario on the IPv6 loopback: the lab itself listens on 127.0.0.1 and picks
 * the scenario by host name, which an address like [::1] does not have, so requests arriving
 * here are handed to the lab as if for `host`.
 */
export function serveOnIpv6(lab: Lab, host: string): Promise<Ipv6Front> {
  const server: Server = createServer((req, res) => {
    req.headers.host = host;
    lab.server.emit('request', req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '::1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://[::1]:${port}/`,
        close: () => {
          // The browser keeps its connection open; do not wait for it to let go.
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}
