import { describe, expect, it } from 'vitest';
import { siteOf } from '@/lib/site/psl-node';
import { loggedSiteOf } from '@/lib/site/site';

describe('siteWith (through the list in memory)', () => {
  it.each([
    ['https://www.example.com/a', 'example.com'],
    ['https://shop.example.co.uk/', 'example.co.uk'],
    ['https://someone.github.io/repo', 'someone.github.io'],
    ['http://nginx-502.test/', 'nginx-502.test'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['http://[::1]:3000/', '::1'],
    ['http://localhost:5173/', 'localhost'],
    ['https://xn--mnchen-3ya.de/', 'xn--mnchen-3ya.de'],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe('loggedSiteOf', () => {
  it.each([
    ['www.example.com', ['example.com', 'other.org'], 'example.com'],
    ['a.b.example.co.uk', ['example.co.uk', 'b.example.co.uk'], 'b.example.co.uk'],
    ['notexample.com', ['example.com'], 'notexample.com'],
    ['www.fresh.net', [], 'fresh.net'],
    ['nginx-502.test', ['nginx-502.test'], 'nginx-502.test'],
  ])('%s among %j → %s', (host, sites, site) => {
    expect(loggedSiteOf(host, sites)).toBe(site);
  });
});
