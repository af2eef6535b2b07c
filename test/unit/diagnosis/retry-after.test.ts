import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '@/lib/diagnosis/retry-after';

// Thu, 14 Nov 2024 12:00:00 GMT
const NOW = Date.UTC(2024, 10, 14, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['120', { seconds: 120, at: NOW + 120_000, form: 'delay' }],
    ['0', { seconds: 0, at: NOW, form: 'delay' }],
    [' 30 ', { seconds: 30, at: NOW + 30_000, form: 'delay' }],
    // The three HTTP-date forms RFC 9110 makes recipients accept.
    ['Thu, 14 Nov 2024 12:45:00 GMT', { seconds: 2700, at: Date.UTC(2024, 10, 14, 12, 45), form: 'date' }],
    ['Thursday, 14-Nov-24 13:00:00 GMT', { seconds: 3600, at: Date.UTC(2024, 10, 14, 13), form: 'date' }],
    ['Thu Nov 14 12:00:30 2024', { seconds: 30, at: Date.UTC(2024, 10, 14, 12, 0, 30), form: 'date' }],
    ['Fri Nov  1 12:00:00 2024', { seconds: 0, at: Date.UTC(2024, 10, 1, 12), form: 'date' }],
    // A past date means "now", not a negative wait.
    ['Wed, 13 Nov 2024 12:00:00 GMT', { seconds: 0, at: Date.UTC(2024, 10, 13, 12), form: 'date' }],
    // Sub-second remainders round up: the server said not before then.
    ['Thu, 14 Nov 2024 12:00:01 GMT', { seconds: 1, at: NOW + 1000, form: 'date' }],
  ])('%j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toEqual(expected);
  });

  it.each([
    [undefined],
    [''],
    ['soon'],
    ['-5'],
    ['1.5'],
    ['1e3'],
    ['0x10'],
    ['120 seconds'],
    ['99999999999999999999'],
    ['Thu, 31 Feb 2024 12:00:00 GMT'],
    ['Thu, 14 Nov 2024 25:00:00 GMT'],
    ['Thu, 14 Nov 2024 12:00:00 PST'],
    ['2024-11-14T12:45:00Z'],
    ['Thu, 14 Nov 2024'],
    ['<script>alert(1)</script>'],
  ])('rejects %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

describe('parseRetryAfter: HTTP dates', () => {
  it('puts a two-digit RFC 850 year more than 50 years ahead in the previous century', () => {
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)?.at).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseRetryAfter('Monday, 06-Nov-34 08:49:37 GMT', NOW)?.at).toBe(Date.UTC(2034, 10, 6, 8, 49, 37));
  });

  it('reads asctime dates as UTC whatever the local zone', () => {
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', NOW)?.at).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
  });
});
