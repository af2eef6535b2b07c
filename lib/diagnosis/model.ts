import type { EdgeLocation } from './edge-location';
import type { PageId } from './request-ids';
import type { RetryAfter } from './retry-after';

/**
 * The diagnosis as stored and shown: ids and evidence, no prose (lib/i18n/diagnosis-text.ts
 * renders it in the reader's language). Types only.
 */

/**
 * What part of a site's delivery chain a layer is. `network` is the visitor's own network (a
 * captive portal); `origin` is the site's own server when we cannot see what runs on it.
 */
export type LayerKind =
  | 'network'
  | 'cdn'
  | 'firewall'
  | 'load-balancer'
  | 'platform'
  | 'proxy'
  | 'origin'
  | 'application'
  | 'database';

/** One clue behind a conclusion, quoted so that a person can verify it. */
export interface Evidence {
  /**
   * Where the clue is: a response header, the body prefix, the status, the timing, or the error
   * the browser reported when no response came (a network error).
   */
  source: 'header' | 'body' | 'status' | 'timing' | 'error';
  /** The header's name, for header clues. */
  header?: string;
  /** The text that matched (a header's value, or the words the signature found), cut short. */
  text: string;
}

/** One hop between the visitor and the failure, as the response shows it. */
export interface Layer {
  /** The fingerprint's id, or `app`, `origin`, `database`, `network` for implied layers. */
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
  /** Request IDs from the headers, most specific first. */
  requestIds: { header: string; value: string }[];
  /** IDs printed on the vendor's error page, when the body prefix has them. */
  pageIds: PageId[];
  /** The CDN or platform location that answered, when a header names it. */
  edge: EdgeLocation | null;
  /** When the server says to come back, when it says so in a form we can read. */
  retryAfter: RetryAfter | null;
}
