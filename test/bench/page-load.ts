import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR } from '../e2e/harness';
import { type BenchBrowser, launchBrowser, poll } from './browser';
import { SUBRESOURCES_PER_KIND } from './server';
import { bootstrap95, median, progress, quantile, type Row, ratios } from './stats';

/** The minimal MV3 extension with one main_frame webRequest listener: the yardstick. */
export const REFERENCE_EXTENSION_DIR = resolve(import.meta.dirname, 'reference-extension');

/** Goal stated by the project: our ratio to no extension within this of the reference's. */
const GOAL_RATIO_GAP = 0.02;

/** Loads per configuration that are thrown away: connection setup, first-run caches. */
const WARMUP_ROUNDS = 2;

interface Config {
  key: 'a' | 'b' | 'c';
  label: string;
  extensionDir?: string;
}

/**
 * `BENCH_REFERENCE=<built extension folder>` puts another build in (c)'s place — an earlier
 * build of this extension, say — to compare two builds within the same rounds.
 */
const REFERENCE = process.env.BENCH_REFERENCE;

const CONFIGS: readonly Config[] = [
  { key: 'a', label: '(a) no extension' },
  { key: 'b', label: '(b) 5xx Explainer', extensionDir: EXTENSION_DIR },
  REFERENCE
    ? { key: 'c', label: '(c) BENCH_REFERENCE build', extensionDir: REFERENCE }
    : { key: 'c', label: '(c) reference extension', extensionDir: REFERENCE_EXTENSION_DIR },
];

/**
 * Loads the heavy page in a fresh tab and returns its Navigation Timing load time
 * (loadEventEnd − startTime), after checking that all 300 subresources really loaded.
 */
async function loadOnce(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const result = await poll('loadEventEnd', () =>
      page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        if (!nav || nav.loadEventEnd === 0) return null;
        return {
          ms: nav.loadEventEnd - nav.startTime,
          scripts: (window as unknown as { scriptsRun?: number }).scriptsRun ?? 0,
          sheets: document.styleSheets.length,
          images: [...document.images].filter((img) => img.complete && img.naturalWidth > 0).length,
        };
      }),
    );
    const n = SUBRESOURCES_PER_KIND;
    if (result.scripts !== n || result.sheets !== n || result.images !== n) {
      throw new Error(`Incomplete load of ${url}: ${JSON.stringify(result)}`);
    }
    return result.ms;
  } finally {
    await page.close();
  }
}

/**
 * Figure 2: page-load time of a healthy page with 300 subresources without extensions, with
 * ours and with the reference extension. The three browsers run side by side and take turns,
 * the order rotated every round; each load is a fresh tab with URLs no load used before.
 */
export async function benchPageLoad(env: { labPort: number; origin: string; rounds: number }): Promise<Row[]> {
  progress(`figure 2: page load with 300 subresources, ${env.rounds} rounds × 3 browsers`);
  const browsers = new Map<Config['key'], BenchBrowser>();
  const times = new Map<Config['key'], number[]>(CONFIGS.map((c) => [c.key, []]));
  try {
    for (const config of CONFIGS) {
      browsers.set(
        config.key,
        await launchBrowser({
          labPort: env.labPort,
          readyUrl: `${env.origin}/ready`,
          extensionDir: config.extensionDir,
        }),
      );
    }
    for (let round = -WARMUP_ROUNDS; round < env.rounds; round++) {
      const shift = ((round % 3) + 3) % 3;
      const order = [...CONFIGS.slice(shift), ...CONFIGS.slice(0, shift)];
      for (const config of order) {
        const browser = browsers.get(config.key) as BenchBrowser;
        const ms = await loadOnce(browser.context, `${env.origin}/page?round=${round}&config=${config.key}`);
        if (round >= 0) times.get(config.key)?.push(ms);
      }
      if (round >= 0 && (round + 1) % 5 === 0) progress(`  round ${round + 1}/${env.rounds}`);
    }
  } finally {
    await Promise.all([...browsers.values()].map((b) => b.close()));
  }

  const a = times.get('a') as number[];
  const b = times.get('b') as number[];
  const c = times.get('c') as number[];
  const ours = ratios(b, a);
  const reference = ratios(c, a);
  // The spread says whether a gap of GOAL_RATIO_GAP can be told apart from noise at all.
  const spread = (r: number[]) =>
    `× ${median(r).toFixed(3)} of (a); middle half of rounds ${quantile(r, 0.25).toFixed(2)}–${quantile(r, 0.75).toFixed(2)}`;
  const gap = median(ours) - median(reference);
  const pick = (r: number[], indices: number[]) => indices.map((i) => r[i] as number);
  const [low, high] = bootstrap95(ours.length, (ix) => median(pick(ours, ix)) - median(pick(reference, ix)));
  // Judged on the interval, not the point: with this much noise a point estimate flips.
  const verdict = high <= GOAL_RATIO_GAP ? 'met' : low > GOAL_RATIO_GAP ? 'not met' : 'cannot tell at this noise';
  const group = '2 page load, 300 sub';
  return [
    { group, label: CONFIGS[0]?.label ?? '', value: median(a), unit: 'ms', runs: a.length, note: 'baseline' },
    { group, label: CONFIGS[1]?.label ?? '', value: median(b), unit: 'ms', runs: b.length, note: spread(ours) },
    { group, label: CONFIGS[2]?.label ?? '', value: median(c), unit: 'ms', runs: c.length, note: spread(reference) },
    {
      group,
      label: 'ratio (b)/(a) − ratio (c)/(a)',
      value: gap,
      unit: 'ratio',
      runs: a.length,
      note: `95% CI ${low.toFixed(3)} to ${high.toFixed(3)}; goal ≤ ${GOAL_RATIO_GAP}: ${verdict}`,
    },
  ];
}
