import { describe, expect, it } from 'vitest';
import { fairShares } from '@/lib/log/fair-share';

describe('fairShares', () => {
  it.each([
    [[10, 3, 1], 5, [5, 0, 0]],
    [[5, 5, 1], 3, [2, 1, 0]],
    [[1000, 2, 2, 2], 900, [900, 0, 0, 0]],
    [[1000, 2, 2, 2], 1000, [999, 1, 0, 0]],
    [[4, 4, 4], 6, [2, 2, 2]],
    [[3, 1], 0, [0, 0]],
    [[3, 1], 9, [3, 1]],
    [[], 3, []],
  ])('takes %j down by %i as %j', (piles, excess, shares) => {
    const result = fairShares(piles, excess);
    expect(result).toEqual(shares);
    expect(result.reduce((n, s) => n + s, 0)).toBe(
      Math.min(
        excess,
        piles.reduce((n, p) => n + p, 0),
      ),
    );
  });

  it('shrinks the largest first: the piles taken from end within one of each other, never below a spared one', () => {
    for (let seed = 1; seed < 300; seed++) {
      const piles = Array.from({ length: 1 + (seed % 7) }, (_, i) => (seed * (i + 3) * 7919) % 50);
      const excess = seed % 60;
      const shares = fairShares(piles, excess);
      const left = piles.map((p, i) => p - (shares[i] as number));
      const taken = left.filter((_, i) => (shares[i] as number) > 0);
      const spared = piles.filter((_, i) => shares[i] === 0);
      if (taken.length === 0) continue;
      expect(Math.max(...taken) - Math.min(...taken)).toBeLessThanOrEqual(1);
      for (const s of spared) expect(Math.min(...taken)).toBeGreaterThanOrEqual(Math.min(s, Math.max(...taken)) - 1);
    }
  });
});
