import { siteOf } from '../../lib/site/psl-node';
import { type BenchBrowser, poll } from './browser';
import { openLogPage, seedLog } from './extension-log';
import { incidentTemplates } from './samples';
import { median, progress, type Row } from './stats';

/** Goal stated by the project for the popup with a full log. */
const GOAL_MS = 200;

/**
 * Runs in the popup before its own scripts: records when the popup first shows something
 * useful (the tab's site's incident list and the table of all sites, or the empty state, or
 * the error), and when the frame that paints it is done: a task queued from the next
 * animation frame runs after that frame's paint. A string, not a function: see
 * overlay-latency.ts.
 */
const RECORD_USEFUL = `
new MutationObserver((records, observer) => {
  const useful =
    document.querySelector('.empty, [role="alert"]') ||
    (document.querySelector('table.sites') && document.querySelector('ol.incidents li'));
  if (!useful) return;
  observer.disconnect();
  window.popupUsefulAt = performance.now();
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.popupPaintedAt = performance.now();
    }),
  );
}).observe(document, { childList: true, subtree: true });
`;

/** Medians of `opens` fresh opens of the popup for tab `tabId`, in ms from navigation start. */
async function timeOpens(browser: BenchBrowser, tabId: number, opens: number) {
  const usefulAt: number[] = [];
  const paintedAt: number[] = [];
  const fcpAt: number[] = [];
  for (let i = 0; i < opens; i++) {
    const popup = await browser.context.newPage();
    try {
      await popup.addInitScript({ content: RECORD_USEFUL });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      const t = await poll(
        'the popup to paint its list',
        () =>
          popup.evaluate(() => {
            const scope = window as unknown as { popupUsefulAt?: number; popupPaintedAt?: number };
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
            const failed = document.querySelector('[role="alert"]')?.textContent;
            if (failed) return { failed };
            const { popupUsefulAt: useful, popupPaintedAt: painted } = scope;
            return useful === undefined || painted === undefined || fcp === undefined ? null : { useful, painted, fcp };
          }),
        30_000,
        10,
      );
      if ('failed' in t) throw new Error(`The popup could not read the log: ${t.failed}`);
      usefulAt.push(t.useful);
      paintedAt.push(t.painted);
      fcpAt.push(t.fcp);
    } finally {
      await popup.close();
    }
  }
  return { useful: median(usefulAt), painted: median(paintedAt), fcp: median(fcpAt) };
}

/**
 * Figure 7 (browser half): popup.html opened fresh `opens` times as the popup of a healthy
 * tab, first with an empty log (the popup's own cost), then with `incidents` incidents of
 * which every 50th is on that tab's site. Measured from the popup's navigation start to its
 * useful content in the DOM, to the end of the frame that paints it, and to its first
 * contentful paint (which may come earlier, with part of the content).
 */
export async function benchPopup(
  browser: BenchBrowser,
  origin: string,
  incidents: number,
  opens: number,
): Promise<Row[]> {
  progress(`figure 7: popup with an empty log, then with ${incidents} incidents, ${opens} opens`);
  const tab = await browser.context.newPage();
  const first = await openLogPage(browser);
  try {
    await tab.goto(`${origin}/ok`);
    const tabId = await browser.worker?.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(url))?.id,
      origin,
    );
    if (tabId === undefined) throw new Error('The healthy tab has no id');
    const empty = await timeOpens(browser, tabId, Math.ceil(opens / 3));

    const t0 = performance.now();
    const stored = await seedLog(first, {
      templates: incidentTemplates(),
      count: incidents,
      start: Date.now() - incidents * 60_017,
      here: { site: siteOf(tab.url()), pageUrl: tab.url() },
    });
    if (stored !== incidents) throw new Error(`Seeded ${stored} incidents, expected ${incidents}`);
    progress(`  seeded ${incidents} incidents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const full = await timeOpens(browser, tabId, opens);

    const group = `7 log of ${incidents.toLocaleString('en-US')}`;
    return [
      {
        group,
        label: 'popup, empty log: painted',
        value: empty.painted,
        unit: 'ms',
        runs: Math.ceil(opens / 3),
        note: `the popup's own cost; empty state in DOM ${empty.useful.toFixed(0)} ms`,
      },
      {
        group,
        label: "popup: site's list + site table in DOM",
        value: full.useful,
        unit: 'ms',
        runs: opens,
        note: `from navigation start; first contentful paint ${full.fcp.toFixed(0)} ms`,
      },
      {
        group,
        label: 'popup: … and painted',
        value: full.painted,
        unit: 'ms',
        runs: opens,
        note: `first useful paint; target < ${GOAL_MS} ms: ${full.painted < GOAL_MS ? 'met' : 'not met'}`,
      },
    ];
  } finally {
    await first.close();
    await tab.close();
  }
}
