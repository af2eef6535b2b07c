import { describe, expect, it } from 'vitest';
import { cleanPageText, MAX_PAGE_TEXT, pageText } from '@/lib/log/page-text';

describe('pageText: what the error page said', () => {
  it.each([
    [
      'nginx',
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>',
      '502 Bad Gateway nginx/1.25.3',
    ],
    [
      'scripts, styles and comments',
      '<body><style>h1{color:red}</style><script>var token="abc";</script><!-- secret --><p>Sorry!</p><noscript>Enable JS</noscript></body>',
      'Sorry!',
    ],
    ['entities', '<p>Tom &amp; Jerry&#39;s &lt;shop&gt;&nbsp;is&#x20;down</p>', "Tom & Jerry's <shop> is down"],
    ['a tag cut by the 8 KB prefix', '<p>Back soon</p><div class="x', 'Back soon'],
    ['a script cut by the prefix', '<p>Back soon</p><script>var key = "abc', 'Back soon'],
    ['no text at all', '<html><head><title>x</title></head><body><img src=x></body></html>', ''],
    ['invisible characters', '<p>a\u200b\u0007b\n\n\tc</p>', 'a b c'],
  ])('%s', (_, html, expected) => {
    expect(pageText(html)).toBe(expected);
  });

  it('keeps markup as words, never as markup', () => {
    const text = pageText('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(text).toBe('<img src=x onerror=alert(1)>');
  });

  it('removes secrets from URLs, pairs, addresses and tokens', () => {
    const text = pageText(
      '<p>Retry https://shop.example/cart?token=S3CRET1&page=2 or reset?password=S3CRET2 ' +
        'mail jane.doe@example.com with eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.S3CRET3</p>',
    );
    expect(text).not.toMatch(/S3CRET|jane\.doe/);
    expect(text).toContain('https://shop.example/cart?token=REDACTED&page=2');
    expect(text).toContain('password=REDACTED');
  });

  it('keeps at most 160 characters, cut with an ellipsis', () => {
    const text = pageText(`<p>${'word '.repeat(100)}</p>`);
    expect(Array.from(text)).toHaveLength(MAX_PAGE_TEXT);
    expect(text.endsWith('…')).toBe(true);
  });

  it('never splits a character made of two code units', () => {
    const text = cleanPageText('😀'.repeat(200));
    expect(Array.from(text)).toHaveLength(MAX_PAGE_TEXT);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
