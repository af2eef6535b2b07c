import { MAX_BODY_CHARS } from './body-limit';
import type { Evidence, Layer, LayerKind } from './model';
import { FINGERPRINTS, type Signature } from './tables/fingerprints';

/** The layers that signed a response, and which of their signatures matched. */
export interface SignedChain {
  /** Outermost first. */
  layers: Layer[];
  /** Evidence for each matched signature, by signature id. */
  matched: Map<string, { layer: Layer; signature: Signature; evidence: Evidence }>;
  /** The layer that most likely wrote the error response itself; null when the chain is empty. */
  writer: Layer | null;
  /** The clue that shows the writer wrote it (or the writer's first clue); null for an implied writer. */
  writerEvidence: Evidence | null;
}

const MAX_EVIDENCE_CHARS = 120;

// Control characters never belong in quoted evidence; binary bodies are full of them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** Evidence text: one line, no control characters, bounded. */
export function quote(text: string): string {
  const flat = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EVIDENCE_CHARS ? `${flat.slice(0, MAX_EVIDENCE_CHARS)}…` : flat;
}

/** Implied layers, by id: added by a cause when the response names no such layer. */
export const IMPLIED_LAYERS: Readonly<Record<'app' | 'origin' | 'database' | 'network', Omit<Layer, 'evidence'>>> = {
  app: { id: 'app', vendor: 'Application', kind: 'application', implied: true },
  origin: { id: 'origin', vendor: 'Origin server', kind: 'origin', implied: true },
  database: { id: 'database', vendor: 'Database', kind: 'database', implied: true },
  network: { id: 'network', vendor: 'Your network', kind: 'network', implied: true },
};

/** A fresh implied layer (layers are mutable records, so each diagnosis gets its own). */
export function impliedLayer(id: keyof typeof IMPLIED_LAYERS): Layer {
  return { ...IMPLIED_LAYERS[id], evidence: [] };
}

// Rows sorted once by depth; Array.prototype.sort is stable, so table order breaks ties.
const BY_DEPTH = [...FINGERPRINTS].sort((a, b) => a.depth - b.depth);

/** Kinds that pass other servers' replies on: when they signed nothing as their own, someone behind wrote it. */
const PASS_THROUGH: ReadonlySet<LayerKind> = new Set(['cdn', 'firewall']);

/**
 * Matches every fingerprint against the headers and the body prefix, and orders the layers that
 * signed the response outermost first.
 */
export function signChain(headers: Record<string, string>, body: string): SignedChain {
  const text = body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body;
  const layers: Layer[] = [];
  const matched: SignedChain['matched'] = new Map();
  let writer: Layer | null = null;
  let writerEvidence: Evidence | null = null;
  for (const row of BY_DEPTH) {
    let layer: Layer | null = null;
    for (const signature of row.signatures) {
      const evidence = test(signature, headers, text);
      if (!evidence) continue;
      layer ??= { id: row.id, vendor: row.vendor, kind: row.kind, implied: false, evidence: [] };
      layer.evidence.push(evidence);
      matched.set(signature.id, { layer, signature, evidence });
      if (signature.wroteError && writer !== layer) {
        writer = layer;
        writerEvidence = evidence;
      }
    }
    if (layer) layers.push(layer);
  }
  const innermost = layers.at(-1) ?? null;
  if (!writer && innermost && PASS_THROUGH.has(innermost.kind)) {
    // A CDN that passed the error on: the site's own server wrote it.
    writer = impliedLayer('origin');
    layers.push(writer);
    return { layers, matched, writer, writerEvidence: null };
  }
  if (!writer) return { layers, matched, writer: innermost, writerEvidence: innermost?.evidence[0] ?? null };
  return { layers, matched, writer, writerEvidence };
}

function test(signature: Signature, headers: Record<string, string>, body: string): Evidence | null {
  if (signature.header) {
    const value = headers[signature.header];
    if (value === undefined || !signature.pattern.test(value)) return null;
    return { source: 'header', header: signature.header, text: quote(value) };
  }
  if (!body) return null;
  const m = signature.pattern.exec(body);
  return m ? { source: 'body', text: quote(m[0]) } : null;
}
