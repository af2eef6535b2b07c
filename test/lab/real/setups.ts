/**
 * The real-server failure set-ups. Each one starts Debian's own servers (see servers.ts) in
 * front of a failure it builds on purpose, and declares its TRUTH: what really failed, as the
 * person who built it knows it, in the words of /work/notes/diagnosis-model.md (layer ids
 * outermost first, the failing layer, the cause, how sure a reader of the response can be, the
 * request IDs it carries). The truth is never what the extension's code says.
 *
 * The chain names the layers that were really there, outermost first, as far as the response
 * carries a trace of them (a header, the page, the status line). A layer that leaves none
 * (HAProxy passing an answer on, or answering with its own unsigned page) gets the implied id
 * the model gives its role (`front`, `app`), or no place at all when it only passed the answer on.
 *
 * Confidence, as used here (see README.md):
 * - high: the writer's own words or an error header name the failure (Squid's ERR_* page and
 *   X-Squid-Error, HAProxy's "No server is available"/"didn't respond in time", Apache's
 *   "Reason:" lines and timeout text, Tomcat's exception report, a page saying "maintenance");
 * - medium: the writer is signed and only the status's standard meaning, a Retry-After, or the
 *   timing points at the cause (nginx's bare 502/504, Caddy's empty 502, Varnish's "Backend
 *   fetch failed" that does not say why, an app's unsigned 500 behind a signed proxy);
 * - low: the status alone, or a 503 that does not say why.
 */
import type { RealPackage } from './packages';
import { apache, caddy, haproxy, lighttpd, nginx, squid, tomcat, varnish } from './servers';
import {
  deadPort,
  failingApp,
  nxdomainResolver,
  silentUpstream,
  stableRequestId,
  vanishingUpstream,
} from './upstreams';
import type { Workspace } from './workspace';

export interface Truth {
  /** Layer ids, outermost (nearest the visitor) first, implied layers included. */
  chain: string[];
  /** The layer where the problem is; null when nobody can tell. */
  failing: string | null;
  cause: string;
  confidence: 'high' | 'medium' | 'low';
  /**
   * Request/trace/incident IDs the response carries (headers and page), each once: `app` is the
   * request ID the set-up's app sends; `varnish` the Varnish transaction IDs (XIDs) in the
   * `x-varnish` header and on its Guru Meditation page, which change from run to run.
   */
  requestIds: ('app' | 'varnish')[];
}

/** What a started set-up gives the visitor. */
export interface Entry {
  /** The port the visitor (browser or recorder) connects to on 127.0.0.1. */
  port: number;
  /**
   * The address asked for. Direct set-ups: `http://<setup>.test/`, reached by mapping the name
   * to the port. Forward-proxy set-ups: any address, asked through the proxy at `port`.
   */
  url: string;
  /** True when `port` is a forward proxy the browser must be told to use. */
  proxy: boolean;
}

export interface SetupContext {
  ws: Workspace;
  /** The set-up's name, to prefix the names of the processes and files it starts. */
  name: string;
  /** The request ID the set-up's app sends (stable from run to run). */
  requestId: string;
}

export interface Setup {
  name: string;
  /** The fixture's title. */
  title: string;
  /** The servers, outermost first (what the README's table shows). */
  servers: string;
  /** What fails, in a few words. */
  fails: string;
  packages: RealPackage[];
  truth: Truth;
  /** Needs to bind port 53 on a loopback address (a DNS responder for Squid). */
  needsPort53?: true;
  /**
   * Requests to send before the one recorded (and before a browser visits): Tomcat compiles a
   * JSP on its first request, which would add seconds to the time taken.
   */
  warmup?: true;
  start(ctx: SetupContext): Promise<Entry>;
}

const direct = (name: string, port: number): Entry => ({ port, url: `http://${name}.test/`, proxy: false });

/**
 * A site's own Squid (its accelerator) is reached on the port it listens on, as on the internet
 * (`http_port 80 accel`): the address names that port, and so does Squid's `X-Cache-Lookup`. A
 * visitor's proxy listens on a port of its own (3128), whatever the address says — which is how
 * a response from one is told from the other.
 */
const accelerator = (name: string, port: number): Entry => ({
  port,
  url: `http://${name}.test:${port}/`,
  proxy: false,
});

/** A proxy's timeout for the slow set-ups, in seconds: long enough to tell from a refusal. */
const TIMEOUT_S = 1;

/** Sent by every maintenance set-up: ten minutes. */
const RETRY_AFTER = '600';

const MAINTENANCE_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Down for maintenance</title></head>
<body>
<h1>We’ll be back soon</h1>
<p>The shop is down for scheduled maintenance and will be back in about ten minutes.</p>
</body>
</html>
`;

/** A JSP that fails the way application code fails: an exception nobody catches. */
const FAILING_JSP = `<%@ page contentType="text/html; charset=UTF-8" %>
<%
  java.util.Map<String, String> basket = null;
  if (request.getParameter("id") == null) {
    throw new IllegalStateException("Basket service returned no data for this session");
  }
