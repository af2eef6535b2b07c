/**
 * The diagnosis of one 5xx response: what the code means, which layers signed the response,
 * which one most likely failed, why, and what each reader can do.
 *
 * Pure: no browser globals, no clock. The caller passes the response and `now`.
 *
 * How the body reaches it: the background never buffers response bodies (Chromium's webRequest
 * does not expose them, and holding them would cost memory on every request). For a top-level
 * page, the overlay script the background injects reads a bounded prefix of the already-rendered
 * document (`document.documentElement.outerHTML`, first 8 KB) and sends it with its claim; the
 * background passes it here as `body`.
 * Sub-resources (scripts, API calls) have no body here and are diagnosed from headers alone.
 */
import { MAX_BODY_CHARS } from './body-limit';
import { impliedLayer, quote, signChain } from './chain';
import { edgeLocation } from './edge-location';
import { type CauseMatch, matchCauses } from './match';
import type { Cause, Diagnosis, Layer } from './model';
import { pageIds, requestIds } from './request-ids';
import { parseRetryAfter } from './retry-after';
import { type Blame, UNKNOWN_CAUSE } from './tables/causes';

/** One response, as the background and the overlay know it. */
export interface DiagnoseInput {
  status: number;
  /** e.g. `HTTP/1.1 502 Bad Gateway`. */
  statusLine?: string;
  /** Lower-cased names; in the extension, the allowlisted subset from lib/log/safe-headers.ts. */
  headers: Record<string, string>;
  /** A bounded prefix (at most 8 KB is read) of the body or rendered HTML; absent for sub-resources. */
  body?: string;
  /** The request's URL. Not read by the classifier today: fingerprints come from headers and body. */
  url: string;
  /** How long the request took, when known. */
  durationMs?: number;
}

/** Diagnoses one response. `now` is epoch milliseconds, used for Retry-After dates. */
export function diagnose(input: DiagnoseInput, now: number): Diagnosis {
  const body = input.body ? input.body.slice(0, MAX_BODY_CHARS) : '';
  const chain = signChain(input.headers, body);
  const retryAfter = parseRetryAfter(input.headers['retry-after'], now);
  const statusText = input.statusLine ? quote(input.statusLine) : String(input.status);
  let matches = matchCauses({
    status: input.status,
    statusText,
    chain,
    retryAfter: retryAfter ? quote(input.headers['retry-after'] ?? '') : null,
    durationMs: input.durationMs,
  });
  if (matches.length === 0) matches = [{ row: UNKNOWN_CAUSE, anchor: null, evidence: [], specific: false }];
  // A bot challenge or a Wi-Fi login is the whole story: outage causes would only mislead.
  if (matches[0]?.row.falseAlarm) matches = matches.filter((m) => m.row.falseAlarm);

  const layers = chain.layers;
  const blamed = matches.map((m) => blame(m.row.blame, m.anchor, layers));
  const causes = matches.map((m, i) => toCause(m, blamed[i] ?? null, layers));
  return {
    chain: layers,
    failing: causes[0]?.layer ?? null,
    causes,
    falseAlarm: causes[0]?.falseAlarm ?? false,
    requestIds: requestIds(input.headers),
    pageIds: body ? pageIds(body) : [],
    edge: edgeLocation(input.headers),
    retryAfter,
  };
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
  };
}

/** Resolves a cause's blame to a layer, adding the implied layer it points at when none signed. */
function blame(kind: Blame, anchor: Layer | null, layers: Layer[]): Layer | null {
  switch (kind) {
    case 'none':
      return null;
    case 'network': {
      const existing = layers.find((l) => l.id === 'network');
      if (existing) return existing;
      const network = impliedLayer('network');
      layers.unshift(network);
      return network;
    }
    case 'self':
      return anchor;
    case 'behind': {
      if (!anchor) return null;
      // We cannot see inside an origin we only inferred.
      if (anchor.kind === 'origin') return anchor;
      const next = layers[layers.indexOf(anchor) + 1];
      if (next) return next;
      const implied = impliedLayer(anchor.kind === 'cdn' || anchor.kind === 'firewall' ? 'origin' : 'app');
      layers.push(implied);
      return implied;
    }
    case 'app': {
      const app = layers.findLast((l) => l.kind === 'application');
      if (app) return app;
      const innermost = layers.at(-1);
      if (!innermost) return null;
      if (innermost.kind === 'origin') return innermost;
      const implied = impliedLayer('app');
      layers.push(implied);
      return implied;
    }
    case 'database': {
      const app = blame('app', anchor, layers);
      if (!app) return null;
      const next = layers[layers.indexOf(app) + 1];
      if (next?.kind === 'database') return next;
      const db = impliedLayer('database');
      layers.splice(layers.indexOf(app) + 1, 0, db);
      return db;
    }
  }
}
