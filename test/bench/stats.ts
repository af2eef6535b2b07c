/** One line of the final table. */
export interface Row {
  /** Which of the suite's figures it belongs to, e.g. "1 background". */
  group: string;
  label: string;
  value: number;
  unit: string;
  /** How many runs the median is taken over (1 for a deterministic figure). */
  runs: number;
  /** A ratio, a goal, or how the figure was taken. */
  note?: string;
}

/** The q-quantile (0 ≤ q ≤ 1), interpolating between neighbours. NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] as number;
  const high = sorted[Math.ceil(at)] as number;
  return low + (high - low) * (at - Math.floor(at));
}

/** The median; the mean of the middle two for an even count. */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/**
 * Per-round ratios `a[i] / b[i]`: pairing the loads of one round cancels the drift that a
 * ratio of two medians would keep.
 */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x / (b[i] as number));
}

/** A small seeded PRNG (mulberry32), so that a bootstrap gives the same interval every time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * 95% bootstrap interval of a statistic of `n` paired samples: `statistic` gets the indices
 * of one resample (drawn with replacement, pairs kept together).
 */
export function bootstrap95(n: number, statistic: (indices: number[]) => number, resamples = 2000): [number, number] {
  const next = random(0x5c5);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    values.push(statistic(Array.from({ length: n }, () => Math.floor(next() * n))));
  }
  return [quantile(values, 0.025), quantile(values, 0.975)];
}

/** Prints progress to stderr, so that stdout carries only the table. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A number with as many digits as its size deserves. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** Plain-text table: left-aligned words, right-aligned numbers, one row per figure. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'measure', 'median', 'unit', 'runs', 'notes'];
  // A group's name is printed on its first row only.
  const cells = rows.map((r, i) => [
    rows[i - 1]?.group === r.group ? '' : r.group,
    r.label,
    formatValue(r.value),
    r.unit,
    String(r.runs),
    r.note ?? '',
  ]);
  const widths = header.map((h, col) => Math.max(h.length, ...cells.map((c) => (c[col] as string).length)));
  const numeric = new Set([2, 4]);
  const line = (c: readonly string[]) =>
    c
      .map((text, col) =>
        numeric.has(col) ? text.padStart(widths[col] as number) : text.padEnd(widths[col] as number),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body: string[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1]?.group !== row.group) body.push('');
    body.push(line(cells[i] as string[]));
  });
  return [line(header), rule, ...body].join('\n');
}
