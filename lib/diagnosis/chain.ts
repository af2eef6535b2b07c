import { GENERIC_LAYER, LIST_HEADERS, listEntries, productOf, slug } from './header-lists';
import type { Evidence, Layer } from './model';
import { FINGERPRINTS, type Fingerprint, type Signature } from './tables/fingerprints';
import { WORDS } from './tables/words';

/** One clue that matched: a fingerprint's signature (with its layer) or words (no layer). */
interface Clue {
  layer: Layer | null;
  evidence: Evidence;
  signature?: Signature;
}

/** The layers that signed a response, outermost first, and what each clue said. */
export interface SignedChain {
  layers: Layer[];
  /** Every signature and word that matched, by id. */
  matched: Map<string, Clue>;
  /** The layer that most likely wrote the error response itself; null when the chain is empty. */
  writer: Layer | null;
  /** The clue that shows the writer wrote it (or the writer's first clue); null for an implied writer. */
  writerEvidence: Evidence | null;
  /** The writer adds a Retry-After of its own to every error, so its Retry-After is no maintenance window. */
  writerAutoRetryAfter: boolean;
}

/** What a response shows of who handled it. */
export interface SignInput {
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The bounded body prefix ('' when none). */
  body: string;
  /** The status line's reason phrase ('' when none). */
  reason: string;
  /** The request's URL ('' when unknown). */
  url: string;
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

/**
 * Implied layers, by id: added when the response names no such layer but the status or a cause says it is there.
 * @internal Exported for the convention test that each has its words.
 */
export const IMPLIED_LAYERS = {
  network: { id: 'network', vendor: 'Your network', kind: 'network', implied: true },
  front: { id: 'front', vendor: 'Front server', kind: 'proxy', implied: true },
  origin: { id: 'origin', vendor: 'Origin server', kind: 'origin', implied: true },
  app: { id: 'app', vendor: 'Application', kind: 'application', implied: true },
  database: { id: 'database', vendor: 'Database', kind: 'database', implied: true },
} as const satisfies Record<string, Omit<Layer, 'evidence'>>;

export type ImpliedId = keyof typeof IMPLIED_LAYERS;

/** A fresh implied layer (layers are mutable records, so each diagnosis gets its own). */
export function impliedLayer(id: ImpliedId): Layer {
  return { ...IMPLIED_LAYERS[id], evidence: [] };
}

/** Headers the page's own producer sets (its runtime, its API link): not a passer-on's. */
const PRODUCER_HEADERS: ReadonlySet<string> = new Set(['x-powered-by', 'link']);

/** Kinds that pass other servers' replies on: when they signed nothing as their own, someone behind wrote it. */
const PASS_THROUGH: ReadonlySet<string> = new Set(['cdn', 'firewall']);

/** Where the visitor's own proxy sits: before everything of the site's. */
const NETWORK_DEPTH = 1;

/** A signed layer while the chain is being put together. */
interface Placed {
  layer: Layer;
  row: Fingerprint | null;
  depth: number;
  /** Table order, to break ties. */
  order: number;
  /** Highest index of its `Via` entries (entries run innermost first); -1 when it wrote none. */
  via: number;
  /** Lowest index of its `Server` entries (outermost first); -1 when none. */
  server: number;
  /** One of its clues shows it wrote the error response itself. */
  wrote: Evidence | null;
  /** Every clue is a header a layer passing the answer on would add (or the address): none is the page. */
  passedOn: boolean;
}

/**
 * Finds every layer that signed a response — the fingerprint tables' vendors, and any `Server`,
 * `Via` or `X-Powered-By` entry no row knows as a `generic:` layer — and orders them outermost
 * first, from how each header is written on the way back:
 * - `Via` entries are appended by each proxy: the first is the innermost;
 * - a proxy that keeps the inner `Server` may add its own before it (Caddy): the first is the outermost;
 * - whoever wrote the page is inside every layer that only passed it on (signed headers only);
 * - where none of these say, each vendor's usual place (its depth) does.
 */
export function signChain(input: SignInput): SignedChain {
  const { headers, body, reason } = input;
  const host = hostOf(input.url);
  const lists = new Map<string, string[]>();
  for (const name of LIST_HEADERS) {
    const value = headers[name];
    if (value !== undefined) lists.set(name, listEntries(value));
  }
  const claimed = new Set<string>();
  const matched = new Map<string, Clue>();
  const placed: Placed[] = [];

  FINGERPRINTS.forEach((row, order) => {
    let p: Placed | null = null;
    for (const signature of row.signatures) {
      const hit = test(signature, { headers, body, reason, host, lists });
      if (!hit) continue;
      p ??= {
        layer: { id: row.id, vendor: row.vendor, kind: row.kind, implied: false, evidence: [] },
        row,
        depth: row.depth,
        order,
        via: -1,
        server: -1,
        wrote: null,
        passedOn: true,
      };
      p.layer.evidence.push(hit.evidence);
      matched.set(signature.id, { layer: p.layer, evidence: hit.evidence, signature });
      for (const i of hit.entries) claimed.add(`${signature.header}#${i}`);
      place(p, signature.header, hit.entries);
      if (signature.wroteError && !p.wrote) p.wrote = hit.evidence;
      if (!passesOn(hit.evidence)) p.passedOn = false;
    }
    if (p) placed.push(p);
  });

  for (const words of WORDS) {
    const m = body ? words.pattern.exec(body) : null;
    if (m) matched.set(words.id, { layer: null, evidence: { source: 'body', text: quote(m[0]) } });
  }

  placed.push(...genericLayers(lists, claimed, placed.length));
  absorb(placed, matched);
  for (const p of placed) if (p.row?.forwardProxy && !servesSite(headers, input.url)) visitorsProxy(p);

  const ordered = order(placed);
  const layers = ordered.map((p) => p.layer);
  const writing = placed.filter((p) => p.wrote).sort((a, b) => b.depth - a.depth)[0];
  if (writing) return result(layers, matched, writing.layer, writing.wrote, writing.row);
  const innermost = ordered.at(-1);
  if (innermost && PASS_THROUGH.has(innermost.layer.kind)) {
    // A CDN that passed the error on: the site's own server wrote it.
    const origin = impliedLayer('origin');
    layers.push(origin);
    return result(layers, matched, origin, null, null);
  }
  if (!innermost) return result(layers, matched, null, null, null);
  return result(layers, matched, innermost.layer, innermost.layer.evidence[0] ?? null, innermost.row);
}

function result(
  layers: Layer[],
  matched: Map<string, Clue>,
  writer: Layer | null,
  writerEvidence: Evidence | null,
  row: Fingerprint | null,
): SignedChain {
  return { layers, matched, writer, writerEvidence, writerAutoRetryAfter: row?.autoRetryAfter === true };
}

interface Sources {
  headers: Record<string, string>;
  body: string;
  reason: string;
  host: string;
  lists: Map<string, string[]>;
}

/** Where a signature matched: its evidence, and for list headers the entries it claimed. */
function test(signature: Signature, s: Sources): { evidence: Evidence; entries: number[] } | null {
  const { header, pattern } = signature;
  if (header) {
    const entries = s.lists.get(header);
    if (entries) {
      const hits = entries.flatMap((entry, i) => (pattern.test(entry) ? [i] : []));
      const first = hits[0];
      if (first === undefined) return null;
      return { evidence: { source: 'header', header, text: quote(entries[first] ?? '') }, entries: hits };
    }
    const value = s.headers[header];
    if (value === undefined || !pattern.test(value)) return null;
    return { evidence: { source: 'header', header, text: quote(value) }, entries: [] };
  }
  if (signature.in === 'status') {
    return s.reason && pattern.test(s.reason)
      ? { evidence: { source: 'status', text: quote(s.reason) }, entries: [] }
      : null;
  }
  if (signature.in === 'url') {
    return s.host && pattern.test(s.host) ? { evidence: { source: 'url', text: quote(s.host) }, entries: [] } : null;
  }
  if (!s.body) return null;
  const m = pattern.exec(s.body);
  return m ? { evidence: { source: 'body', text: quote(m[0]) }, entries: [] } : null;
}

function passesOn(e: Evidence): boolean {
  return e.source === 'url' || (e.source === 'header' && !PRODUCER_HEADERS.has(e.header ?? ''));
}

/** Records where a layer's list-header entries put it. */
function place(p: Placed, header: string | undefined, entries: number[]): void {
  if (entries.length === 0) return;
  if (header === 'via') p.via = Math.max(p.via, ...entries);
  if (header === 'server') p.server = p.server < 0 ? Math.min(...entries) : Math.min(p.server, ...entries);
}

/** A layer for every list-header entry no fingerprint claimed, named after the product it names. */
function genericLayers(lists: Map<string, string[]>, claimed: Set<string>, order: number): Placed[] {
  const byId = new Map<string, Placed>();
  for (const [header, entries] of lists) {
    const { kind, depth } = GENERIC_LAYER[header] ?? { kind: 'origin', depth: 50 };
    entries.forEach((entry, i) => {
      if (claimed.has(`${header}#${i}`)) return;
      const product = productOf(header, entry);
      const id = product ? `generic:${slug(product)}` : '';
      if (!product || id === 'generic:') return;
      let p = byId.get(id);
      const evidence: Evidence = { source: 'header', header, text: quote(entry) };
      if (!p) {
        p = {
          layer: { id, vendor: product, kind, implied: false, evidence: [] },
          row: null,
          depth,
          order: order + byId.size,
          via: -1,
          server: -1,
          wrote: null,
          passedOn: !PRODUCER_HEADERS.has(header),
        };
        byId.set(id, p);
      }
      if (!p.layer.evidence.some((e) => e.header === header)) p.layer.evidence.push(evidence);
      place(p, header, [i]);
    });
  }
  return [...byId.values()];
}

/** A platform's own front end (Cloud Run's Google Front End, App Service's IIS) joins the platform's layer. */
function absorb(placed: Placed[], matched: Map<string, Clue>): void {
  for (const owner of [...placed]) {
    for (const id of owner.row?.absorbs ?? []) {
      const i = placed.findIndex((p) => p.layer.id === id);
      const part = placed[i];
      if (!part) continue;
      placed.splice(i, 1);
      owner.layer.evidence.push(...part.layer.evidence);
      owner.via = Math.max(owner.via, part.via);
      if (part.server >= 0) owner.server = owner.server < 0 ? part.server : Math.min(owner.server, part.server);
      owner.wrote ??= part.wrote;
      owner.passedOn &&= part.passedOn;
      for (const clue of matched.values()) if (clue.layer === part.layer) clue.layer = owner.layer;
    }
  }
}

/** The visitor's own proxy: the outermost layer, on the visitor's side. */
function visitorsProxy(p: Placed): void {
  p.layer.kind = 'network';
  p.depth = NETWORK_DEPTH;
}

/**
 * Whether a proxy product that usually serves visitors (Squid) here serves the site itself, as
 * its accelerator: then it took the request on the site's own port, which its `X-Cache-Lookup`
 * names (`MISS from cache.example.com:80`); a visitor's proxy listens on a port of its own (3128).
 */
function servesSite(headers: Record<string, string>, url: string): boolean {
  const lookup = headers['x-cache-lookup'];
  const port = portOf(url);
  if (!lookup || !port) return false;
  return listEntries(lookup).some((entry) => /:(\d{1,5})$/.exec(entry)?.[1] === port);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function portOf(url: string): string {
  try {
    const u = new URL(url);
    return u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '');
  } catch {
    return '';
  }
}

/**
 * Outermost first: each constraint the headers and the page give, and the usual depth wherever
 * they say nothing (a topological order that always takes the shallowest layer it may).
 */
function order(placed: Placed[]): Placed[] {
  const writer = placed.filter((p) => p.wrote).sort((a, b) => b.depth - a.depth)[0];
  const outer = (a: Placed, b: Placed): boolean =>
    (a.via >= 0 && b.via >= 0 && a.via > b.via) ||
    (a.server >= 0 && b.server >= 0 && a.server < b.server) ||
    (b === writer && a !== writer && a.passedOn);
  const left = [...placed].sort((a, b) => a.depth - b.depth || a.order - b.order);
  const out: Placed[] = [];
  while (left.length > 0) {
    // The shallowest layer nothing left must come before; if the clues contradict each other, the shallowest.
    const i = Math.max(
      0,
      left.findIndex((p) => !left.some((q) => q !== p && outer(q, p))),
    );
    out.push(...left.splice(i, 1));
  }
  return out;
}
