/**
 * The diagnosis of one 5xx response: which layers handled it (every one that signed it, known or
 * not, outermost first), who wrote the error and who only passed it on, which one most likely
 * failed, why, and how sure that is.
 *
 * Pure: no browser globals, no clock. The caller passes the response and `now`.
 *
 * How the body reaches it: the background never buffers response bodies (Chromium's webRequest
 * does not expose them, and holding them would cost memory on every request). For a top-level
 * page, the overlay script the background injects reads a bounded prefix of the already-rendered
 * document (`document.documentElement.outerHTML`, first 8 KB) and sends it with its claim; the
 * background passes it here as `body`, with the time the document's response took.
 * Sub-resources (scripts, API calls) have no body here and are diagnosed from headers alone.
 */
import { MAX_BODY_CHARS } from './body-limit';
import { type ImpliedId, impliedLayer, quote, signChain } from './chain';
import { edgeLocation } from './edge-location';
import { type CauseMatch, matchCauses } from './match';
import type { Cause, Diagnosis, Layer, LayerKind } from './model';
import { pageIds, requestIds } from './request-ids';
import { parseRetryAfter } from './retry-after';
import { type Blame, type ImpliedBehind, UNKNOWN_CAUSE } from './tables/causes';

/** One response, as the background and the overlay know it. */
export interface DiagnoseInput {
  status: number;
  /** e.g. `HTTP/1.1 502 Bad Gateway`. */
  statusLine?: string;
  /**
   * Lower-cased names, a repeated header's values joined with ", "; in the extension, the
   * allowlisted subset from lib/log/safe-headers.ts.
   */
  headers: Record<string, string>;
  /** A bounded prefix (at most 8 KB is read) of the body or rendered HTML; absent for sub-resources. */
  body?: string;
  /** The request's URL: its host can name the platform (`*.run.app`), its port the site's own proxy. */
  url: string;
  /** How long the answer took (request sent → response), when known. */
  durationMs?: number;
}

const CONFIDENCE = { low: 0, medium: 1, high: 2 } as const;

/** What is always behind a layer of these kinds, even when the response shows nothing of it. */
const ALWAYS_BEHIND: Partial<Record<LayerKind, ImpliedId>> = { network: 'origin', platform: 'app' };

/** Behind these, an implied layer is the site's own server, not its app. */
const IN_FRONT_OF_ORIGIN: ReadonlySet<LayerKind> = new Set(['cdn', 'firewall', 'edge-code', 'network']);

/** Diagnoses one response. `now` is epoch milliseconds, used for Retry-After dates. */
export function diagnose(input: DiagnoseInput, now: number): Diagnosis {
  const body = input.body ? input.body.slice(0, MAX_BODY_CHARS) : '';
  const reason = reasonPhrase(input.statusLine, input.status);
  const chain = signChain({ headers: input.headers, body, reason, url: input.url });
  const retryAfter = parseRetryAfter(input.headers['retry-after'], now);
  const statusText = input.statusLine ? quote(input.statusLine) : String(input.status);
  // A Retry-After names a window only when it is more than "now", and not one the writer adds to every error.
  const window = retryAfter && retryAfter.seconds > 0 && !chain.writerAutoRetryAfter;
  let matches = matchCauses({
    status: input.status,
    statusText,
    chain,
    retryAfter: window ? quote(input.headers['retry-after'] ?? '') : null,
    durationMs: durationOf(input.durationMs),
  });
  if (matches.length === 0) {
    matches = [{ row: UNKNOWN_CAUSE, anchor: null, evidence: [], confidence: 'low', blame: 'none', rank: 0 }];
  }
  const first = matches[0] as CauseMatch;
  // A bot challenge or a Wi-Fi login is the whole story: outage causes would only mislead. Other
  // causes follow only when they are as sure as the first.
  matches = first.row.falseAlarm
    ? matches.filter((m) => m.row.falseAlarm)
    : matches.filter((m) => CONFIDENCE[m.confidence] >= CONFIDENCE[first.confidence]);

  const layers = chain.layers;
  // The chain tells the first cause's story: only it may add the layers it implies.
  const blamed = matches.map((m, i) => blame(m.blame, m.anchor, i === 0 ? layers : [...layers], m.behind));
  // A visitor's proxy is never the end of the road: the site is behind it. A hosting platform
  // always runs the site's app behind it.
  const innermost = layers.at(-1);
  const behindLast = innermost && !innermost.implied ? ALWAYS_BEHIND[innermost.kind] : undefined;
  if (behindLast) layers.push(impliedLayer(behindLast));
  const causes = matches.map((m, i) => toCause(m, blamed[i] ?? null, layers));
  return {
    chain: layers,
    failing: causes[0]?.layer ?? null,
    causes,
    falseAlarm: causes[0]?.falseAlarm ?? false,
    confidence: causes[0]?.confidence ?? 'low',
    requestIds: requestIds(input.headers),
    pageIds: body ? pageIds(body, input.headers) : [],
    edge: edgeLocation(input.headers),
    retryAfter,
  };
}

