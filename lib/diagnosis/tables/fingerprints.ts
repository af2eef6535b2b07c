import type { LayerKind } from '../model';
import { EDGE_FINGERPRINTS } from './fingerprints-edge';
import { SERVER_FINGERPRINTS } from './fingerprints-servers';

/** One clue that a vendor handled the response: a header or a text in the body prefix. */
export interface Signature {
  /** Unique across the table; cause rows and tests name signatures by it. */
  id: string;
  /** Lower-case header name to test; absent for a body signature. */
  header?: string;
  /** Tested against the header value, or against the bounded body prefix. Kept narrow and linear. */
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
   * Where this layer usually sits, outermost lowest. Headers do not say in what order layers
   * handled a response, so the usual position orders the layers that signed one.
   */
  depth: number;
  signatures: readonly Signature[];
}

/**
 * The vendors and layers we recognise, edge first. Adding one is adding a row (in
 * fingerprints-edge.ts or fingerprints-servers.ts) and a fixture in test/fixtures/responses/.
 */
export const FINGERPRINTS: readonly Fingerprint[] = [...EDGE_FINGERPRINTS, ...SERVER_FINGERPRINTS];
