// Node-only figures: the background's listener, the store under fake-indexeddb, the exports.
import { siteOf } from '../../lib/site/psl-node';
import 'fake-indexeddb/auto';
import { diagnose } from '../../lib/diagnosis/diagnose';
import { toCsv } from '../../lib/export/csv';
import { toJson } from '../../lib/export/json';
import { createFailureFlow, type Effects, type FailureFlow } from '../../lib/failure/flow';
import { createNetworkErrorListener } from '../../lib/failure/network-listener';
import { RequestStarts } from '../../lib/failure/request-starts';
import { createMissedFailureWatch } from '../../lib/failure/startup-catch-up';
import type { SessionArea } from '../../lib/failure/tab-state';
import { clearAll } from '../../lib/log/clear';
import type { CompletedRequest, FailedRequest } from '../../lib/log/incident';
import { recordIncident } from '../../lib/log/incidents';
import type { Incident } from '../../lib/log/model';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { loadFixtures, NOW } from '../fixtures/load';
import { completedDetails, errorDetails, sampleIncident, VANTAGE } from './samples';
import { median, progress, type Row } from './stats';

/**
 * The body of the webRequest listener in entrypoints/background.ts. The real one discards
 * the flow's promise with `void`; this one returns it, so that the benchmark can wait for
 * the work an event started. Keep it in step with the entrypoint.
 */
function listenerFor(flow: FailureFlow) {
  return (details: CompletedRequest): Promise<void> | undefined => {
    if (details.statusCode < 500) return;
    return flow.onFailure(details);
  };
}

/** storage.session stand-in that round-trips through JSON, as the real one does. */
function memoryArea(): SessionArea {
  const data = new Map<string, string>();
  return {
    async get(key) {
      const value = data.get(key);
      return value === undefined ? {} : { [key]: JSON.parse(value) };
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v));
    },
  };
}

/** In-memory effects: what is left is classification and incident creation, not I/O. */
function fakeEffects(): Effects {
  let recorded = 0;
  return {
    tabInfo: async (tabId) => ({ url: `https://www.shop.example.com/tab/${tabId}?token=t`, incognito: false }),
    context: async () => ({ settings: DEFAULT_SETTINGS, tzOffset: 60, vantage: VANTAGE, siteOf }),
    record: async () => ++recorded,
    refine: async () => {},
    badge: async () => {},
    inject: async () => 'injected',
    // An overlay script already listens in the tab: a burst only updates its notice.
    notify: async () => true,
    openExplainPage: async () => {},
    openOfflinePage: async () => {},
  };
}

/** The background's listener over a fresh flow with in-memory effects and session storage. */
function freshListener() {
  return listenerFor(createFailureFlow(fakeEffects(), memoryArea(), 'chrome-extension://benchmark'));
}

const RUNS = 9;

/** Nanoseconds per healthy event: the listener's early return, over many calls. */
function healthyCost(): number {
  const listener = freshListener();
  const events = Array.from({ length: 1024 }, (_, i) => completedDetails(i, 200, i % 2 ? 'script' : 'stylesheet'));
  const perRun = 2_000_000;
  const samples: number[] = [];
  let started = 0;
  for (let run = -1; run < RUNS; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < perRun; i++) if (listener(events[i & 1023] as CompletedRequest) !== undefined) started++;
    const ns = Number(process.hrtime.bigint() - t0) / perRun;
    if (run >= 0) samples.push(ns);
  }
  if (started !== 0) throw new Error('A healthy request reached the failure flow');
  return median(samples);
}

/** Microseconds per failing event, each one's async work awaited before the next arrives. */
async function failureCost(type: string): Promise<number> {
  const listener = freshListener();
  const events = Array.from({ length: 1024 }, (_, i) => completedDetails(i, i % 2 ? 502 : 503, type));
  const perRun = 5_000;
  const samples: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const t0 = performance.now();
    for (let i = 0; i < perRun; i++) await listener(events[i & 1023] as CompletedRequest);
    if (run >= 0) samples.push(((performance.now() - t0) * 1000) / perRun);
  }
  return median(samples);
}

