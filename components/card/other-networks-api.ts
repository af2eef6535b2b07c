import { createContext } from 'preact';
import type { OtherNetworksApi } from '@/lib/owner-tools/other-networks';

/**
 * How "Check from other networks" asks the background, where the card is shown. Each surface
 * that offers it provides one (its entrypoint wires it: lib/messaging/other-networks-client.ts);
 * without a provider the card shows no such action.
 */
export const OtherNetworksContext = createContext<OtherNetworksApi | null>(null);
