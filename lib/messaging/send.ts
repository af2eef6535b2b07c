import { browser } from 'wxt/browser';
import type { Envelope, MessageName, Protocol } from './protocol';

/** Sends a typed message to the background. Touches the browser; the types are ./protocol.ts. */
export function send<K extends MessageName>(name: K, body: Protocol[K]['request']): Promise<Protocol[K]['response']> {
  const envelope: Envelope<K> = { name, body };
  return browser.runtime.sendMessage(envelope) as Promise<Protocol[K]['response']>;
}
