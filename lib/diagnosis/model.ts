import type { EdgeLocation } from './edge-location';
import type { PageId } from './request-ids';
import type { RetryAfter } from './retry-after';

/**
 * The diagnosis as stored and shown: ids and evidence, no prose (lib/i18n/diagnosis-text.ts
 * renders it in the reader's language). Types only.
 */

/**
 * What part of a site's delivery chain a layer is. `network` is the visitor's own network (a
 * captive portal, a forward or corporate proxy); `edge-code` is code the site's owner runs on a
 * CDN or platform's edge (Workers, Lambda@Edge, edge middleware); `server` is a web or application
 * server the app runs in (Tomcat, Kestrel, gunicorn); `origin` is the site's own server when we
 * cannot see what runs on it.
 */
export type LayerKind =
  | 'network'
  | 'cdn'
  | 'edge-code'
  | 'firewall'
  | 'load-balancer'
  | 'platform'
  | 'proxy'
  | 'server'
  | 'origin'
  | 'application'
  | 'database';

/**
 * How sure a diagnosis is. `high`: the response's own words say what failed (a vendor's error
 * code or error page, an error header, an exception page). `medium`: the layer that wrote the
 * error is known and the status's standard meaning, a Retry-After or the timing points at the
 * cause. `low`: the status code alone, or a 503 that does not say why.
 */
export type Confidence = 'high' | 'medium' | 'low';

/** One clue behind a conclusion, quoted so that a person can verify it. */
export interface Evidence {
  /**
   * Where the clue is: a response header, the body prefix, the status, the timing, the address's
   * host, or the error the browser reported when no response came (a network error).
   */
  source: 'header' | 'body' | 'status' | 'timing' | 'url' | 'error';
  /** The header's name, for header clues. */
  header?: string;
  /**
   * The text that matched (a header's value, or the words the signature found), cut short; for a
   * timing clue, the milliseconds the answer took, in digits (the words are the UI's).
   */
  text: string;
}

/** One hop between the visitor and the failure, as the response shows it. */
export interface Layer {
  /**
   * The fingerprint's id; `generic:<slug>` for a product no fingerprint knows (named after its
   * `server`, `via` or `x-powered-by` token); `network`, `front`, `origin`, `app`, `database` for
   * implied layers.
   */
  id: string;
  /**
   * The vendor's name, for a diagram. Implied layers are named in public/_locales
   * (`layer_<id>` for the diagram, `layer_<id>_owner` inside owner sentences).
   */
  vendor: string;
  kind: LayerKind;
  /** True when no header or body names this layer, but a cause says it must be there. */
  implied: boolean;
  /** Why we think this layer handled the response; empty for implied layers. */
  evidence: Evidence[];
}

/**
 * One likely cause, with the clues it rests on. Its words are in public/_locales under
 * `causeKey(id)` (lib/i18n/keys.ts) and are rendered by lib/i18n/diagnosis-text.ts, so a
 * stored diagnosis holds no prose: it renders in whatever language the reader uses.
 */
export interface Cause {
  /** The cause row's id (lib/diagnosis/tables/causes.ts). */
  id: string;
  /** Index into `Diagnosis.chain` of the layer this cause blames; null when none or unknown. */
  layer: number | null;
  /** Index into `Diagnosis.chain` of the layer the cause's words name ($1); null for none. */
  anchor: number | null;
  evidence: Evidence[];
  /** True when the response is not an outage of the site (a bot check, the visitor's Wi-Fi login). */
  falseAlarm: boolean;
  /** How sure this cause is, from the clue that made it apply. */
  confidence: Confidence;
}

/** Everything the extension can say about one 5xx response. */
export interface Diagnosis {
  /** The layers that handled the response, outermost first; implied ones are marked. */
  chain: Layer[];
  /** Index into `chain` of the layer that most likely failed; null when we cannot tell. */
  failing: number | null;
  /** Likely causes, most likely first; never empty (the last resort says we cannot tell). */
  causes: Cause[];
  /** The site is probably not down: the first cause is a bot challenge or the visitor's network. */
  falseAlarm: boolean;
  /**
   * How sure the first cause is. Absent from diagnoses stored before it existed (read them as
   * unknown, never as sure).
   */
  confidence?: Confidence;
  /** Request IDs from the headers, most specific first. */
  requestIds: { header: string; value: string }[];
  /** IDs printed on the vendor's error page, when the body prefix has them. */
  pageIds: PageId[];
  /** The CDN or platform location that answered, when a header names it. */
  edge: EdgeLocation | null;
  /** When the server says to come back, when it says so in a form we can read. */
  retryAfter: RetryAfter | null;
}
