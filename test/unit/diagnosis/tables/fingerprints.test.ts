import { describe, expect, it } from 'vitest';
import { signChain } from '@/lib/diagnosis/chain';
import type { LayerKind } from '@/lib/diagnosis/model';
import { FINGERPRINTS } from '@/lib/diagnosis/tables/fingerprints';
import { lookFirstKey } from '@/lib/i18n/keys';
import { messages } from '../../helpers/t';

const HEALTHY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orders</title>
<link rel="stylesheet" href="/assets/app.css"></head>
<body><h1>Your orders</h1><p>Nothing went wrong here: this page talks about errors, gateways,
proxies, timeouts, upstream servers, databases and Cloudflare without being an error page.</p>
<script src="/assets/app.js"></script></body></html>`;

describe('fingerprint table', () => {
  it.each(FINGERPRINTS.map((row) => [row.id, row] as const))('%s is a complete row', (_id, row) => {
    expect(row.vendor).not.toBe('');
    expect(messages[lookFirstKey(row.id)]?.message.length).toBeGreaterThan(20);
    expect(row.signatures.length).toBeGreaterThan(0);
    for (const s of row.signatures) {
      expect(s.pattern.test(''), `${s.id} matches an empty string`).toBe(false);
      if (s.header) expect(s.header, s.id).toBe(s.header.toLowerCase());
    }
  });

  it('orders kinds from the edge inward', () => {
    const order: LayerKind[] = ['cdn', 'firewall', 'load-balancer', 'platform', 'proxy', 'application'];
    const depths = (kind: LayerKind) => FINGERPRINTS.filter((r) => r.kind === kind).map((r) => r.depth);
    for (let i = 1; i < order.length; i++) {
      const outer = order[i - 1] as LayerKind;
      const inner = order[i] as LayerKind;
      expect(Math.max(...depths(outer)), `${outer} before ${inner}`).toBeLessThan(Math.min(...depths(inner)));
    }
  });

  it('finds nothing in a healthy page that talks about errors', () => {
    expect(signChain({}, HEALTHY_PAGE).layers).toEqual([]);
  });
});

describe('signChain', () => {
  it('lists layers outermost first, whatever order the clues come in', () => {
    const chain = signChain(
      { 'x-powered-by': 'PHP/8.2', 'cf-ray': '8e2a1b3c4d5e6f70-FRA' },
      '<hr><center>nginx</center>',
    );
    expect(chain.layers.map((l) => l.id)).toEqual(['cloudflare', 'nginx']);
    expect(chain.writer?.id).toBe('nginx');
  });

  it('keeps every clue for a layer signed more than once', () => {
    const chain = signChain({ server: 'cloudflare', 'cf-ray': '8e2a1b3c4d5e6f70-FRA', 'cf-error-type': 'origin' }, '');
    expect(chain.layers[0]?.evidence.map((e) => e.header)).toEqual(['server', 'cf-ray', 'cf-error-type']);
    expect(chain.writer?.id).toBe('cloudflare');
  });

  it('infers an origin server when a CDN only passed the error on', () => {
    const chain = signChain({ server: 'cloudflare', 'cf-ray': '8e2a1b3c4d5e6f70-FRA' }, '');
    expect(chain.layers.map((l) => [l.id, l.implied])).toEqual([
      ['cloudflare', false],
      ['origin', true],
    ]);
    expect(chain.writer?.id).toBe('origin');
    expect(chain.writerEvidence).toBeNull();
  });

  it('takes a proxy that signed nothing as its own as the writer', () => {
    const chain = signChain({ server: 'nginx/1.25.3' }, '');
    expect(chain.writer?.id).toBe('nginx');
    expect(chain.writerEvidence).toEqual({ source: 'header', header: 'server', text: 'nginx/1.25.3' });
  });

  it('tells Fastly from a self-hosted Varnish', () => {
    expect(signChain({ via: '1.1 varnish', 'x-served-by': 'cache-fra-etou8220141-FRA' }, '').layers[0]?.id).toBe(
      'fastly',
    );
    expect(signChain({ via: '1.1 varnish (Varnish/7.4)' }, '').layers[0]?.id).toBe('varnish');
  });
});
