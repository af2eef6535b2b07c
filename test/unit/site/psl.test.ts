import { getDomain, getHostname } from 'tldts';
import { describe, expect, it } from 'vitest';
import { createSuffixLookup, type PslData } from '@/lib/site/psl';
import { PSL } from '@/lib/site/psl-node';
import { siteWith } from '@/lib/site/site';

/** The data as the build writes it to psl.json (see wxt.config.ts). */
const data: PslData = JSON.parse(JSON.stringify(PSL));
const lookup = createSuffixLookup(data);

/** What tldts itself says: the registrable domain, else the host. */
const tldtsSite = (url: string) => getDomain(url, { allowPrivateDomains: true }) ?? getHostname(url) ?? '';

const URLS = [
  'https://www.example.com/a',
  'https://shop.example.co.uk/',
  'https://a.b.c.example.com.au/',
  'https://someone.github.io/repo',
  'https://foo.blogspot.com/',
  'https://my-app.herokuapp.com/',
  'https://x.y.vercel.app/',
  'https://www.ck/',
  'https://foo.www.ck/',
  'https://bar.kawasaki.jp/',
  'https://city.kawasaki.jp/',
  'https://a.b.s3.amazonaws.com/',
  'http://nginx-502.test/',
  'http://127.0.0.1:8080/',
  'http://[::1]:3000/',
  'http://localhost:5173/',
  'https://xn--mnchen-3ya.de/',
  'https://münchen.de/',
  'https://example.unknowntld/',
  'https://deep.sub.domain.example.org./',
  'https://user:pw@www.example.net:8443/p?q=1#f',
  'https://co.uk/',
  'https://appspot.com/',
];

describe('the Public Suffix List loaded as data', () => {
  it.each(URLS)('%s → the same site as tldts', (url) => {
    expect(siteWith(lookup, url)).toBe(tldtsSite(url));
  });
});
