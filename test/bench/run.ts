// `npm run bench`: builds the extension (package.json does), then measures it and prints one
// table. Progress goes to stderr, the table to stdout. Nothing is asserted: the figures are
// for people to read. Exits non-zero only when a figure could not be measured.
//
// Each figure's module is imported when that figure runs: lib/ changes under the suite, and
// a module that does not load then costs only the figures that need it.
//
// `npm run bench -- --node` runs only the figures measured in Node (no browser): the listener and
// diagnose() (1), the fake store (5) and the exports (7).
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { EXTENSION_DIR } from '../e2e/harness';
import { type Lab, startLab } from '../lab/server';
import { type BenchBrowser, chromiumVersion, closeAllBrowsers, launchBrowser } from './browser';
import { type BenchServer, startBenchServer } from './server';
import { formatTable, progress, type Row } from './stats';

/** How much of everything: about three minutes on a 2-core machine. */
const SIZES = {
  pageLoadRounds: 31,
  overlayLoads: 15,
  burst: 1000,
  burstRuns: 5,
  memoryFailures: 10_000,
  popupIncidents: 50_000,
  popupOpens: 15,
};

/** The whole run stops by itself after this, printing what it has. */
const TIME_LIMIT_MS = 10 * 60_000;

const NOTES = `Notes
- median: over the runs shown; a ratio compares loads of the same round, then takes the median.
- 1: the listener body of entrypoints/background.ts in Node with in-memory effects and realistic
  webRequest details; the browser's own dispatch of the event is not in it (figure 2 has that).
  diagnose(): every response of test/fixtures/responses, headers and body as the extension
  reads them; the median response's median time, and the slowest response's.
- 2: a page on 127.0.0.1 with 100 scripts, 100 stylesheets, 100 images, all 200, no-store and URLs
  unique per load; a fresh tab per load; three headless browsers take turns, order rotated each
  round, 2 warm-up rounds dropped; Navigation Timing loadEventEnd − startTime. The gap's 95%
  interval is a bootstrap over rounds, and the goal is judged on the interval.
- 3: the lab's nginx 502 page in a fresh tab per load (1 warm-up dropped); the overlay's host
  element is detected by a MutationObserver. The shadow root is closed, but the card renders
  synchronously right after the host is appended, before the observer runs: a fair proxy.
- 4: 1 kB = 1000 B; minified with oxc (rolldown's minifier) with compress and mangle.
- 5: the burst is timed from the first fetch until the sum of \`count\` in the extension's
  IndexedDB (read from popup.html) reaches the burst size; it includes the network.
- 6: DevTools on the service worker: HeapProfiler.collectGarbage, then Runtime.getHeapUsage.
- 7: 50,000 incidents written in one transaction; popup opened as popup.html?tab=<id> fresh each
  time, timed from its navigation start until the tab's site's list and the site table are in
  the DOM, and until a task queued from the next animation frame runs (after that frame's
  paint). Exports are the pure lib/export functions in Node.`;

const rows: Row[] = [];
let failures = 0;

/** Runs one figure; a failure becomes a row saying so, and the suite goes on. */
async function figure(group: string, run: () => Row[] | Promise<Row[]>): Promise<void> {
  try {
    rows.push(...(await run()));
  } catch (error) {
    failures++;
    const message = String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
    progress(`${group} could not be measured: ${message}`);
    rows.push({ group, label: 'could not be measured', value: Number.NaN, unit: '', runs: 0, note: message });
  }
}

/** Runs `fn` with a fresh Chromium that has our extension, and closes it after. */
async function withExtension<T>(env: Env, fn: (browser: BenchBrowser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser({
    labPort: env.lab.port,
    readyUrl: `${env.server.origin}/ready`,
    extensionDir: EXTENSION_DIR,
  });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

interface Env {
  lab: Lab;
  server: BenchServer;
}

/** The 1-minute load average when the run started: other work on the machine skews figures. */
const loadAtStart = loadavg()[0] ?? 0;

function header(seconds: number, chromium: string): string {
  const cpu = cpus();
  const load = `load average ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end`;
  return [
    `5xx Explainer benchmarks, ${new Date().toISOString()}, ${Math.round(seconds)} s in all`,
    `machine:  ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}; ${load}`,
    `software: Node ${process.version}, ${chromium} (headless)`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const chromium = chromiumVersion();
  const watchdog = setTimeout(() => {
    progress(`time limit of ${TIME_LIMIT_MS / 60_000} min reached: stopping`);
    void closeAllBrowsers().finally(() => {
      process.stdout.write(`${header((performance.now() - started) / 1000, chromium)}${formatTable(rows)}\n`);
      process.exit(2);
    });
  }, TIME_LIMIT_MS);
  watchdog.unref();

  const micro = () => import('./micro');
  if (process.argv.includes('--node')) {
    await figure('1 background/event', async () => (await micro()).benchListener());
    await figure('1 background/event', async () => (await micro()).benchDiagnose());
    await figure('5 incident writes', async () => (await micro()).benchFakeStore());
    await figure('7 log of 50,000', async () => (await micro()).benchExports());
    clearTimeout(watchdog);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${header(seconds, chromium)}${formatTable(rows)}\n`);
    if (failures > 0) process.exitCode = 1;
    return;
  }
  const env: Env = { lab: await startLab(), server: await startBenchServer() };
  try {
    const origin = env.server.origin;
    const logWrite = () => import('./log-write');
    await figure('1 background/event', async () => (await micro()).benchListener());
    await figure('1 background/event', async () => (await micro()).benchDiagnose());
    await figure('2 page load, 300 sub', async () =>
      (await import('./page-load')).benchPageLoad({ labPort: env.lab.port, origin, rounds: SIZES.pageLoadRounds }),
    );
    await figure('3 overlay on a 502', async () => {
      const { benchOverlay } = await import('./overlay-latency');
      return withExtension(env, (b) => benchOverlay(b, SIZES.overlayLoads));
    });
    await figure('4 bundle size', async () => (await import('./bundle-size')).benchBundleSizes());
    await figure('5 incident writes', async () => (await micro()).benchFakeStore());
    await figure('5 incident writes', async () => {
      const { benchBurst } = await logWrite();
      return withExtension(env, (b) => benchBurst(b, origin, SIZES.burst, SIZES.burstRuns));
    });
    await figure('6 worker heap', async () => {
      const { benchWorkerMemory } = await logWrite();
      return withExtension(env, (b) => benchWorkerMemory(b, origin, SIZES.memoryFailures));
    });
    await figure('7 log of 50,000', async () => {
      const { benchPopup } = await import('./popup-load');
      return withExtension(env, (b) => benchPopup(b, origin, SIZES.popupIncidents, SIZES.popupOpens));
    });
    await figure('7 log of 50,000', async () => (await micro()).benchExports());
  } finally {
    await closeAllBrowsers();
    await env.server.close();
    await env.lab.close();
    clearTimeout(watchdog);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${header(seconds, chromium)}${formatTable(rows)}\n\n${NOTES}\n`);
  progress(`done in ${Math.round(seconds)} s`);
  if (failures > 0) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: closing browsers`);
    void closeAllBrowsers().finally(() => process.exit(130));
  });
}

await main();
