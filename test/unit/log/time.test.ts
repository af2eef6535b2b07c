import { describe, expect, it } from 'vitest';
import { formatTime, isoLocal, isoUtc, zoneName, zoneOffset } from '@/lib/log/time';

const t = Date.UTC(2026, 10, 27, 22, 41, 7, 123);

describe('time formats', () => {
  it('writes UTC with milliseconds', () => {
    expect(isoUtc(t)).toBe('2026-11-27T22:41:07.123Z');
  });

  it.each([
    [0, '2026-11-27T22:41:07.123+00:00'],
    [60, '2026-11-27T23:41:07.123+01:00'],
    [330, '2026-11-28T04:11:07.123+05:30'],
    [-300, '2026-11-27T17:41:07.123-05:00'],
    [-570, '2026-11-27T13:11:07.123-09:30'],
  ])('offset %i → %s', (offset, expected) => {
    expect(isoLocal(t, offset)).toBe(expected);
  });
});

describe('times as people read them', () => {
  const kolkata = { utc: false, locale: 'en-GB', local: 'Asia/Kolkata' };

  it('writes a moment in the reader’s locale with its zone, or in UTC', () => {
    expect(formatTime(t, 'moment', kolkata)).toBe('28 Nov 2026, 04:11:07 GMT+5:30');
    expect(formatTime(t, 'moment', { ...kolkata, utc: true })).toBe('27 Nov 2026, 22:41:07 UTC');
    expect(formatTime(t, 'moment', { utc: true, locale: 'en-US' })).toMatch(/^Nov 27, 2026, 10:41:07\sPM UTC$/);
  });

  it('writes axis labels without the zone, and names the zone apart', () => {
    expect(formatTime(t, 'clock', kolkata)).toBe('04:11');
    expect(formatTime(t, 'day', kolkata)).toBe('28 Nov');
    expect(zoneName(t, kolkata)).toBe('GMT+5:30');
    expect(zoneName(t, { utc: true })).toBe('UTC');
  });

  it('knows the zone’s offset, east of UTC', () => {
    expect(zoneOffset(t, kolkata)).toBe(330);
    expect(zoneOffset(t, { utc: false, local: 'America/New_York' })).toBe(-300);
    expect(zoneOffset(t, { ...kolkata, utc: true })).toBe(0);
  });
});
