import { describe, expect, it } from 'vitest';
import { loggedSiteOf } from '@/lib/site/logged-site';

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
