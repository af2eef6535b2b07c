import type { Incident } from './incident';

/**
 * Every message between the extension's parts: name → request and response types.
 * Only our own content scripts and pages can send these (no externally_connectable).
 */
export interface Protocol {
  /**
   * The overlay, just injected, asks whether its document is the one that failed.
   * `navStatus` is the document's own response status from Navigation Timing (0 when the
   * browser does not expose it). The answer is the incident to explain, or null.
   */
  'overlay:claim': { request: { url: string; navStatus: number }; response: Incident | null };
}

export type MessageName = keyof Protocol;

/** The envelope on the wire. */
export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  body: Protocol[K]['request'];
}

/** Narrows an unknown value to an envelope with a known name. */
export function isEnvelope(value: unknown, names: readonly MessageName[]): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    names.includes((value as Envelope).name) &&
    typeof (value as Envelope).body === 'object' &&
    (value as Envelope).body !== null
  );
}
