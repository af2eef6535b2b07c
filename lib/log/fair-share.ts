/**
 * How many to take from each of several piles so that `excess` are taken in all and the piles
 * left are as even as can be: the largest piles shrink first, down to a common level, and no
 * pile is taken below the level of one that was spared. Retention uses it to make room in the
 * log from the sites that hold the most, so that one site's flood cannot push the others out.
 * Pure. Returns one number per pile, in the piles' order; ties go to the earlier pile.
 */
export function fairShares(piles: readonly number[], excess: number): number[] {
  const total = piles.reduce((n, p) => n + p, 0);
  if (excess <= 0) return piles.map(() => 0);
  if (excess >= total) return [...piles];
  // The highest level at which taking everything above it is still enough.
  const above = (level: number) => piles.reduce((n, p) => n + Math.max(0, p - level), 0);
  let low = 0;
  let high = Math.max(...piles);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (above(mid) >= excess) low = mid;
    else high = mid - 1;
  }
  // Everything above level + 1, then one more from piles at level + 1 until `excess` is reached.
  const shares = piles.map((p) => Math.max(0, p - (low + 1)));
  let left = excess - shares.reduce((n, s) => n + s, 0);
  for (let i = 0; i < piles.length && left > 0; i++) {
    if ((piles[i] as number) > low) {
      shares[i] = (shares[i] as number) + 1;
      left--;
    }
  }
  return shares;
}
