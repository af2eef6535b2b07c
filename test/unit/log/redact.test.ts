import { describe, expect, it } from 'vitest';
import { redactUrl } from '@/lib/log/redact';

describe('redactUrl', () => {
  it.each([
    ['https://a.example/p?token=abc&x=1', 'https://a.example/p?token=REDACTED&x=1'],
    ['https://a.example/p?Access_Token=abc', 'https://a.example/p?Access_Token=REDACTED'],
    ['https://a.example/cb?code=xyz&state=ok', 'https://a.example/cb?code=REDACTED&state=ok'],
    [
      'https://a.example/p?api_key=1&apikey=2&key=3',
      'https://a.example/p?api_key=REDACTED&apikey=REDACTED&key=REDACTED',
    ],
    [
      'https://a.example/p?sig=1&signature=2&sid=3&session=4',
      'https://a.example/p?sig=REDACTED&signature=REDACTED&sid=REDACTED&session=REDACTED',
    ],
    [
      'https://a.example/p?password=hunter2&auth=x&secret=y',
      'https://a.example/p?password=REDACTED&auth=REDACTED&secret=REDACTED',
    ],
    ['https://a.example/p?id_token=e.y.j', 'https://a.example/p?id_token=REDACTED'],
    ['https://a.example/p#access_token=abc', 'https://a.example/p'],
    ['https://user:pw@a.example/p', 'https://a.example/p'],
    ['https://a.example/p?q=hello%20world&page=2', 'https://a.example/p?q=hello%20world&page=2'],
    ['https://a.example/p?tokenizer=on', 'https://a.example/p?tokenizer=on'],
    ['https://a.example/p?to%6Ben=abc', 'https://a.example/p?to%6Ben=REDACTED'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('leaves what is not a URL alone', () => {
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('keeps no secret value anywhere in the result', () => {
    const out = redactUrl('https://u:p4ss@a.example/x?token=S3CRET1&code=S3CRET2#S3CRET3');
    expect(out).not.toMatch(/S3CRET|p4ss/);
  });
});
