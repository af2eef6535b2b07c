import { type ProbeError, type ProbeRow, probeRows } from './probe-rows';
import type { ContinentCode, DnsMeasurement, HttpMeasurement } from './schema';

/** The answer in one word: the sentence around it comes from the message files. */
type VerdictKind = 'down-for-everyone' | 'just-you' | 'partly-down' | 'inconclusive';

/** Why there is no clearer answer. */
type InconclusiveReason =
  /** Fewer than MIN_ANSWERS probes answered for the site. */
  | 'too-few-answers'
  /** The probes got answers, and so did the visitor: nothing is failing now. */
  | 'no-failure';

/** Below this many probes that answered for the site (rather than failing on their own side), nothing is claimed. */
const MIN_ANSWERS = 3;

/**
 * With this many answers or more, one probe may disagree with the rest without changing the
 * verdict (a probe on a flaky network, an edge still serving a cached page): "7 of 8 got 502"
 * is still down for everyone. The counts always say how many agreed.
 */
const OUTLIER_FROM = 6;

/** What the visitor saw and where they are, when the caller knows it. */
export interface Visitor {
  /** The status the visitor got; null when their browser got no answer at all. */
  status: number | null;
  /** The server address the visitor's browser connected to, to compare DNS answers with. */
  ip?: string | null;
  /** ISO 3166-1 alpha-2, when known without asking for location. */
  country?: string | null;
}

/** How many of something there were, and how many of them failed. */
interface Tally {
  total: number;
  failing: number;
}

/** How many failing probes got one status (`status`) or one kind of no-answer (`error`). */
interface FailureCount {
  status: number | null;
  error: ProbeError | null;
  count: number;
}

/** The answer, as ids and numbers. */
export interface Verdict {
  kind: VerdictKind;
  reason: InconclusiveReason | null;
  probes: {
    /** Probes the API assigned. */
    asked: number;
    /** Probes that got an HTTP answer or failed for the site's sake. */
    answered: number;
    failing: number;
    up: number;
    /** Offline, failed on their own side, or unfinished. */
    excluded: number;
  };
  /** Distinct networks (ASNs) and countries among the answered probes. */
  networks: Tally;
  countries: Tally;
  /** Per continent that answered, most failing first. */
  continents: (Tally & { continent: ContinentCode })[];
  /** For `partly-down`: the continents where it fails, when other continents have no failures. */
  failingOnlyIn: ContinentCode[] | null;
  /** What the failing probes got, most common first ("502" ×8, "timeout" ×1). */
  failures: FailureCount[];
  /** What the probes that got through got, most common first ("200" ×8). */
  successes: { status: number; count: number }[];
  /** The probes in the visitor's country; null when it is unknown or none answered there. */
  visitorCountry: Tally | null;
  /** DNS answers compared with the visitor's address: how many could be, how many differ. */
  dns: { compared: number; different: number; nearby: number };
  rows: ProbeRow[];
}

function tally(rows: readonly ProbeRow[], key: (row: ProbeRow) => string | number): Tally {
  const all = new Set(rows.map(key));
  const failing = new Set(rows.filter((r) => r.outcome === 'failing').map(key));
  return { total: all.size, failing: failing.size };
}

function counted<T>(items: readonly T[], key: (item: T) => string): [T, number][] {
  const counts = new Map<string, [T, number]>();
  for (const item of items) {
    const k = key(item);
    const entry = counts.get(k);
    counts.set(k, [item, (entry?.[1] ?? 0) + 1]);
  }
  return [...counts.values()].sort((a, b) => b[1] - a[1]);
}

/** Which kind of answer the counts make, by the rules documented on the constants above. */
function kindOf(answered: number, failing: number, visitorFailing: boolean): [VerdictKind, InconclusiveReason | null] {
  if (answered < MIN_ANSWERS) return ['inconclusive', 'too-few-answers'];
  const tolerance = answered >= OUTLIER_FROM ? 1 : 0;
  if (answered - failing <= tolerance) return ['down-for-everyone', null];
  if (failing <= tolerance) return visitorFailing ? ['just-you', null] : ['inconclusive', 'no-failure'];
  return ['partly-down', null];
}

/**
 * Judges a finished HTTP measurement (and the DNS one from the same probes) against what the
 * visitor saw. Pure: the same results always give the same verdict.
 */
export function verdict(http: HttpMeasurement, dns: DnsMeasurement | null | undefined, visitor: Visitor): Verdict {
  const rows = probeRows(http, dns, visitor);
  const answered = rows.filter((r) => r.outcome !== 'excluded');
  const failingRows = answered.filter((r) => r.outcome === 'failing');
  const upRows = answered.filter((r) => r.outcome === 'up');
  const visitorFailing = visitor.status === null || visitor.status >= 500;
  const [kind, reason] = kindOf(answered.length, failingRows.length, visitorFailing);

  const continents = counted(answered, (r) => r.continent)
    .map(([{ continent }]) => {
      const here = answered.filter((r) => r.continent === continent);
      return { continent, total: here.length, failing: here.filter((r) => r.outcome === 'failing').length };
    })
    .sort((a, b) => b.failing - a.failing || a.continent.localeCompare(b.continent));
  const failingContinents = continents.filter((c) => c.failing > 0).map((c) => c.continent);
  const failingOnlyIn =
    kind === 'partly-down' && failingContinents.length < continents.length ? failingContinents.sort() : null;

  const inCountry = answered.filter((r) => r.inVisitorCountry);
  const compared = rows.filter((r) => r.dns?.match);
  return {
    kind,
    reason,
    probes: {
      asked: rows.length,
      answered: answered.length,
      failing: failingRows.length,
      up: upRows.length,
      excluded: rows.length - answered.length,
    },
    networks: tally(answered, (r) => r.asn),
    countries: tally(answered, (r) => r.country),
    continents,
    failingOnlyIn,
    failures: counted(failingRows, (r) => `${r.status}/${r.error}`).map(([r, count]) => ({
      status: r.status,
      error: r.error,
      count,
    })),
    successes: counted(upRows, (r) => String(r.status)).map(([r, count]) => ({ status: r.status ?? 0, count })),
    visitorCountry:
      inCountry.length > 0
        ? { total: inCountry.length, failing: inCountry.filter((r) => r.outcome === 'failing').length }
        : null,
    dns: {
      compared: compared.length,
      different: compared.filter((r) => r.dns?.match === 'different').length,
      nearby: compared.filter((r) => r.dns?.match === 'nearby').length,
    },
    rows,
  };
}
