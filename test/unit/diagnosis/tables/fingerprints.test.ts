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
    const order: LayerKind[] = ['network', 'cdn', 'firewall', 'load-balancer', 'platform', 'server', 'application'];
    const depths = (kind: LayerKind) => FINGERPRINTS.filter((r) => r.kind === kind).map((r) => r.depth);
    for (let i = 1; i < order.length; i++) {
      const outer = order[i - 1] as LayerKind;
      const inner = order[i] as LayerKind;
      expect(Math.max(...depths(outer)), `${outer} before ${inner}`).toBeLessThan(Math.min(...depths(inner)));
    }
  });

  // Code on a CDN runs right behind it; on a platform, right behind the platform.
  it('puts edge code right behind the network it runs on', () => {
    const depth = (id: string) => FINGERPRINTS.find((r) => r.id === id)?.depth ?? Number.NaN;
    const next = (id: string) =>
      Math.min(...FINGERPRINTS.filter((r) => r.depth > depth(id) && r.kind !== 'edge-code').map((r) => r.depth));
    const pairs: [string, string][] = [
      ['cloudflare-workers', 'cloudflare'],
      ['lambda-edge', 'cloudfront'],
      ['vercel-edge', 'vercel'],
    ];
    for (const [code, host] of pairs) {
      expect(depth(code), code).toBeGreaterThan(depth(host));
      expect(depth(code), code).toBeLessThan(next(host));
    }
  });

  it('finds nothing in a healthy page that talks about errors', () => {
    expect(signChain({ headers: {}, body: HEALTHY_PAGE, reason: '', url: 'https://shop.example.com/' }).layers).toEqual(
      [],
    );
  });
});
