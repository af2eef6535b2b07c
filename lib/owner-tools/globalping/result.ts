import type { OtherNetworksCheck, OtherNetworksProbe } from '@/lib/log/model';
import type { Verdict } from './verdict';

/** What the log keeps of a verdict: the counts its sentence needs and one line per probe. */
export function checkOf(
  v: Verdict,
  facts: { time: number; measurementId: string; target: string },
): OtherNetworksCheck {
  const failure = v.failures[0];
  const probes: OtherNetworksProbe[] = v.rows.map((row) => ({
    country: row.country,
    city: row.city,
    continent: row.continent,
    asn: row.asn,
    network: row.network,
    outcome: row.outcome,
    status: row.status,
    error: row.error,
    ttfbMs: row.ttfbMs === null ? null : Math.round(row.ttfbMs),
    ip: row.resolvedAddress,
    edge: row.edge?.pop ?? null,
    dns: row.dns?.addresses ?? [],
    dnsMatch: row.dns?.match ?? null,
  }));
  return {
    time: facts.time,
    service: 'globalping',
    measurementId: facts.measurementId,
    target: facts.target,
    verdict: v.kind,
    answered: v.probes.answered,
    failing: v.probes.failing,
    countries: v.countries.total,
    failingOnlyIn: v.failingOnlyIn,
    failingStatus: failure?.status ?? null,
    failingError: failure?.error ?? null,
    upStatus: v.successes[0]?.status ?? null,
    dnsDifferent: v.dns.different,
    probes,
  };
}