%>
<p>Your basket: <%= basket %></p>
`;

/** A JSP that takes itself out of service for two minutes, as the Servlet API allows. */
const UNAVAILABLE_JSP = `<%@ page contentType="text/html; charset=UTF-8" session="false" %>
<%
  if (true) throw new jakarta.servlet.UnavailableException("Down for maintenance", 120);
%>
`;

/** Varnish's VCL: one backend with short timeouts; `extra` adds subroutines. */
function vcl(port: number, extra = ''): string {
  return `vcl 4.1;
backend default {
  .host = "127.0.0.1";
  .port = "${port}";
  .connect_timeout = ${TIMEOUT_S}s;
  .first_byte_timeout = ${TIMEOUT_S}s;
  .between_bytes_timeout = ${TIMEOUT_S}s;
}
${extra}
`;
}

/** What a self-hosted CDN-like Varnish adds on the way out: hit or miss, like the CDNs built on it. */
const CDN_DELIVER = `sub vcl_deliver {
  if (obj.hits > 0) { set resp.http.X-Cache = "HIT"; } else { set resp.http.X-Cache = "MISS"; }
  set resp.http.X-Cache-Hits = obj.hits;
}`;

/** nginx proxying everything to a port, with a short timeout. */
const nginxProxy = (port: number, readTimeoutS = TIMEOUT_S) =>
  `location / {
      proxy_pass http://127.0.0.1:${port};
      proxy_connect_timeout ${TIMEOUT_S}s;
      proxy_read_timeout ${readTimeoutS}s;
    }`;

const haproxyProxy = (port: number, server = '') => `frontend web
  bind 127.0.0.1:{{port}}
  default_backend app
backend app
  server app1 127.0.0.1:${port} ${server}`;

const apacheProxy = (port: number) =>
  `ProxyPass / http://127.0.0.1:${port}/ timeout=${TIMEOUT_S} connectiontimeout=${TIMEOUT_S}
  ProxyPassReverse / http://127.0.0.1:${port}/`;

const lighttpdProxy = (port: number) =>
  `proxy.server = ( "" => (( "host" => "127.0.0.1", "port" => ${port}, "connect-timeout" => ${TIMEOUT_S}, "read-timeout" => ${TIMEOUT_S}, "write-timeout" => ${TIMEOUT_S} )) )`;

const squidAccel = (port: number) => `http_port 127.0.0.1:{{port}} accel defaultsite=shop.test vhost
cache_peer 127.0.0.1 parent ${port} 0 no-query originserver name=app connect-timeout=${TIMEOUT_S}
cache_peer_access app allow all
never_direct allow all
http_access allow all
connect_timeout ${TIMEOUT_S} seconds
read_timeout ${TIMEOUT_S} seconds`;

const squidForward = `http_port 127.0.0.1:{{port}}
http_access allow all
connect_timeout ${TIMEOUT_S} seconds
read_timeout ${TIMEOUT_S} seconds`;

