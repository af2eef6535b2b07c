import type { Page } from 'playwright-core';
import { type BenchBrowser, inspectWorker } from './browser';
import { clearLog, openLogPage, waitForLogged } from './extension-log';
import { median, progress, type Row } from './stats';

/** Starts `count` failing fetches in the burst page; resolves with the page-side duration in ms. */
function fireFailures(page: Page, prefix: string, count: number, concurrency: number): Promise<number> {
  return page.evaluate(
    ([p, n, c]) =>
      (
        window as unknown as { fireFailures(prefix: string, count: number, concurrency: number): Promise<number> }
      ).fireFailures(p, n, c),
    [prefix, count, concurrency] as const,
  );
}

/**
 * Figure 5 (browser half): a page fires `burst` failing fetches at once (distinct URLs); timed
 * from the start until the extension's IndexedDB log accounts for every one of them. This is
 * end to end: network, webRequest dispatch, the failure flow, the badge and the write.
 */
export async function benchBurst(browser: BenchBrowser, origin: string, burst: number, runs: number): Promise<Row[]> {
  progress(`figure 5: burst of ${burst} failing fetches into the extension's log, ${runs} runs`);
  const log = await openLogPage(browser);
  const page = await browser.context.newPage();
  const rates: number[] = [];
  const network: number[] = [];
  try {
    await page.goto(`${origin}/burst`);
    for (let run = 0; run < runs; run++) {
      await clearLog(log);
      const t0 = performance.now();
      const fired = fireFailures(page, `burst${run}`, burst, burst);
      await waitForLogged(log, burst, 60_000, 20);
      const seconds = (performance.now() - t0) / 1000;
      network.push(await fired);
      rates.push(burst / seconds);
    }
  } finally {
    await page.close();
    await log.close();
  }
  const group = '5 incident writes';
  return [
    {
      group,
      label: `burst of ${burst} failing fetches, logged`,
      value: median(rates),
      unit: 'incidents/s',
      runs,
      note: 'Chromium, end to end until all are in IndexedDB',
    },
    {
      group,
      label: `burst of ${burst}: page got all responses`,
      value: median(network),
      unit: 'ms',
      runs,
      note: 'the network share of the above',
    },
  ];
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/**
 * Figure 6: the service worker's JS heap (after a forced GC) in a fresh browser, then after
 * `failures` failing requests with distinct URLs (so each is its own incident) are in the log.
 */
export async function benchWorkerMemory(browser: BenchBrowser, origin: string, failures: number): Promise<Row[]> {
  const n = failures.toLocaleString('en-US');
  progress(`figure 6: service worker heap before and after ${n} incidents`);
  const worker = browser.worker;
  if (!worker) throw new Error('No extension service worker');
  const inspector = await inspectWorker(browser.context, worker.url());
  const heap = async (gc: boolean) => {
    if (gc) {
      await inspector.send('HeapProfiler.collectGarbage');
      await inspector.send('HeapProfiler.collectGarbage');
    }
    return (await inspector.send<HeapUsage>('Runtime.getHeapUsage')).usedSize / 1e6;
  };
  const log = await openLogPage(browser);
  const page = await browser.context.newPage();
  try {
    const before = await heap(true);
    await page.goto(`${origin}/burst`);
    const t0 = performance.now();
    await fireFailures(page, 'memory', failures, 50);
    await waitForLogged(log, failures, 240_000, 500);
    const seconds = (performance.now() - t0) / 1000;
    const afterNoGc = await heap(false);
    const after = await heap(true);
    const group = '6 worker heap';
    const note = 'Runtime.getHeapUsage, after a forced GC';
    return [
      { group, label: 'service worker JS heap, fresh', value: before, unit: 'MB', runs: 1, note },
      { group, label: `… after ${n} incidents`, value: after, unit: 'MB', runs: 1, note },
      {
        group,
        label: `… after ${n} incidents, before GC`,
        value: afterNoGc,
        unit: 'MB',
        runs: 1,
        note: `${n} logged in ${seconds.toFixed(1)} s (${Math.round(failures / seconds)}/s, 50 in flight)`,
      },
    ];
  } finally {
    await page.close();
    await log.close();
    await inspector.close();
  }
}
