import { describe, expect, it } from 'vitest';
import { MAX_URL_CHARS } from '@/lib/log/limits';
import { redactHeaders, redactUrl } from '@/lib/log/redact';
import { ORDINARY_URLS, SECRET_URLS } from './redaction-corpus';

/** A header value as it is stored (through the one public entry). */
const redactHeaderValue = (value: string) => redactHeaders({ link: value }).link;

const corpus = Object.entries(SECRET_URLS).flatMap(([kind, urls]) => urls.map((u) => ({ kind, ...u })));

describe('redactUrl on the corpus of secret-bearing addresses', () => {
  it('holds at least 100 addresses in at least 10 classes', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(Object.keys(SECRET_URLS).length).toBeGreaterThanOrEqual(10);
  });

  it.each(corpus)('$kind: $url', ({ url, secrets }) => {
    const out = redactUrl(url);
    for (const secret of secrets) {
      expect(out).not.toContain(secret);
      expect(decodeURIComponent(decodeURIComponent(out))).not.toContain(secret);
    }
    // Still an address support can read: the same host, parseable, and stable when redacted again.
    expect(new URL(out).host).toBe(new URL(url).host);
    expect(redactUrl(out)).toBe(out);
  });
});

describe('redactUrl on ordinary addresses', () => {
  it.each(ORDINARY_URLS)('%s stays as it is', (url) => {
    expect(redactUrl(url)).toBe(url);
  });
});

describe('redactUrl keeps what it redacts readable', () => {
  it.each([
    ['https://a.example/p?token=abc&x=1', 'https://a.example/p?token=REDACTED&x=1'],
    ['https://a.example/p?Access_Token=abc', 'https://a.example/p?Access_Token=REDACTED'],
    ['https://a.example/cb?code=xyz&state=ok&page=2', 'https://a.example/cb?code=REDACTED&state=REDACTED&page=2'],
    ['https://a.example/cart;jsessionid=ABC123?item=3', 'https://a.example/cart;jsessionid=REDACTED?item=3'],
    ['https://a.example/reset/5k1-abcdef0123456789abcd/', 'https://a.example/reset/REDACTED/'],
    ['https://a.example/p#access_token=abc', 'https://a.example/p'],
    ['https://user:pw@a.example/p', 'https://a.example/p'],
    [
      'https://a.example/login?next=https%3A%2F%2Fb.example%2Fcb%3Ftoken%3Dt%26page%3D2',
      'https://a.example/login?next=https%3A%2F%2Fb.example%2Fcb%3Ftoken%3DREDACTED%26page%3D2',
    ],
    ['https://a.example/l?next=%2Fadmin%3Fkey%3Dk', 'https://a.example/l?next=%2Fadmin%3Fkey%3DREDACTED'],
    ['https://a.example/p?flag&token=', 'https://a.example/p?flag&token='],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe('redactUrl fails closed', () => {
  it.each([
    ['http://exa mple.com/p?token=x', ''],
    ['https://a.example:99999/p?token=x', 'https://a.example/'],
    ['https://[::1/p?token=x', ''],
    ['not a url ?token=x', ''],
    ['', ''],
    ['data:text/html,<script>token</script>', 'data:'],
    ['blob:https://a.example/fcb3b0fc-3f2f-4ed2-9a12-5e1835e34cc7', 'blob:'],
    ['file:///home/alice/secret.txt', 'file:'],
  ])('%j → %j', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('follows URLs inside URLs only so deep, then redacts the rest whole', () => {
    let url = 'https://z.example/?q=innermost';
    for (let i = 0; i < 8; i++) url = `https://a${i}.example/?next=${encodeURIComponent(url)}`;
    const out = redactUrl(url);
    expect(out).not.toContain('innermost');
  });
});

describe('redactUrl bounds the length', () => {
  it('cuts an address over 8 KB to 8 KB, still an address, the same when redacted again', () => {
    const long = `https://a.example/p?q=${'x'.repeat(20_000)}&token=late-secret`;
    const out = redactUrl(long);
    expect(out.length).toBeLessThanOrEqual(MAX_URL_CHARS);
    expect(out.endsWith('%E2%80%A6')).toBe(true);
    expect(new URL(out).href).toBe(out);
    expect(redactUrl(out)).toBe(out);
    expect(out).not.toContain('late-secret');
  });

  it('never cuts a percent-escape in half', () => {
    const out = redactUrl(`https://a.example/p?q=${'%C3%A9'.repeat(3000)}`);
    expect(out).toMatch(/(?:%C3%A9)+%E2%80%A6$/);
  });

  // Values just under the parsing limit, shaped to make a careless pattern backtrack.
  it.each([
    ['a long word', 'x'.repeat(30_000)],
    ['dots without an @', 'a.'.repeat(15_000)],
    ['an @ that is never an address', `${'a'.repeat(15_000)}@${'b.'.repeat(7000)}`],
    ['many @', '@a'.repeat(15_000)],
    ['digits and separators', '1-'.repeat(15_000)],
    ['eyJ over and over', 'eyJ.'.repeat(7000)],
  ])('takes little time on %s', (_what, value) => {
    const started = performance.now();
    redactUrl(`https://a.example/p?q=${value}`);
    redactUrl(`https://a.example/${value}`);
    // A pattern that backtracks takes seconds here; a linear one, milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a secret in a megabyte address is gone too, and it takes little time', () => {
    const huge = `https://a.example/p?token=first-secret&q=${'y'.repeat(1_000_000)}`;
    const started = performance.now();
    const out = redactUrl(huge);
    expect(performance.now() - started).toBeLessThan(500);
    expect(out).not.toContain('first-secret');
    expect(out.length).toBeLessThanOrEqual(MAX_URL_CHARS);
  });
});

describe('header values', () => {
  it('redacts every URL in a Link header, absolute or relative, and keeps the rest', () => {
    const link =
      '<https://cdn.example/a.css?token=LINK1>; rel=preload, </reset/AbCdEf0123456789XyZ>; rel="next", <https://a.example/wp-json/>; rel="https://api.w.org/"';
    const out = redactHeaderValue(link);
    expect(out).not.toMatch(/LINK1|AbCdEf0123456789XyZ/);
    expect(out).toBe(
      '<https://cdn.example/a.css?token=REDACTED>; rel=preload, </reset/REDACTED>; rel="next", <https://a.example/wp-json/>; rel="https://api.w.org/"',
    );
  });

  it('keeps request IDs and server names, which support asks for', () => {
    const headers = {
      server: 'nginx/1.25.3',
      'cf-ray': '8f2b6a1c9d4e3f21-FRA',
      'x-amz-cf-id': 'Y0q4v8L6d1sQkZyJ2m7Hn3bV9cX5aW1eR8tU4oP6iA2sD0fG7hJ3kL==',
      'x-request-id': 'fcb3b0fc-3f2f-4ed2-9a12-5e1835e34cc7',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      via: '1.1 varnish, 1.1 proxy.example (squid/5.7)',
    };
    expect(redactHeaders(headers)).toEqual(headers);
  });

  it('replaces JWTs and e-mail addresses anywhere in a value', () => {
    expect(redactHeaderValue('1.1 edge (user alice@example.org) eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')).not.toMatch(
      /alice|eyJhbGci/,
    );
  });
});