/** A fresh onErrorOccurred listener (lib/failure/network-listener.ts, as the background has it). */
function freshErrorListener() {
  const starts = new RequestStarts();
  const flow = createFailureFlow(fakeEffects(), memoryArea(), 'chrome-extension://benchmark');
  return { starts, listener: createNetworkErrorListener(flow, starts) };
}

/**
 * Nanoseconds per onErrorOccurred event that is not the site's failure: navigated away
 * (ERR_ABORTED) and ad-blocked (ERR_BLOCKED_BY_CLIENT) requests of every watched type, the
 * common case, which must return at once.
 */
function ignoredErrorCost(): number {
  const { listener } = freshErrorListener();
  const types = ['script', 'xmlhttprequest', 'stylesheet', 'sub_frame', 'main_frame'];
  const events = Array.from({ length: 1024 }, (_, i) =>
    errorDetails(i, i % 2 ? 'net::ERR_BLOCKED_BY_CLIENT' : 'net::ERR_ABORTED', types[i % types.length] as string),
  );
  const perRun = 2_000_000;
  const samples: number[] = [];
  let started = 0;
  for (let run = -1; run < RUNS; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < perRun; i++) if (listener(events[i & 1023] as FailedRequest) !== undefined) started++;
    if (run >= 0) samples.push(Number(process.hrtime.bigint() - t0) / perRun);
  }
  if (started !== 0) throw new Error('An aborted or blocked request reached the failure flow');
  return median(samples);
}

/**
 * Nanoseconds per navigation for noting its start (the onBeforeRequest listener, main_frame only):
 * webRequest has reported (a boolean once it has), and the start's time.
 */
function navigationStartCost(): number {
  const starts = new RequestStarts();
  const missed = createMissedFailureWatch({} as FailureFlow, memoryArea());
  const perRun = 2_000_000;
  const samples: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < perRun; i++) {
      missed.heard();
      starts.note(String(i), 2 + (i & 7), 1_780_000_000_000 + i);
    }
    if (run >= 0) samples.push(Number(process.hrtime.bigint() - t0) / perRun);
  }
  return median(samples);
}

/** Microseconds per network error that is explained (main_frame) or counted (a sub-request), each awaited. */
async function networkErrorCost(type: string): Promise<number> {
  const { listener, starts } = freshErrorListener();
  const events = Array.from({ length: 1024 }, (_, i) => errorDetails(i, 'net::ERR_CONNECTION_REFUSED', type));
  const perRun = 5_000;
  const samples: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const t0 = performance.now();
    for (let i = 0; i < perRun; i++) {
      const event = events[i & 1023] as FailedRequest;
      if (type === 'main_frame') starts.note(event.requestId, event.tabId, event.timeStamp - 40);
      await listener(event);
    }
    if (run >= 0) samples.push(((performance.now() - t0) * 1000) / perRun);
  }
  return median(samples);
}

/** Figure 1: CPU cost of the background's webRequest listener per event. */
export async function benchListener(): Promise<Row[]> {
  progress('figure 1: background listener cost (Node)');
  const group = '1 background/event';
  const note = 'Node, in-memory effects';
  return [
    { group, label: 'healthy 200 (returns at once)', value: healthyCost(), unit: 'ns', runs: RUNS, note },
    {
      group,
      label: '5xx fetch/XHR (incident + burst notice)',
      value: await failureCost('xmlhttprequest'),
      unit: 'µs',
      runs: RUNS,
      note: `${note}; storage.session as JSON in memory`,
    },
    {
      group,
      label: '5xx top-level (incident + overlay hand-off)',
      value: await failureCost('main_frame'),
      unit: 'µs',
      runs: RUNS,
      note: `${note}; storage.session as JSON in memory`,
    },
    {
      group,
      label: 'error: aborted / ad-blocked (returns at once)',
      value: ignoredErrorCost(),
      unit: 'ns',
      runs: RUNS,
      note: 'onErrorOccurred, all watched types',
    },
    {
      group,
      label: 'navigation start noted (onBeforeRequest)',
      value: navigationStartCost(),
      unit: 'ns',
      runs: RUNS,
      note: 'main_frame only; for the elapsed time',
    },
    {
      group,
      label: 'error: refused sub-request (counted)',
      value: await networkErrorCost('script'),
      unit: 'µs',
      runs: RUNS,
      note: `${note}; third-party, so not in the notice`,
    },
    {
      group,
      label: 'error: refused page (incident + explain page)',
      value: await networkErrorCost('main_frame'),
      unit: 'µs',
      runs: RUNS,
      note: `${note}; storage.session as JSON in memory`,
    },
  ];
}