/** The reason phrase of a status line (`Backend fetch failed`), or '' when there is none. */
function reasonPhrase(statusLine: string | undefined, status: number): string {
  if (!statusLine) return '';
  const m = /^HTTP\/[\d.]{1,3} (\d{3})(?: (.{0,80}))?$/.exec(statusLine.trim());
  return m && Number(m[1]) === status ? (m[2] ?? '').trim() : '';
}

/** A time taken, if it is one: a finite number of milliseconds, not negative, at most an hour. */
function durationOf(ms: number | undefined): number | undefined {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= 3_600_000 ? ms : undefined;
}

function toCause(m: CauseMatch, layer: Layer | null, layers: Layer[]): Cause {
  const index = layer ? layers.indexOf(layer) : -1;
  const anchor = m.anchor ? layers.indexOf(m.anchor) : -1;
  return {
    id: m.row.id,
    layer: index >= 0 ? index : null,
    anchor: anchor >= 0 ? anchor : null,
    evidence: m.evidence,
    falseAlarm: m.row.falseAlarm === true,
    confidence: m.confidence,
  };
}

function addImplied(layers: Layer[], id: ImpliedId, at = layers.length): Layer {
  const layer = impliedLayer(id);
  layers.splice(at, 0, layer);
  return layer;
}

/** Resolves a cause's blame to a layer, adding the implied layer it points at when none signed. */
function blame(kind: Blame, anchor: Layer | null, layers: Layer[], behind?: ImpliedBehind): Layer | null {
  switch (kind) {
    case 'none':
      return null;
    case 'network':
      return layers.find((l) => l.id === 'network') ?? addImplied(layers, 'network', 0);
    case 'self':
      return anchor;
    case 'behind': {
      // A gateway error no one signed: some front server wrote it.
      const gateway = anchor ?? layers.find((l) => l.id === 'front') ?? addImplied(layers, 'front');
      // We cannot see inside an origin we only inferred.
      if (gateway.implied && gateway.kind === 'origin') return gateway;
      const next = layers[layers.indexOf(gateway) + 1];
      if (next) return next;
      return addImplied(layers, behind ?? (IN_FRONT_OF_ORIGIN.has(gateway.kind) ? 'origin' : 'app'));
    }
    case 'app': {
      const app = layers.findLast((l) => l.kind === 'application');
      if (app) return app;
      const innermost = layers.at(-1);
      if (innermost?.kind === 'origin') return innermost;
      return addImplied(layers, 'app');
    }
    case 'database': {
      const app = blame('app', anchor, layers);
      if (!app) return null;
      const next = layers[layers.indexOf(app) + 1];
      if (next?.kind === 'database') return next;
      return addImplied(layers, 'database', layers.indexOf(app) + 1);
    }
  }
}
