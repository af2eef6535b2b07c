import { count, type Phrase } from '@/lib/i18n/translate';
import type { CheckRecord, Incident, SiteSummary } from '@/lib/log/model';
import { isUp } from './check';

/** Everything "Is it just me?" looks at: only the person's own recent history. */
export interface JustMeFacts {
  site: string;
  now: number;
  /** The network label in use now. */
  networkLabel: string;
  /** This site's recent incidents and checks, newest first. */
  incidents: readonly Incident[];
  checks: readonly CheckRecord[];
  /** Every site in the log with its last failure. */
  summaries: readonly SiteSummary[];
  /** Other hosts that loaded fine in the last few minutes; null when the worker does not know. */
  healthyElsewhere: readonly string[] | null;
}

export interface JustMeAnswer {
  findings: Phrase[];
  conclusion: Phrase;
}

const RECENT_MS = 10 * 60_000;

function labelOf(x: Incident | CheckRecord): string {
  return 'vantage' in x ? x.vantage.networkLabel || (x.source !== 'this browser' ? x.source : '') : x.networkLabel;
}

/** What the person's own history says about "is it just me?", honestly, with what it rests on. */
export function isItJustMe(facts: JustMeFacts): JustMeAnswer {
  const findings: Phrase[] = [];
  const recent = facts.now - RECENT_MS;
  const othersFailing = facts.summaries.filter((s) => s.site !== facts.site && s.last >= recent).length;
  const healthy = facts.healthyElsewhere;
  if (healthy && healthy.length > 0) findings.push({ key: 'justme_others_ok', subs: [count(healthy.length)] });
  if (othersFailing > 0) findings.push({ key: 'justme_others_failing', subs: [count(othersFailing)] });
  if (healthy === null && othersFailing === 0) findings.push({ key: 'justme_others_unknown' });

  const here = facts.networkLabel;
  const elsewhereOk = new Set(facts.checks.filter((c) => isUp(c) && c.networkLabel !== here).map(labelOf));
  const elsewhereFailed = new Set(
    [
      ...facts.incidents.filter((i) => labelOf(i) !== here),
      ...facts.checks.filter((c) => !isUp(c) && c.networkLabel !== here),
    ].map(labelOf),
  );
  for (const label of elsewhereOk) findings.push({ key: 'justme_network_ok', subs: [label || '—'] });
  for (const label of elsewhereFailed) findings.push({ key: 'justme_network_failed', subs: [label || '—'] });

  const lastHour = facts.incidents.filter((i) => i.lastTime >= facts.now - 3_600_000);
  const failures = lastHour.reduce((n, i) => n + i.count, 0);
  if (failures > 1) findings.push({ key: 'justme_repeated', subs: [count(failures)] });
  // Network errors count as failures like any other, and say how far the request got.
  const unreached = lastHour.filter((i) => i.network);
  if (unreached.length > 0) {
    const unreachedCount = unreached.reduce((n, i) => n + i.count, 0);
    const types = [...new Set(unreached.map((i) => i.network?.type))].join(', ');
    findings.push({ key: 'justme_unreached', subs: [count(unreachedCount), types] });
  }
  // Failing here only while looking up the address: this network's resolver, not the site.
  const hereLastHour = lastHour.filter((i) => labelOf(i) === here);
  const dnsOnlyHere = hereLastHour.length > 0 && hereLastHour.every((i) => i.network?.phase === 'dns');

  let conclusion: Phrase;
  if (othersFailing >= 2 && !(healthy && healthy.length > 0)) conclusion = { key: 'justme_verdict_you' };
  else if (elsewhereOk.size > 0 && elsewhereFailed.size === 0) {
    conclusion = {
      key: dnsOnlyHere ? 'justme_verdict_resolver' : 'justme_verdict_network',
      subs: [[...elsewhereOk][0] || '—'],
    };
  } else if (elsewhereFailed.size > 0 || (failures > 1 && healthy && healthy.length > 0)) {
    conclusion = { key: 'justme_verdict_site' };
  } else conclusion = { key: 'justme_verdict_unsure' };
  return { findings, conclusion };
}
