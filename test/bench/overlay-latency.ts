import { HOST_TAG } from '../../lib/platform/shadow-host';
import { type BenchBrowser, poll } from './browser';
import { median, progress, type Row } from './stats';

/**
 * Runs in the page before its own scripts: records when the overlay's host element is
 * added. The shadow root is closed, but the overlay renders into it synchronously right after
 * appending the host, and MutationObserver callbacks run only after that synchronous work,
 * so the callback's time is at or after the render. A string, not a function, so that
 * nothing of the Node-side transpiler leaks into the page.
 */
const RECORD_OVERLAY = `
new MutationObserver((records, observer) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.localName === ${JSON.stringify(HOST_TAG)}) {
        window.overlayShownAt = performance.now();
        observer.disconnect();
        return;
      }
    }
  }
}).observe(document, { childList: true, subtree: true });
`;

/**
 * Figure 3: from a failing top-level response to the overlay on the page, with the lab's
 * nginx 502 page, each load in a fresh tab.
 */
export async function benchOverlay(browser: BenchBrowser, loads: number): Promise<Row[]> {
  progress(`figure 3: overlay latency on nginx-502.test, ${loads} loads`);
  const fromResponseEnd: number[] = [];
  const fromDcl: number[] = [];
  for (let i = -1; i < loads; i++) {
    const page = await browser.context.newPage();
    try {
      await page.addInitScript({ content: RECORD_OVERLAY });
      await page.goto(`http://nginx-502.test/?load=${i}`);
      const t = await poll(
        'the overlay',
        () =>
          page.evaluate(() => {
            const at = (window as unknown as { overlayShownAt?: number }).overlayShownAt;
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            if (at === undefined || !nav) return null;
            return { responseEnd: at - nav.responseEnd, dcl: at - nav.domContentLoadedEventEnd };
          }),
        10_000,
        10,
      );
      // The first load (i = -1) wakes up code paths and caches: not counted.
      if (i >= 0) {
        fromResponseEnd.push(t.responseEnd);
        fromDcl.push(t.dcl);
      }
    } finally {
      await page.close();
    }
  }
  const group = '3 overlay on a 502';
  const note = 'host element added (renders synchronously with it)';
  return [
    { group, label: 'from responseEnd to overlay', value: median(fromResponseEnd), unit: 'ms', runs: loads, note },
    { group, label: 'from DOMContentLoaded to overlay', value: median(fromDcl), unit: 'ms', runs: loads, note },
  ];
}
