import { describe, expect, it } from 'vitest';
import { isoLocal, isoUtc } from '@/lib/log/time';

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