/**
 * Figure 1: diagnose() on each response of the fixture corpus (body included where it has one):
 * each response's median over the runs, then the median and the slowest of those.
 */
export async function benchDiagnose(): Promise<Row[]> {
  progress('figure 1: diagnose() on the fixture corpus (Node)');
  const fixtures = await loadFixtures();
  const repeat = 50;
  const times = fixtures.map(() => [] as number[]);
  for (let run = -1; run < RUNS; run++) {
    fixtures.forEach((fixture, i) => {
      const t0 = performance.now();
      for (let k = 0; k < repeat; k++) diagnose(fixture.input, NOW);
      if (run >= 0) times[i]?.push(((performance.now() - t0) * 1000) / repeat);
    });
  }
  const each = times.map(median);
  const slowest = each.indexOf(Math.max(...each));
  const group = '1 background/event';
  return [
    {
      group,
      label: `diagnose(), median response of ${fixtures.length}`,
      value: median(each),
      unit: 'µs',
      runs: RUNS,
      note: 'Node; the fixture corpus, each response diagnosed 50 times a run; goal < 1 ms',
    },
    {
      group,
      label: 'diagnose(), slowest response',
      value: each[slowest] ?? Number.NaN,
      unit: 'µs',
      runs: RUNS,
      note: `Node; ${fixtures[slowest]?.file ?? ''}`,
    },
  ];
}

/** Figure 5 (Node half): recordIncident under fake-indexeddb, one at a time and in a burst. */
export async function benchFakeStore(): Promise<Row[]> {
  progress('figure 5: recordIncident under fake-indexeddb (Node)');
  await clearAll();
  let n = 0;
  // The store assigns ids: a present-but-undefined key would be refused.
  const next = (): Incident => {
    const { id: _id, ...incident } = sampleIncident(n++);
    return incident;
  };
  for (let i = 0; i < 100; i++) await recordIncident(next());
  const single: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const incident = next();
    const t0 = performance.now();
    await recordIncident(incident);
    single.push(performance.now() - t0);
  }
  const burst = 1000;
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    await clearAll();
    const batch = Array.from({ length: burst }, next);
    const t0 = performance.now();
    await Promise.all(batch.map((incident) => recordIncident(incident)));
    rates.push(burst / ((performance.now() - t0) / 1000));
  }
  await clearAll();
  const group = '5 incident writes';
  return [
    {
      group,
      label: 'recordIncident, one',
      value: median(single) * 1000,
      unit: 'µs',
      runs: single.length,
      note: 'Node, fake-indexeddb',
    },
    {
      group,
      label: `recordIncident, burst of ${burst}`,
      value: median(rates),
      unit: 'incidents/s',
      runs: rates.length,
      note: 'Node, fake-indexeddb, all concurrent',
    },
  ];
}

/** Figure 7 (Node half): the export formats on a 50,000-incident log. */
export function benchExports(): Row[] {
  progress('figure 7: JSON and CSV export of 50,000 incidents (Node)');
  const incidents = Array.from({ length: 50_000 }, (_, i) => sampleIncident(i));
  const time = (make: () => string) => {
    const samples: number[] = [];
    let text = '';
    for (let run = -1; run < 7; run++) {
      const t0 = performance.now();
      text = make();
      if (run >= 0) samples.push(performance.now() - t0);
    }
    return { ms: median(samples), runs: samples.length, mb: Buffer.byteLength(text) / 1e6 };
  };
  const json = time(() => toJson(incidents, Date.now(), '0.1.0'));
  const csv = time(() => toCsv(incidents));
  const group = '7 log of 50,000';
  return [
    {
      group,
      label: 'export JSON (toJson)',
      value: json.ms,
      unit: 'ms',
      runs: json.runs,
      note: `Node; ${json.mb.toFixed(1)} MB of text`,
    },
    {
      group,
      label: 'export CSV (toCsv)',
      value: csv.ms,
      unit: 'ms',
      runs: csv.runs,
      note: `Node; ${csv.mb.toFixed(1)} MB of text`,
    },
  ];
}
