import type { Burst, OverlayPayload, TabFailure } from '@/lib/failure/model';
import type { CheckRecord } from '@/lib/log/model';
import type { JustMeAnswer } from '@/lib/owner-tools/just-me';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import type { SiteStatus } from '@/lib/owner-tools/status-page';
import type { Watch, WatchEvent } from '@/lib/owner-tools/watch';

/**
 * Every message between the extension's parts: name → request and response types.
 * Only our own content scripts and pages can send these (no externally_connectable), and the
 * background still checks who sent each one.
 */
export interface Protocol {
  /**
   * The overlay, just injected, asks what to show. `navStatus` is the document's own response
   * status from Navigation Timing (0 when the browser does not expose it): a document below 500
   * is an older page of the same address, not the failing one. `body` is a bounded prefix of
   * the rendered document, for the diagnosis (see lib/diagnosis/diagnose.ts). `responseMs` is the
   * document's Navigation Timing from request start to response start (0 when not exposed): how
   * long the answer took tells a refused server from a slow one.
   */
  'overlay:claim': {
    request: { url: string; navStatus: number; body: string; responseMs?: number };
    response: OverlayPayload | null;
  };
  /** The background tells a page's overlay script about a new or growing burst of failures. */
  'overlay:notice': { request: { burst: Burst }; response: boolean };
  /**
   * The popup's "Show explanation" asks the overlay script in a tab to show the card again
   * (after × or –). True when it is on screen; false, or no answer at all, when the page removed
   * it or there is no card there: the popup then shows the explanation itself.
   */
  'overlay:show': { request: Record<string, never>; response: boolean };
  /** The popup asks what a tab shows ("This tab"). Extension pages only: it hands out incidents. */
  'tab:failure': { request: { tabId: number }; response: TabFailure | null };
  /** "Reload when it's back": the background requests the address (GET, no cache) once. */
  'reload:check': { request: { url: string }; response: CheckResult };
  /** "Check now": request the address once, log the result with the network label. */
  'site:check': { request: { url: string }; response: CheckRecord };
  /** "Is it just me?" for a site, from the person's own history. */
  'site:just-me': { request: { site: string }; response: JustMeAnswer };
  /** The site's status page, when lookups are on; null otherwise. */
  'site:status': { request: { site: string; scheme: string }; response: SiteStatus | null };
  'watch:start': { request: { url: string; intervalMinutes: number; durationMinutes: number }; response: Watch };
  'watch:stop': { request: { url: string }; response: null };
  'watch:list': { request: Record<string, never>; response: { watches: Watch[]; events: WatchEvent[] } };
}

export type MessageName = keyof Protocol;

/** The envelope on the wire. */
export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  body: Protocol[K]['request'];
}

/** Narrows an unknown value to an envelope with one of the given names. */
export function isEnvelope<K extends MessageName>(value: unknown, names: readonly K[]): value is Envelope<K> {
  return (
    typeof value === 'object' &&
    value !== null &&
    names.includes((value as Envelope).name as K) &&
    typeof (value as Envelope).body === 'object' &&
    (value as Envelope).body !== null
  );
}
