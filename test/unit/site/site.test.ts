import { describe, expect, it } from 'vitest';
import { siteOf } from '@/lib/site/psl-node';

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
