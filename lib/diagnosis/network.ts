import type { Confidence, Diagnosis, Layer } from './model';
import { networkAdvice } from './tables/network-advice';
import type { NetworkErrorRow } from './tables/network-errors';

/**
 * The diagnosis of a network error: no response came, so no layer signed anything. The chain is
 * the two hops a request needs before any server can answer — the name turned into an address
 * (`resolver`: the visitor's network and the site's DNS), then the site's server reached at that
 * address (`server`) — and the row says which one failed. Pure.
 */

/** Implied layers of a network error, by id (their names are `layer_<id>` texts). */
const HOPS: Readonly<Record<NetworkErrorRow['hop'], Omit<Layer, 'evidence'>>> = {
  resolver: { id: 'resolver', vendor: 'Your network / DNS', kind: 'network', implied: true },
  server: { id: 'server', vendor: 'Site’s server', kind: 'origin', implied: true },
};

/** @internal The ids of the network error hops, for the tests that check their words. */
export const NETWORK_HOP_IDS = Object.keys(HOPS);

/** Diagnoses a request that got no response: the browser's `error`, classified as `row`. */
export function diagnoseNetworkError(row: NetworkErrorRow, error: string): Diagnosis {
  const chain: Layer[] = [
    { ...HOPS.resolver, evidence: [] },
    { ...HOPS.server, evidence: [] },
  ];
  const failing = row.hop === 'resolver' ? 0 : 1;
  const evidence = [{ source: 'error' as const, text: error.slice(0, 200) }];
  const ids = networkAdvice(row.id)?.causes ?? [];
  // The browser says for sure which step failed; why is sure only when one cause explains it.
  const confidence = (i: number): Confidence => (i > 0 ? 'low' : ids.length === 1 ? 'high' : 'medium');
  return {
    chain,
    failing,
    causes: ids.map((id, i) => ({
      id,
      layer: failing,
      anchor: failing,
      evidence,
      falseAlarm: false,
      confidence: confidence(i),
    })),
    falseAlarm: false,
    confidence: confidence(0),
    requestIds: [],
    pageIds: [],
    edge: null,
    retryAfter: null,
  };
}
