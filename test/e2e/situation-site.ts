import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server that answers the way the situations of issue 14 §2 look in the wild: a bot check,
 * a Wi-Fi sign-in page, a site that comes back (`back`), a shop whose form fails. Browsers
 * reach it through host rules (SITUATION_HOSTS).
 */

const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
const NGINX_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const NGINX_503 =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>';

/** Cloudflare's managed challenge: 503, `cf-mitigated: challenge`, the widget in the middle of the page. */
const CHALLENGE = `<!DOCTYPE html><html lang="en"><head><title>Just a moment...</title>
<style>html,body{height:100%;margin:0}#widget{position:absolute;left:50%;top:50%;width:300px;height:65px;margin:-33px 0 0 -150px;border:1px solid #ccc}</style></head>
<body><div id="widget">Verify you are human</div><noscript>Enable JavaScript and cookies to continue</noscript></body></html>`;

/** A shop whose checkout fails after the form is sent. */
const FORM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout</title></head>
<body><h1>Checkout</h1><form method="post" action="/order"><button id="send">Place order</button></form></body></html>`;

const HEALTHY =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back</title></head><body><h1>The shop is back</h1></body></html>';

export interface Site {
  server: Server;
  port: number;
  /** Requests seen, as `METHOD host/path`. */
  seen: string[];
  /** Whether back.test answers again. */
  back: boolean;
}

function answer(req: IncomingMessage, site: Site): { status: number; headers: Record<string, string>; body: string } {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const path = (req.url ?? '/').split('?')[0];
  switch (host) {
    case 'bot-check.test':
      return {
        status: 503,
        headers: { ...html, server: 'cloudflare', 'cf-mitigated': 'challenge', 'cf-ray': '8f2b6a1c9d4e3f21-FRA' },
        body: CHALLENGE,
      };
    case 'portal.test':
      return {
        status: 511,
        headers: html,
        body: '<html><head><title>Network Authentication Required</title></head><body><p>You need to <a href="http://login.portal.test/">authenticate with the local network</a> in order to gain access.</p></body></html>',
      };
    case 'back.test':
      return site.back
        ? { status: 200, headers: html, body: HEALTHY }
        : { status: 503, headers: { ...html, server: 'nginx', 'retry-after': '3' }, body: NGINX_503 };
    case 'shop.form.test':
    case 'admin.form.test':
      if (req.method === 'POST' && path === '/order')
        return { status: 502, headers: { ...html, server: 'nginx' }, body: NGINX_502 };
      if (path === '/down') return { status: 502, headers: { ...html, server: 'nginx' }, body: NGINX_502 };
      return { status: 200, headers: html, body: FORM };
    default:
      return { status: 404, headers: html, body: 'not found' };
  }
}

export function startSite(): Promise<Site> {
  const site = { seen: [] as string[], back: false } as Site;
  site.server = createServer((req, res) => {
    site.seen.push(`${req.method} ${(req.headers.host ?? '').replace(/:\d+$/, '')}${req.url}`);
    req.resume();
    req.on('end', () => {
      const { status, headers, body } = answer(req, site);
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
  });
  return new Promise((resolve) =>
    site.server.listen(0, '127.0.0.1', () => {
      site.port = (site.server.address() as AddressInfo).port;
      resolve(site);
    }),
  );
}

/** The hosts the server answers for, to map to it with `--host-resolver-rules`. */
export const SITUATION_HOSTS = ['bot-check.test', 'portal.test', 'back.test', 'shop.form.test', 'admin.form.test'];

/** Host rules that send SITUATION_HOSTS to a running site. */
export function situationRules(site: Site): string[] {
  return SITUATION_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${site.port}`);
}
