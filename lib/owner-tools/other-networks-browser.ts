import { browser } from 'wxt/browser';
import { attachOtherNetworks } from '@/lib/log/incidents';
import type { Incident } from '@/lib/log/model';
import { loadLazyScript } from '@/lib/platform/lazy-script';
import { loadSettings } from '@/lib/settings';
import type { StartedCheck } from './globalping/run';
import {
  blockedUntil,
  countryOfLanguage,
  GLOBALPING_GLOBAL,
  GLOBALPING_PERMISSION,
  GLOBALPING_SCRIPT,
  type GlobalpingModule,
  JOB_STALE_MS,
  type OtherNetworksState,
} from './other-networks';

/**
 * The background's side of "Check from other networks": asks only once the person agreed (the
 * setting, and the optional host permission for the API), loads the Globalping code only then,
 * keeps each site's check in storage.session (a stopped worker picks it up from its ids without
 * asking the API twice), and keeps the answer with the incident it was about. After a
 * rate-limit answer nothing is sent until the API's time is up. Touches the browser, the
 * clock and (through the loaded code) fetch; the pure rules are ./other-networks.ts.
 */

/** What a check is about: the address (already chosen by the router's rules) and the failure. */
export interface OtherNetworksTarget {
  url: string;
  site: string;
  /** The failure it is about, when it is in the log: the answer is kept with it. */
  incident: Pick<Incident, 'id' | 'status' | 'ip'> | null;
}

/** One site's check, as storage.session keeps it. */
interface Job {
  time: number;
  incidentId: number | null;
  visitor: { status: number | null; ip: string | null; country: string | null };
  started: StartedCheck | null;
  state: OtherNetworksState;
}

const JOB_KEY = 'other-networks:';
const BLOCKED_KEY = 'other-networks-blocked';

/**
 * The runner, with the way to load the Globalping code passed in (the background gives
 * lib/platform/lazy-script.ts's loader; tests a module pointed at a stub).
 */
export function createOtherNetworks(
  load: () => Promise<GlobalpingModule>,
  /** The browser's language tag, whose region hints at the person's country (no location is asked for). */
  language: () => string = () => globalThis.navigator?.language ?? '',
) {
  const session = browser.storage.session;
  // Checks this worker is waiting for; after a stop, the next status question resumes them.
  const waiting = new Set<string>();

  // Checks being asked for right now, so that two clicks at once ask once.
  const starting = new Set<string>();
  // Writes in order: a progress write must never land after the answer.
  let writes: Promise<unknown> = Promise.resolve();

  const readJob = async (site: string) => (await session.get(JOB_KEY + site))[JOB_KEY + site] as Job | undefined;
  const writeJob = (site: string, job: Job): Promise<unknown> => {
    writes = writes.then(() => session.set({ [JOB_KEY + site]: job })).catch(() => undefined);
    return writes;
  };

  async function agreed(): Promise<boolean> {
    const { otherNetworks } = await loadSettings(browser.storage.local);
    return otherNetworks && (await browser.permissions.contains(GLOBALPING_PERMISSION).catch(() => false));
  }

  async function fail(site: string, job: Job, failure: Extract<OtherNetworksState, { state: 'failed' }>['failure']) {
    const until = blockedUntil(failure, Date.now());
    if (until !== null) await session.set({ [BLOCKED_KEY]: until });
    const state: OtherNetworksState = { state: 'failed', failure };
    await writeJob(site, { ...job, state });
    return state;
  }

  async function wait(site: string, job: Job): Promise<void> {
    if (waiting.has(site) || !job.started) return;
    waiting.add(site);
    const started = job.started;
    try {
      const { finishCheck } = await load();
      const outcome = await finishCheck(started, { ...job.visitor, time: job.time }, (p) => {
        void writeJob(site, { ...job, state: { state: 'running', done: p.http.done, total: p.http.total } });
      });
      if (!outcome.ok) {
        await fail(site, job, outcome.failure);
        return;
      }
      if (job.incidentId !== null) await attachOtherNetworks(job.incidentId, outcome.value).catch(() => false);
      await writeJob(site, { ...job, state: { state: 'done', check: outcome.value } });
    } finally {
      waiting.delete(site);
    }
  }

  /** Where the site's check stands; a check a stopped worker left running is resumed. */
  async function status(site: string): Promise<OtherNetworksState> {
    if (!(await agreed())) return { state: 'off' };
    const job = await readJob(site);
    if (!job) return { state: 'idle' };
    if (job.state.state === 'running' && !waiting.has(site)) {
      if (!job.started || Date.now() - job.time > JOB_STALE_MS) return fail(site, job, { kind: 'timeout' });
      void wait(site, job);
    }
    return job.state;
  }

  /** Starts a check of the site, unless one is running; nothing is sent without consent. */
  async function start(target: OtherNetworksTarget): Promise<OtherNetworksState> {
    if (starting.has(target.site)) return { state: 'running', done: 0, total: 0 };
    starting.add(target.site);
    try {
      return await ask(target);
    } finally {
      starting.delete(target.site);
    }
  }

  async function ask(target: OtherNetworksTarget): Promise<OtherNetworksState> {
    const current = await status(target.site);
    if (current.state === 'off' || current.state === 'running') return current;
    const now = Date.now();
    const blocked = (await session.get(BLOCKED_KEY))[BLOCKED_KEY];
    if (typeof blocked === 'number' && blocked > now) {
      return { state: 'failed', failure: { kind: 'rate-limited', retryAt: blocked } };
    }
    const { otherNetworksPath } = await loadSettings(browser.storage.local);
    const visitor = {
      status: target.incident?.status ?? null,
      ip: target.incident?.ip ?? null,
      country: countryOfLanguage(language()),
    };
    const job: Job = {
      time: now,
      incidentId: target.incident?.id ?? null,
      visitor,
      started: null,
      state: { state: 'running', done: 0, total: 0 },
    };
    // Written before asking, so that a second click (or another page) sees it running.
    await writeJob(target.site, job);
    const { startCheck } = await load();
    const outcome = await startCheck({
      url: target.url,
      includePath: otherNetworksPath,
      visitorCountry: visitor.country,
      visitorIp: visitor.ip,
    });
    if (!outcome) {
      await writes;
      await session.remove(JOB_KEY + target.site);
      return { state: 'refused' };
    }
    if (!outcome.ok) return fail(target.site, job, outcome.failure);
    const running: Job = {
      ...job,
      started: outcome.value,
      state: { state: 'running', done: 0, total: outcome.value.probesCount },
    };
    await writeJob(target.site, running);
    void wait(target.site, running);
    return running.state;
  }

  return { start, status };
}

/** Loads /globalping.js into the background the first time a check is asked for. */
export async function loadGlobalping(): Promise<GlobalpingModule> {
  const scope = globalThis as Record<string, unknown>;
  await loadLazyScript(GLOBALPING_SCRIPT, () => scope[GLOBALPING_GLOBAL] !== undefined);
  return scope[GLOBALPING_GLOBAL] as GlobalpingModule;
}
