import { describe, expect, it } from 'vitest';
import { type SignInput, signChain } from '@/lib/diagnosis/chain';

const sign = (headers: Record<string, string>, body = '', more: Partial<SignInput> = {}) =>
  signChain({ headers, body, reason: '', url: 'https://shop.example.com/', ...more });
const ids = (input: ReturnType<typeof sign>) => input.layers.map((l) => l.id);

describe('signChain', () => {
  it('lists layers outermost first, whatever order the clues come in', () => {
    const chain = sign({ 'x-powered-by': 'PHP/8.2', 'cf-ray': '8e2a1b3c4d5e6f70-FRA' }, '<hr><center>nginx</center>');
    expect(ids(chain)).toEqual(['cloudflare', 'nginx', 'php']);
    expect(chain.writer?.id).toBe('nginx');
  });

  it('keeps every clue for a layer signed more than once', () => {
    const chain = sign({ server: 'cloudflare', 'cf-ray': '8e2a1b3c4d5e6f70-FRA', 'cf-error-type': 'origin' });
    expect(chain.layers[0]?.evidence.map((e) => e.header)).toEqual(['server', 'cf-ray', 'cf-error-type']);
    expect(chain.writer?.id).toBe('cloudflare');
  });

  it('infers an origin server when a CDN only passed the error on', () => {
    const chain = sign({ server: 'cloudflare', 'cf-ray': '8e2a1b3c4d5e6f70-FRA' });
    expect(chain.layers.map((l) => [l.id, l.implied])).toEqual([
      ['cloudflare', false],
      ['origin', true],
    ]);
    expect(chain.writer?.id).toBe('origin');
    expect(chain.writerEvidence).toBeNull();
  });

  it('takes a proxy that signed nothing as its own as the writer', () => {
    const chain = sign({ server: 'nginx/1.25.3' });
    expect(chain.writer?.id).toBe('nginx');
    expect(chain.writerEvidence).toEqual({ source: 'header', header: 'server', text: 'nginx/1.25.3' });
  });

  it('tells Fastly from a self-hosted Varnish', () => {
    expect(ids(sign({ via: '1.1 varnish', 'x-served-by': 'cache-fra-etou8220141-FRA' }))).toEqual(['fastly', 'origin']);
    expect(ids(sign({ via: '1.1 varnish (Varnish/7.4)' }))).toEqual(['varnish']);
  });

  it('names a server no table knows after the product its header names', () => {
    const chain = sign({ server: 'Zorkd/2.1 (Unix)', via: '1.1 edge.example.net (Quux/3)', 'x-powered-by': 'Next.js' });
    expect(chain.layers.map((l) => [l.id, l.vendor, l.kind])).toEqual([
      ['generic:quux', 'Quux', 'proxy'],
      ['generic:zorkd', 'Zorkd', 'origin'],
      ['generic:next-js', 'Next.js', 'application'],
    ]);
  });

  // Via entries are appended on the way back: the first is the innermost.
  it('orders proxies by their Via entries, whatever their usual place', () => {
    const via = '1.1 inner.example (Varnish/7.1), 1.1 outer.example (squid/5.7)';
    const chain = sign({ via, 'x-cache-lookup': 'MISS from outer.example:443' });
    expect(ids(chain)).toEqual(['squid', 'varnish']);
    const reversed = sign({
      via: '1.1 inner.example (squid/5.7), 1.1 outer.example (Varnish/7.1)',
      'x-cache-lookup': 'MISS from inner.example:443',
    });
    expect(ids(reversed)).toEqual(['varnish', 'squid']);
  });

  // A proxy that keeps the inner Server adds its own before it (Caddy): the first is the outermost.
  it('orders repeated Server lines outermost first', () => {
    expect(ids(sign({ server: 'Caddy, nginx/1.22.1' }))).toEqual(['caddy', 'nginx']);
  });

  it('puts whoever only passed the page on outside whoever wrote it', () => {
    const varnishPage = '<h1>Error 503 Backend fetch failed</h1><h3>Guru Meditation:</h3>';
    // nginx in front of Varnish: nginx's Server on Varnish's page.
    expect(ids(sign({ server: 'nginx/1.22.1', via: '1.1 varnish (Varnish/7.1)' }, varnishPage))).toEqual([
      'nginx',
      'varnish',
    ]);
    // Varnish in front of nginx: Varnish's Via on nginx's page.
    expect(
      ids(sign({ server: 'nginx/1.22.1', via: '1.1 varnish (Varnish/7.1)' }, '<hr><center>nginx/1.22.1</center>')),
    ).toEqual(['varnish', 'nginx']);
  });

  it('joins a platform’s own front end to the platform', () => {
    const chain = sign({ server: 'Google Frontend' }, 'upstream request timeout', {
      url: 'https://api-xyz.a.run.app/',
    });
    expect(ids(chain)).toEqual(['cloud-run']);
    expect(chain.layers[0]?.evidence.map((e) => e.source)).toEqual(['url', 'header', 'body']);
  });

  it('reads a Squid as the visitor’s proxy unless it took the request on the site’s own port', () => {
    const squid = { server: 'squid/6.6', 'x-squid-error': 'ERR_CONNECT_FAIL 111' };
    const visitors = sign({ ...squid, 'x-cache-lookup': 'MISS from proxy.corp.example:3128' });
    expect(visitors.layers[0]).toMatchObject({ id: 'squid', kind: 'network' });
    const sites = sign({ ...squid, 'x-cache-lookup': 'MISS from cache.shop.example.com:443' });
    expect(sites.layers[0]).toMatchObject({ id: 'squid', kind: 'proxy' });
    expect(sign(squid).layers[0]?.kind).toBe('network');
  });
});
