import type { LayerKind } from '../model';
import { APP_FINGERPRINTS } from './fingerprints-apps';
import { EDGE_FINGERPRINTS } from './fingerprints-edge';
import { PLATFORM_FINGERPRINTS } from './fingerprints-platforms';
import { SERVER_FINGERPRINTS } from './fingerprints-servers';

/**
 * One clue that a vendor handled the response: a header, a text in the body prefix, the status
 * line's reason phrase, or the host of the address.
 */
export interface Signature {
  /** Unique across the table; cause rows and tests name signatures by it. */
  id: string;
  /**
   * Lower-case header name to test. `server`, `via` and `x-powered-by` are lists (one entry per
   * layer that wrote one): the pattern is tested against each entry.
   */
  header?: string;
  /** Without a header: the body prefix (default), the reason phrase (`status`), or the URL's host (`url`). */
  in?: 'status' | 'url';
  /** Kept narrow and linear: it runs on every failure, against text the page controls. */
  pattern: RegExp;
  /** The layer wrote this error response itself rather than passing on one from behind it. */
  wroteError?: boolean;
  /** A bot challenge page: the response is a challenge, not an outage. */
  challenge?: boolean;
}

/** One row per vendor: how to recognise it and where its owner should look first. */
export interface Fingerprint {
  id: string;
  /** The name people know it by. */
  vendor: string;
  kind: LayerKind;
  /**
   * Where this layer usually sits, outermost lowest. It orders layers only where the response
   * does not: `Via` entries, the page's writer and repeated `Server` lines do (./chain.ts).
   */
  depth: number;
  signatures: readonly Signature[];
  /**
   * Layers that are this vendor's own front end when it signs (Cloud Run answers through Google's
   * front end and Envoy; App Service through IIS): their clues join this layer instead of making
   * layers of their own. Fingerprint ids, or `generic:<slug>`.
   */
  absorbs?: readonly string[];
  /**
   * A product mostly run as the visitor's own (forward or corporate) proxy: its layer is the
   * visitor's network unless the response shows it serves the site itself (./chain.ts).
   */
  forwardProxy?: true;
  /**
   * It adds a Retry-After of its own to every error (Varnish's builtin `Retry-After: 5`, Fastly's
   * `0`): its Retry-After says nothing about a maintenance window.
   */
  autoRetryAfter?: true;
}

/**
 * The vendors and layers we recognise, edge first. Adding one is adding a row (in the
 * fingerprints-*.ts file of its kind) and a fixture in test/fixtures/responses/.
 */
export const FINGERPRINTS: readonly Fingerprint[] = [
  ...EDGE_FINGERPRINTS,
  ...PLATFORM_FINGERPRINTS,
  ...SERVER_FINGERPRINTS,
  ...APP_FINGERPRINTS,
];
