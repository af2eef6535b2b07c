import type { SignedChain } from './chain';
import type { Evidence, Layer } from './model';
import { CAUSES, type CauseRow, type Condition } from './tables/causes';

/** What the cause table is tested against: one response, already fingerprinted. */
export interface Facts {
  status: number;
  /** The status line when known, else the bare code: quoted as evidence. */
  statusText: string;
  chain: SignedChain;
  /** The raw Retry-After value (quoted), present only when it parsed. */
  retryAfter: string | null;
  durationMs?: number;
}

/** A cause row that applies, with the layer it is about and the clues that made it apply. */
export interface CauseMatch {
  row: CauseRow;
  /** The layer the condition named (by signature or vendor), else the writer; null when unknown. */
  anchor: Layer | null;
  evidence: Evidence[];
  /** The condition named a signature, vendor, writer kind or challenge, not just the status. */
  specific: boolean;
}

/** Every applicable cause row, best first (ties keep table order); generic ones only when nothing specific applies. */
export function matchCauses(facts: Facts): CauseMatch[] {
  const out: CauseMatch[] = [];
  for (const row of CAUSES) {
    for (const condition of row.when) {
      const hit = holds(condition, facts);
      if (!hit) continue;
      out.push({ row, ...hit });
      break;
    }
  }
  const specific = out.some((m) => m.specific);
  return out.filter((m) => m.specific || !specific).sort((a, b) => b.row.rank - a.row.rank);
}

function holds(c: Condition, facts: Facts): Omit<CauseMatch, 'row'> | null {
  const { chain } = facts;
  const evidence: Evidence[] = [];
  let anchor: Layer | null = null;
  if (c.signature) {
    const hit = c.signature.map((id) => chain.matched.get(id)).find((m) => m !== undefined);
    if (!hit) return null;
    anchor = hit.layer;
    evidence.push(hit.evidence);
  }
  if (c.challenge !== undefined) {
    const hit = [...chain.matched.values()].find((m) => m.signature.challenge === true);
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
    if (layer.evidence[0]) evidence.push(layer.evidence[0]);
  }
  if (c.writerKind && !(chain.writer && c.writerKind.includes(chain.writer.kind))) return null;
  if (c.status) {
    if (!c.status.includes(facts.status)) return null;
    evidence.push({ source: 'status', text: facts.statusText });
  }
  if (c.retryAfter !== undefined) {
    if ((facts.retryAfter !== null) !== c.retryAfter) return null;
    if (facts.retryAfter !== null) evidence.push({ source: 'header', header: 'retry-after', text: facts.retryAfter });
  }
  if (c.maxDurationMs !== undefined) {
    if (facts.durationMs === undefined || facts.durationMs > c.maxDurationMs) return null;
    evidence.push({ source: 'timing', text: `answered in ${Math.round(facts.durationMs)} ms` });
  }
  const specific = Boolean(c.signature || c.vendor || c.writerKind || c.challenge);
  if (anchor) return { anchor, evidence, specific };
  // Nothing named a layer: the cause is about the layer that wrote the error; say how we know.
  if (chain.writerEvidence && !evidence.includes(chain.writerEvidence)) evidence.unshift(chain.writerEvidence);
  return { anchor: chain.writer, evidence, specific };
}
