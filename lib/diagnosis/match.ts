import type { SignedChain } from './chain';
import type { Confidence, Evidence, Layer } from './model';
import { type Blame, CAUSES, type CauseRow, type Condition, type ImpliedBehind } from './tables/causes';

/** What the cause table is tested against: one response, already fingerprinted. */
export interface Facts {
  status: number;
  /** The status line when known, else the bare code: quoted as evidence. */
  statusText: string;
  chain: SignedChain;
  /** The raw Retry-After value (quoted), present only when it parsed and names a window (more than 0 s). */
  retryAfter: string | null;
  /** How long the answer took, when known (already checked: a finite number of ms, not negative). */
  durationMs?: number;
}

/** A cause row that applies, with the layer it is about and the clues that made it apply. */
export interface CauseMatch {
  row: CauseRow;
  /** The layer the condition named (by signature or vendor), else the writer; null when unknown. */
  anchor: Layer | null;
  evidence: Evidence[];
  confidence: Confidence;
  blame: Blame;
  behind?: ImpliedBehind;
  rank: number;
}

/**
 * Every applicable cause row, most likely first: by rank (a condition may rank its row higher),
 * ties in table order. The fallback for a 503 that says nothing goes when anything else applies.
 */
export function matchCauses(facts: Facts): CauseMatch[] {
  const out: CauseMatch[] = [];
  for (const row of CAUSES) {
    for (const condition of row.when) {
      const hit = holds(condition, facts);
      if (!hit) continue;
      out.push({
        row,
        ...hit,
        confidence: condition.confidence,
        blame: condition.blame ?? row.blame,
        behind: condition.behind,
        rank: condition.rank ?? row.rank,
      });
      break;
    }
  }
  const ranked = out.sort((a, b) => b.rank - a.rank);
  const specific = ranked.filter((m) => !m.row.fallback);
  return specific.length > 0 ? specific : ranked;
}

function holds(c: Condition, facts: Facts): Pick<CauseMatch, 'anchor' | 'evidence'> | null {
  const { chain } = facts;
  const { writer } = chain;
  const evidence: Evidence[] = [];
  let anchor: Layer | null = null;
  if (c.signature) {
    const hit = c.signature.map((id) => chain.matched.get(id)).find((m) => m !== undefined);
    if (!hit) return null;
    anchor = hit.layer;
    evidence.push(hit.evidence);
  }
  if (c.challenge !== undefined) {
    const hit = [...chain.matched.values()].find((m) => m.signature?.challenge === true);
    if (Boolean(hit) !== c.challenge) return null;
    if (hit) {
      anchor ??= hit.layer;
      evidence.push(hit.evidence);
    }
  }
  if (c.vendor) {
    const layer = chain.layers.find((l) => l.id === c.vendor && !l.implied);
    if (!layer) return null;
    anchor ??= layer;
    if (layer.evidence[0] && !evidence.includes(layer.evidence[0])) evidence.push(layer.evidence[0]);
  }
  const signed = writer !== null && !writer.implied;
  if (c.writer && !(signed && c.writer.includes(writer.id))) return null;
  if (c.writerKind && !(signed && c.writerKind.includes(writer.kind))) return null;
  if (c.writerSigned !== undefined && signed !== c.writerSigned) return null;
  if (c.writerGeneric !== undefined && (signed && writer.id.startsWith('generic:')) !== c.writerGeneric) return null;
  if (c.status) {
    if (!c.status.includes(facts.status)) return null;
    evidence.push({ source: 'status', text: facts.statusText });
  }
  if (c.retryAfter !== undefined) {
    if ((facts.retryAfter !== null) !== c.retryAfter) return null;
    if (facts.retryAfter !== null) evidence.push({ source: 'header', header: 'retry-after', text: facts.retryAfter });
  }
  if (c.maxDurationMs !== undefined || c.minDurationMs !== undefined) {
    const ms = facts.durationMs;
    if (ms === undefined) return null;
    if (c.maxDurationMs !== undefined && ms >= c.maxDurationMs) return null;
    if (c.minDurationMs !== undefined && ms < c.minDurationMs) return null;
    evidence.push({ source: 'timing', text: String(Math.round(ms)) });
  }
  if (anchor) return { anchor, evidence };
  // Nothing named a layer: the cause is about the layer that wrote the error; say how we know.
  if (chain.writerEvidence && !evidence.includes(chain.writerEvidence)) evidence.unshift(chain.writerEvidence);
  return { anchor: writer, evidence };
}