export const SETUPS: readonly Setup[] = [
  // ─── A dead upstream: nothing listens behind the proxy (connection refused) ───
  {
    name: 'nginx-dead-upstream',
    title: 'nginx 502: the app behind it refused the connection',
    servers: 'nginx → (nothing listening)',
    fails: 'connection refused',
    packages: ['nginx'],
    truth: { chain: ['nginx', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'medium', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await nginx(ws, `${name}/nginx`, nginxProxy(dead));
      return direct(name, front.port);
    },
  },
  {
    name: 'apache-dead-upstream',
    title: 'Apache mod_proxy 503: the app behind it refused the connection',
    servers: 'Apache (mod_proxy_http) → (nothing listening)',
    fails: 'connection refused',
    packages: ['apache2'],
    truth: { chain: ['apache', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'low', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await apache(ws, `${name}/apache`, ['proxy', 'proxy_http'], apacheProxy(dead));
      return direct(name, front.port);
    },
  },
  {
    name: 'haproxy-dead-upstream',
    title: 'HAProxy 503: its only server refused the connection (no health checks)',
    servers: 'HAProxy → (nothing listening)',
    fails: 'connection refused',
    packages: ['haproxy'],
    truth: { chain: ['haproxy', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await haproxy(ws, `${name}/haproxy`, haproxyProxy(dead));
      return direct(name, front.port);
    },
  },
  {
    name: 'haproxy-health-checked-down',
    title: 'HAProxy 503: health checks have marked its only server down',
    servers: 'HAProxy (health checks) → (nothing listening)',
    fails: 'server marked DOWN',
    packages: ['haproxy'],
    truth: { chain: ['haproxy', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await haproxy(ws, `${name}/haproxy`, haproxyProxy(dead, 'check inter 100ms fall 1 rise 1'));
      // One failed check marks it down; give the first check time to run.
      await new Promise((r) => setTimeout(r, 500));
      return direct(name, front.port);
    },
  },
  {
    name: 'haproxy-debian-errorfiles-down',
    title: 'HAProxy with Debian’s stock error files: 503, its only server marked down',
    servers: 'HAProxy (health checks, /etc/haproxy/errors) → (nothing listening)',
    fails: 'server marked DOWN',
    packages: ['haproxy'],
    truth: { chain: ['haproxy', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      // The errorfile lines of Debian's stock /etc/haproxy/haproxy.cfg.
      const errorfiles = [400, 403, 408, 500, 502, 503, 504]
        .map((code) => `errorfile ${code} /etc/haproxy/errors/${code}.http`)
        .join('\n  ');
      const front = await haproxy(
        ws,
        `${name}/haproxy`,
        haproxyProxy(dead, 'check inter 100ms fall 1 rise 1'),
        errorfiles,
      );
      await new Promise((r) => setTimeout(r, 500));
      return direct(name, front.port);
    },
  },
  {
    name: 'varnish-dead-upstream',
    title: 'Varnish 503 “Backend fetch failed”: the backend refused the connection',
    servers: 'Varnish → (nothing listening)',
    fails: 'connection refused',
    packages: ['varnish'],
    truth: {
      chain: ['varnish', 'app'],
      failing: 'app',
      cause: 'upstream-down',
      confidence: 'medium',
      requestIds: ['varnish'],
    },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await varnish(ws, `${name}/varnish`, vcl(dead));
      return direct(name, front.port);
    },
  },
  {
    name: 'caddy-dead-upstream',
    title: 'Caddy reverse_proxy 502 with an empty body: the app behind it refused the connection',
    servers: 'Caddy → (nothing listening)',
    fails: 'connection refused',
    packages: ['caddy'],
    truth: { chain: ['caddy', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'medium', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await caddy(ws, `${name}/caddy`, `reverse_proxy 127.0.0.1:${dead}`);
      return direct(name, front.port);
    },
  },
  {
    name: 'lighttpd-dead-upstream',
    title: 'lighttpd mod_proxy 503: the app behind it refused the connection',
    servers: 'lighttpd (mod_proxy) → (nothing listening)',
    fails: 'connection refused',
    packages: ['lighttpd'],
    truth: { chain: ['lighttpd', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'low', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await lighttpd(ws, `${name}/lighttpd`, ['mod_proxy'], lighttpdProxy(dead));
      return direct(name, front.port);
    },
  },
  {
    name: 'squid-accel-dead-upstream',
    title: 'Squid as the site’s reverse proxy, 503 ERR_CONNECT_FAIL: the origin went away and refuses connections',
    servers: 'Squid (accelerator) → (was up at start, now nothing listening)',
    fails: 'connection refused',
    packages: ['squid'],
    truth: { chain: ['squid', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const app = await vanishingUpstream(ws);
      const front = await squid(ws, `${name}/squid`, squidAccel(app.port));
      // Squid probes its peers at start: let it find this one alive, then take it away.
      await Promise.race([app.connected, new Promise((r) => setTimeout(r, 5000))]);
      await app.vanish();
      return accelerator(name, front.port);
    },
  },
  {
    name: 'squid-accel-peer-dead-at-start',
    title: 'Squid as the site’s reverse proxy, 502 ERR_READ_ERROR: its only origin was refusing from the start',
    servers: 'Squid (accelerator) → (nothing listening)',
    fails: 'connection refused (peer marked dead by Squid’s start-up probe)',
    packages: ['squid'],
    truth: { chain: ['squid', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'low', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await squid(ws, `${name}/squid`, squidAccel(dead));
      return accelerator(name, front.port);
    },
  },

  // ─── A slow upstream: it accepts and never answers (or answers too late) ───
  {
    name: 'nginx-slow-upstream',
    title: `nginx 504: the app behind it did not answer within proxy_read_timeout (${TIMEOUT_S} s)`,
    servers: 'nginx → (accepts, never answers)',
    fails: `read timeout ${TIMEOUT_S} s`,
    packages: ['nginx'],
    truth: { chain: ['nginx', 'app'], failing: 'app', cause: 'upstream-timeout', confidence: 'medium', requestIds: [] },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws);
      const front = await nginx(ws, `${name}/nginx`, nginxProxy(slow));
      return direct(name, front.port);
    },
  },
  {
    name: 'apache-slow-upstream',
    title: `Apache mod_proxy 502 “Error reading from remote server”: the app answered after the ${TIMEOUT_S} s timeout`,
    servers: 'Apache (mod_proxy_http) → (answers after 4 s)',
    fails: `read timeout ${TIMEOUT_S} s`,
    packages: ['apache2'],
    truth: {
      chain: ['apache', 'app'],
      failing: 'app',
      cause: 'upstream-timeout',
      confidence: 'medium',
      requestIds: [],
    },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws, { answerAfterMs: 4000 });
      const front = await apache(ws, `${name}/apache`, ['proxy', 'proxy_http'], apacheProxy(slow));
      return direct(name, front.port);
    },
  },
  {
    name: 'haproxy-slow-upstream',
    title: `HAProxy 504: its server did not answer within “timeout server” (${TIMEOUT_S} s)`,
    servers: 'HAProxy → (accepts, never answers)',
    fails: `timeout server ${TIMEOUT_S} s`,
    packages: ['haproxy'],
    truth: {
      chain: ['haproxy', 'app'],
      failing: 'app',
      cause: 'upstream-timeout',
      confidence: 'high',
      requestIds: [],
    },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws);
      const front = await haproxy(ws, `${name}/haproxy`, haproxyProxy(slow), `timeout server ${TIMEOUT_S}s`);
      return direct(name, front.port);
    },
  },
  {
    name: 'varnish-slow-upstream',
    title: `Varnish 503 “Backend fetch failed” after first_byte_timeout (${TIMEOUT_S} s)`,
    servers: 'Varnish → (accepts, never answers)',
    fails: `first byte timeout ${TIMEOUT_S} s`,
    packages: ['varnish'],
    truth: {
      chain: ['varnish', 'app'],
      failing: 'app',
      cause: 'upstream-timeout',
      confidence: 'medium',
      requestIds: ['varnish'],
    },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws);
      const front = await varnish(ws, `${name}/varnish`, vcl(slow));
      return direct(name, front.port);
    },
  },
  {
    name: 'caddy-slow-upstream',
    title: `Caddy reverse_proxy: no response headers within response_header_timeout (${TIMEOUT_S} s)`,
    servers: 'Caddy → (accepts, never answers)',
    fails: `response header timeout ${TIMEOUT_S} s`,
    packages: ['caddy'],
    truth: {
      chain: ['caddy', 'app'],
      failing: 'app',
      cause: 'upstream-timeout',
      confidence: 'medium',
      requestIds: [],
    },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws);
      const front = await caddy(
        ws,
        `${name}/caddy`,
        `reverse_proxy 127.0.0.1:${slow} {
    transport http {
      dial_timeout ${TIMEOUT_S}s
      response_header_timeout ${TIMEOUT_S}s
    }
  }`,
      );
      return direct(name, front.port);
    },
  },
  {
    name: 'lighttpd-slow-upstream',
    title: `lighttpd mod_proxy: the app behind it answered after read-timeout (${TIMEOUT_S} s)`,
    servers: 'lighttpd (mod_proxy) → (answers after 4 s)',
    fails: `read timeout ${TIMEOUT_S} s`,
    packages: ['lighttpd'],
    truth: {
      chain: ['lighttpd', 'app'],
      failing: 'app',
      cause: 'upstream-timeout',
      confidence: 'medium',
      requestIds: [],
    },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws, { answerAfterMs: 4000 });
      const front = await lighttpd(ws, `${name}/lighttpd`, ['mod_proxy'], lighttpdProxy(slow));
      return direct(name, front.port);
    },
  },
  {
    name: 'squid-accel-slow-upstream',
    title: `Squid as the site’s reverse proxy, 504 ERR_READ_TIMEOUT after read_timeout (${TIMEOUT_S} s)`,
    servers: 'Squid (accelerator) → (accepts, never answers)',
    fails: `read timeout ${TIMEOUT_S} s`,
    packages: ['squid'],
    truth: {
      chain: ['squid', 'app'],
      failing: 'app',
      cause: 'upstream-timeout',
      confidence: 'high',
      requestIds: [],
    },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws);
      const front = await squid(ws, `${name}/squid`, squidAccel(slow));
      return accelerator(name, front.port);
    },
  },

  // ─── Planned maintenance, with Retry-After ───
  {
    name: 'nginx-maintenance',
    title: 'nginx “return 503” with Retry-After: 600 (its own 503 page)',
    servers: 'nginx',
    fails: 'maintenance switch: return 503',
    packages: ['nginx'],
    truth: { chain: ['nginx'], failing: 'nginx', cause: 'maintenance', confidence: 'medium', requestIds: [] },
    async start({ ws, name }) {
      const front = await nginx(
        ws,
        `${name}/nginx`,
        `location / {
      add_header Retry-After ${RETRY_AFTER} always;
      return 503;
    }`,
      );
      return direct(name, front.port);
    },
  },
  {
    name: 'nginx-maintenance-page',
    title: 'nginx 503 with its own maintenance page (error_page 503) and Retry-After: 600',
    servers: 'nginx',
    fails: 'maintenance switch: error_page 503 /maintenance.html',
    packages: ['nginx'],
    truth: { chain: ['nginx'], failing: 'nginx', cause: 'maintenance', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const root = ws.mkdir(`${name}/www`);
      ws.write(`${name}/www/maintenance.html`, MAINTENANCE_PAGE);
      const front = await nginx(
        ws,
        `${name}/nginx`,
        `root ${root};
    error_page 503 /maintenance.html;
    location = /maintenance.html {
      internal;
      add_header Retry-After ${RETRY_AFTER} always;
      etag off;
    }
    location / {
      return 503;
    }`,
      );
      return direct(name, front.port);
    },
  },
  {
    name: 'apache-maintenance',
    title: 'Apache “RewriteRule ^ - [R=503]” with Retry-After: 600 (its own 503 page)',
    servers: 'Apache',
    fails: 'maintenance switch: mod_rewrite R=503',
    packages: ['apache2'],
    truth: { chain: ['apache'], failing: 'apache', cause: 'maintenance', confidence: 'medium', requestIds: [] },
    async start({ ws, name }) {
      const front = await apache(
        ws,
        `${name}/apache`,
        ['rewrite', 'headers'],
        `RewriteEngine On
  RewriteRule ^ - [R=503,L]
  Header always set Retry-After "${RETRY_AFTER}"`,
      );
      return direct(name, front.port);
    },
  },
  {
    name: 'caddy-maintenance',
    title: 'Caddy “respond … 503” with a maintenance sentence and Retry-After: 600',
    servers: 'Caddy',
    fails: 'maintenance switch: respond 503',
    packages: ['caddy'],
    truth: { chain: ['caddy'], failing: 'caddy', cause: 'maintenance', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const front = await caddy(
        ws,
        `${name}/caddy`,
        `header Retry-After ${RETRY_AFTER}
  respond "Down for scheduled maintenance. Back in about ten minutes." 503`,
      );
      return direct(name, front.port);
    },
  },
  {
    name: 'haproxy-maintenance',
    title: 'HAProxy “http-request return status 503” with a maintenance page and Retry-After: 600',
    servers: 'HAProxy',
    fails: 'maintenance switch: http-request return 503',
    packages: ['haproxy'],
    // HAProxy signs nothing here (no Server header, the page is the site's): an unsigned maintenance 503.
    truth: { chain: [], failing: null, cause: 'maintenance', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const page = ws.write(`${name}/maintenance.html`, MAINTENANCE_PAGE);
      const front = await haproxy(
        ws,
        `${name}/haproxy`,
        `frontend web
  bind 127.0.0.1:{{port}}
  http-request return status 503 content-type "text/html; charset=utf-8" file ${page} hdr Retry-After ${RETRY_AFTER}`,
      );
      return direct(name, front.port);
    },
  },

  // ─── The app's own 500, passed on ───
  ...(
    [
      ['nginx', 'nginx', 'nginx'],
      ['apache', 'apache2', 'Apache (mod_proxy_http)'],
      ['haproxy', 'haproxy', 'HAProxy'],
      ['varnish', 'varnish', 'Varnish'],
      ['caddy', 'caddy', 'Caddy'],
      ['lighttpd', 'lighttpd', 'lighttpd (mod_proxy)'],
      ['squid-accel', 'squid', 'Squid (accelerator)'],
    ] as const
  ).map(
    ([id, pkg, label]): Setup => ({
      name: `${id}-app-500`,
      title: `${label.replace(/ \(.*/, '')} passes on the app’s own 500 page`,
      servers: `${label} → node app`,
      fails: 'the app’s own 500',
      packages: [pkg],
      truth: {
        // HAProxy passes the answer on without a trace: the response is the bare app's 500.
        chain: id === 'haproxy' ? ['app'] : [id === 'squid-accel' ? 'squid' : id, 'app'],
        failing: 'app',
        cause: 'app-error',
        confidence: id === 'haproxy' ? 'low' : 'medium',
        requestIds: id === 'varnish' ? ['app', 'varnish'] : ['app'],
      },
      async start({ ws, name, requestId }) {
        const app = await failingApp(ws, requestId);
        const at = `${name}/${pkg}`;
        const front =
          id === 'nginx'
            ? await nginx(ws, at, nginxProxy(app))
            : id === 'apache'
              ? await apache(ws, at, ['proxy', 'proxy_http'], apacheProxy(app))
              : id === 'haproxy'
                ? await haproxy(ws, at, haproxyProxy(app))
                : id === 'varnish'
                  ? await varnish(ws, at, vcl(app))
                  : id === 'caddy'
                    ? await caddy(ws, at, `reverse_proxy 127.0.0.1:${app}`)
                    : id === 'lighttpd'
                      ? await lighttpd(ws, at, ['mod_proxy'], lighttpdProxy(app))
                      : await squid(ws, at, squidAccel(app));
        return id === 'squid-accel' ? accelerator(name, front.port) : direct(name, front.port);
      },
    }),
  ),
  {
    name: 'tomcat-jsp-500',
    title: 'Tomcat’s own 500 report: a JSP threw an exception',
    servers: 'Tomcat (JSP)',
    fails: 'uncaught IllegalStateException in index.jsp',
    packages: ['tomcat10'],
    warmup: true,
    // Tomcat wrote the report; the exception is the web application's (the Root Cause is
    // org.apache.jsp.index_jsp, the site's own index.jsp): the app Tomcat runs failed.
    truth: { chain: ['tomcat', 'app'], failing: 'app', cause: 'app-error', confidence: 'high', requestIds: [] },
    async start({ ws, name }) {
      const server = await tomcat(ws, `${name}/tomcat`, { 'index.jsp': FAILING_JSP });
      return direct(name, server.port);
    },
  },
  {
    name: 'tomcat-unavailable-503',
    title: 'Tomcat 503 with its own Retry-After: the JSP took itself out of service for maintenance (120 s)',
    servers: 'Tomcat (JSP)',
    fails: 'UnavailableException("Down for maintenance", 120)',
    packages: ['tomcat10'],
    warmup: true,
    truth: { chain: ['tomcat'], failing: 'tomcat', cause: 'maintenance', confidence: 'medium', requestIds: [] },
    async start({ ws, name }) {
      const server = await tomcat(ws, `${name}/tomcat`, { 'index.jsp': UNAVAILABLE_JSP });
      return direct(name, server.port);
    },
  },
  {
    name: 'nginx-tomcat-500',
    title: 'nginx passes on Tomcat’s 500 report (a JSP threw an exception)',
    servers: 'nginx → Tomcat (JSP)',
    fails: 'uncaught IllegalStateException in index.jsp',
    packages: ['nginx', 'tomcat10'],
    warmup: true,
    truth: {
      chain: ['nginx', 'tomcat', 'app'],
      failing: 'app',
      cause: 'app-error',
      confidence: 'high',
      requestIds: [],
    },
    async start({ ws, name }) {
      const server = await tomcat(ws, `${name}/tomcat`, { 'index.jsp': FAILING_JSP });
      const front = await nginx(ws, `${name}/nginx`, nginxProxy(server.port));
      return direct(name, front.port);
    },
  },

  // ─── Two proxies in a row ───
  {
    name: 'nginx-varnish-dead',
    title: 'nginx passes on Varnish’s “Backend fetch failed”: the backend behind Varnish refused',
    servers: 'nginx → Varnish → (nothing listening)',
    fails: 'connection refused behind Varnish',
    packages: ['nginx', 'varnish'],
    truth: {
      chain: ['nginx', 'varnish', 'app'],
      failing: 'app',
      cause: 'upstream-down',
      confidence: 'medium',
      requestIds: ['varnish'],
    },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const cache = await varnish(ws, `${name}/varnish`, vcl(dead));
      const front = await nginx(ws, `${name}/nginx`, nginxProxy(cache.port));
      return direct(name, front.port);
    },
  },
  {
    name: 'nginx-haproxy-dead',
    title: 'nginx passes on HAProxy’s 503 “No server is available”: the server behind HAProxy refused',
    servers: 'nginx → HAProxy → (nothing listening)',
    fails: 'connection refused behind HAProxy',
    packages: ['nginx', 'haproxy'],
    truth: {
      chain: ['nginx', 'haproxy', 'app'],
      failing: 'app',
      cause: 'upstream-down',
      confidence: 'high',
      requestIds: [],
    },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const balancer = await haproxy(ws, `${name}/haproxy`, haproxyProxy(dead));
      // HAProxy retries a refused connection for about 3 s before it answers: nginx must wait longer.
      const front = await nginx(ws, `${name}/nginx`, nginxProxy(balancer.port, 10));
      return direct(name, front.port);
    },
  },
  {
    name: 'nginx-haproxy-slow',
    title: 'nginx passes on HAProxy’s 504: the server behind HAProxy did not answer in time',
    servers: 'nginx → HAProxy → (accepts, never answers)',
    fails: `HAProxy's timeout server ${TIMEOUT_S} s`,
    packages: ['nginx', 'haproxy'],
    truth: {
      chain: ['nginx', 'haproxy', 'app'],
      failing: 'app',
      cause: 'upstream-timeout',
      confidence: 'high',
      requestIds: [],
    },
    async start({ ws, name }) {
      const slow = await silentUpstream(ws);
      const balancer = await haproxy(ws, `${name}/haproxy`, haproxyProxy(slow), `timeout server ${TIMEOUT_S}s`);
      // nginx waits longer than HAProxy, so HAProxy's answer is the one that comes back.
      const front = await nginx(ws, `${name}/nginx`, nginxProxy(balancer.port, 5));
      return direct(name, front.port);
    },
  },
  {
    name: 'cdn-varnish-nginx-app-500',
    title: 'A CDN-like Varnish (X-Cache) in front of nginx passes on the app’s own 500',
    servers: 'Varnish (CDN-like, X-Cache) → nginx → node app',
    fails: 'the app’s own 500',
    packages: ['varnish', 'nginx'],
    truth: {
      chain: ['varnish', 'nginx', 'app'],
      failing: 'app',
      cause: 'app-error',
      confidence: 'medium',
      requestIds: ['app', 'varnish'],
    },
    async start({ ws, name, requestId }) {
      const app = await failingApp(ws, requestId);
      const origin = await nginx(ws, `${name}/nginx`, nginxProxy(app));
      const edge = await varnish(ws, `${name}/varnish`, vcl(origin.port, CDN_DELIVER));
      return direct(name, edge.port);
    },
  },
  {
    name: 'cdn-varnish-nginx-dead',
    title: 'A CDN-like Varnish (X-Cache) in front of nginx passes on nginx’s 502: the app refused',
    servers: 'Varnish (CDN-like, X-Cache) → nginx → (nothing listening)',
    fails: 'connection refused behind nginx',
    packages: ['varnish', 'nginx'],
    truth: {
      chain: ['varnish', 'nginx', 'app'],
      failing: 'app',
      cause: 'upstream-down',
      confidence: 'medium',
      requestIds: ['varnish'],
    },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const origin = await nginx(ws, `${name}/nginx`, nginxProxy(dead));
      const edge = await varnish(ws, `${name}/varnish`, vcl(origin.port, CDN_DELIVER));
      return direct(name, edge.port);
    },
  },
  {
    name: 'caddy-nginx-dead',
    title: 'Caddy passes on nginx’s 502: the app behind nginx refused',
    servers: 'Caddy → nginx → (nothing listening)',
    fails: 'connection refused behind nginx',
    packages: ['caddy', 'nginx'],
    truth: {
      chain: ['caddy', 'nginx', 'app'],
      failing: 'app',
      cause: 'upstream-down',
      confidence: 'medium',
      requestIds: [],
    },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const origin = await nginx(ws, `${name}/nginx`, nginxProxy(dead));
      const front = await caddy(ws, `${name}/caddy`, `reverse_proxy 127.0.0.1:${origin.port}`);
      return direct(name, front.port);
    },
  },
  {
    name: 'squid-accel-nginx-dead',
    title: 'Squid as the site’s reverse proxy passes on nginx’s 502: the app behind nginx refused',
    servers: 'Squid (accelerator) → nginx → (nothing listening)',
    fails: 'connection refused behind nginx',
    packages: ['squid', 'nginx'],
    truth: {
      chain: ['squid', 'nginx', 'app'],
      failing: 'app',
      cause: 'upstream-down',
      confidence: 'medium',
      requestIds: [],
    },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const origin = await nginx(ws, `${name}/nginx`, nginxProxy(dead));
      const front = await squid(ws, `${name}/squid`, squidAccel(origin.port));
      return accelerator(name, front.port);
    },
  },

  // ─── The visitor's own (corporate/forward) proxy failing ───
  {
    name: 'squid-forward-dns-fail',
    title: 'The visitor’s Squid proxy, 502 ERR_READ_ERROR: the site’s name does not resolve (NXDOMAIN)',
    servers: 'Squid (forward proxy) → DNS says NXDOMAIN',
    fails: 'name lookup: NXDOMAIN',
    packages: ['squid'],
    needsPort53: true,
    truth: {
      chain: ['squid', 'origin'],
      failing: 'squid',
      cause: 'network-proxy-dns',
      confidence: 'low',
      requestIds: [],
    },
    async start({ ws, name }) {
      const dns = await nxdomainResolver(ws);
      const proxy = await squid(ws, `${name}/squid`, squidForward, { dns });
      return { port: proxy.port, url: 'http://no-such-shop.test/', proxy: true };
    },
  },
  {
    name: 'squid-forward-refused',
    title: 'The visitor’s Squid proxy, 503 ERR_CONNECT_FAIL: the site refused the connection',
    servers: 'Squid (forward proxy) → (nothing listening)',
    fails: 'connection refused',
    packages: ['squid'],
    needsPort53: true,
    truth: {
      chain: ['squid', 'origin'],
      failing: 'origin',
      cause: 'network-proxy-unreachable',
      confidence: 'high',
      requestIds: [],
    },
    async start({ ws, name }) {
      const dns = await nxdomainResolver(ws);
      const dead = await deadPort(ws);
      const proxy = await squid(ws, `${name}/squid`, squidForward, { dns, hosts: '127.0.0.1 closed-shop.test\n' });
      return { port: proxy.port, url: `http://closed-shop.test:${dead}/`, proxy: true };
    },
  },
  {
    name: 'squid-forward-timeout',
    title: 'The visitor’s Squid proxy, 504 ERR_READ_TIMEOUT: the site accepted but never answered',
    servers: 'Squid (forward proxy) → (accepts, never answers)',
    fails: `read timeout ${TIMEOUT_S} s`,
    packages: ['squid'],
    needsPort53: true,
    truth: {
      chain: ['squid', 'origin'],
      failing: 'origin',
      cause: 'network-proxy-unreachable',
      confidence: 'high',
      requestIds: [],
    },
    async start({ ws, name }) {
      const dns = await nxdomainResolver(ws);
      const slow = await silentUpstream(ws);
      const proxy = await squid(ws, `${name}/squid`, squidForward, { dns, hosts: '127.0.0.1 stuck-shop.test\n' });
      return { port: proxy.port, url: `http://stuck-shop.test:${slow}/`, proxy: true };
    },
  },
  {
    name: 'squid-forward-app-500',
    title: 'The visitor’s Squid proxy passes on the site’s own 500 page',
    servers: 'Squid (forward proxy) → node app',
    fails: 'the app’s own 500',
    packages: ['squid'],
    needsPort53: true,
    truth: { chain: ['squid', 'app'], failing: 'app', cause: 'app-error', confidence: 'medium', requestIds: ['app'] },
    async start({ ws, name, requestId }) {
      const dns = await nxdomainResolver(ws);
      const app = await failingApp(ws, requestId);
      const proxy = await squid(ws, `${name}/squid`, squidForward, { dns, hosts: '127.0.0.1 broken-shop.test\n' });
      return { port: proxy.port, url: `http://broken-shop.test:${app}/`, proxy: true };
    },
  },

  // ─── Errors configured to send an empty body ───
  {
    name: 'nginx-empty-502',
    title: 'nginx 502 with an empty body (error_page to an empty file): the app refused',
    servers: 'nginx → (nothing listening)',
    fails: 'connection refused; error page emptied',
    packages: ['nginx'],
    truth: { chain: ['nginx', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'medium', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const root = ws.mkdir(`${name}/www`);
      ws.write(`${name}/www/empty.html`, '');
      const front = await nginx(
        ws,
        `${name}/nginx`,
        `${nginxProxy(dead)}
    error_page 502 /empty.html;
    location = /empty.html { internal; root ${root}; etag off; }`,
      );
      return direct(name, front.port);
    },
  },
  {
    name: 'haproxy-empty-503',
    title: 'HAProxy 503 with an empty body (errorfile without a body): no server available',
    servers: 'HAProxy → (nothing listening)',
    fails: 'connection refused; error page emptied',
    packages: ['haproxy'],
    // Nothing names HAProxy (no Server header, no page): an unnamed front server wrote it.
    truth: { chain: ['front', 'app'], failing: 'app', cause: 'upstream-down', confidence: 'low', requestIds: [] },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const file = ws.write(
        `${name}/503.http`,
        'HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\ncache-control: no-cache\r\nconnection: close\r\n\r\n',
      );
      const front = await haproxy(ws, `${name}/haproxy`, haproxyProxy(dead), `errorfile 503 ${file}`);
      return direct(name, front.port);
    },
  },
  {
    name: 'varnish-empty-503',
    title: 'Varnish 503 with an empty body (vcl_backend_error with an empty synthetic): the backend refused',
    servers: 'Varnish → (nothing listening)',
    fails: 'connection refused; error page emptied',
    packages: ['varnish'],
    truth: {
      chain: ['varnish', 'app'],
      failing: 'app',
      cause: 'upstream-down',
      confidence: 'medium',
      requestIds: ['varnish'],
    },
    async start({ ws, name }) {
      const dead = await deadPort(ws);
      const front = await varnish(
        ws,
        `${name}/varnish`,
        vcl(
          dead,
          `sub vcl_backend_error {
  set beresp.http.Content-Type = "text/html; charset=utf-8";
  synthetic("");
  return (deliver);
}`,
        ),
      );
      return direct(name, front.port);
    },
  },
];

export function setupNamed(name: string): Setup {
  const setup = SETUPS.find((s) => s.name === name);
  if (!setup) throw new Error(`No set-up named ${name}. Known: ${SETUPS.map((s) => s.name).join(', ')}`);
  return setup;
}

/** The app's request ID for a set-up: the same on every run. */
export function requestIdFor(setup: Setup): string {
  return stableRequestId(`5xx-explainer real lab ${setup.name}`);
}
