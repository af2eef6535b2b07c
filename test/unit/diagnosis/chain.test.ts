import { describe, expect, it } from 'vitest';
import { signChain } from '@/lib/diagnosis/chain';

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
