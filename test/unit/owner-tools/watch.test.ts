import { describe, expect, it } from 'vitest';
import { clampInterval, pushEvent, watchTransition } from '@/lib/owner-tools/watch';

describe('watches', () => {
  it.each([
    [null, false, 'failed'],
    [true, false, 'failed'],
    [false, false, null],
    [false, true, 'recovered'],
    [true, true, null],
    [null, true, null],
  ] as const)('last ok %s, now ok %s → %s', (last, ok, change) => {
    expect(watchTransition(last, ok)).toBe(change);
  });

  it('keeps the interval at a minute or more', () => {
    expect([0, 0.4, 1, 5, 10_000, Number.NaN].map(clampInterval)).toEqual([1, 1, 1, 5, 1440, 5]);
  });

  it('keeps the last events, newest first', () => {
    const events = Array.from({ length: 25 }, (_, i) => ({
      url: 'u',
      site: 's',
      kind: 'failed' as const,
      status: 503,
      time: i,
    }));
    const kept = events.reduce((list, e) => pushEvent(list, e), [] as ReturnType<typeof pushEvent>);
    expect(kept.map((e) => e.time)).toEqual(Array.from({ length: 20 }, (_, i) => 24 - i));
  });
});
