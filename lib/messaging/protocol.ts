import type { Burst, OverlayPayload, TabFailure } from '@/lib/failure/model';
import type { CheckRecord } from '@/lib/log/model';
import type { JustMeAnswer } from '@/lib/owner-tools/just-me';
import type { OtherNetworksState } from '@/lib/owner-tools/other-networks';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import type { SiteStatus } from '@/lib/owner-tools/status-page';
import type { Watch, WatchEvent } from '@/lib/owner-tools/watch';

/** Nothing: the message says all by its name (the tab it comes from is the sender's, not the message's). */
type Empty = Record<string, never>;

/**
 * Every message between the extension's parts: name → request and response types. Only our own
 * scripts and pages can send these (no externally_connectable), and SENDERS says which of them
 * may send each; a content script runs inside a page we do not trust, so whatever it asks about
 * is its own tab, read from the browser's sender, never from the message (./router.ts).
 */
export interface Protocol {
  /**
   * The overlay, just injected, asks what to show for its document. `navStatus` is the
   * document's own response status from Navigation Timing (0 when the browser does not expose
   * it): a document below 500 is an older page of the same address, not the failing one. `body`
   * is a bounded prefix of the rendered document, for the diagnosis (lib/diagnosis/diagnose.ts).
   * `responseMs` is the document's Navigation Timing from request start to response start (0
   * when not exposed): how long the answer took tells a refused server from a slow one.
   */
  'overlay:claim': {
    request: { navStatus: number; body: string; responseMs?: number };
    response: OverlayPayload | null;
  };
  /** The background tells a page's overlay script about a new or growing burst of failures. */
  'overlay:notice': { request: { burst: Burst }; response: boolean };
  /**
   * The popup's "Show explanation" asks the overlay script in a tab to show the card again
   * (after × or –). True when it is on screen; false, or no answer at all, when the page removed
   * it or there is no card there: the popup then shows the explanation itself.
   */
  'overlay:show': { request: Empty; response: boolean };
  /**
   * The overlay gave up putting the card back: its page keeps removing it. The toolbar button's
   * tooltip then says the explanation is in the popup (the badge keeps the code).
   */
  'overlay:hidden': { request: Empty; response: boolean };
  /**
   * The burst notice's "Details": the background opens the toolbar popup on this tab's failures.
   * False where the browser does not let it (Firefox without a click on its own UI): the notice
   * then says what to click.
   */
  'popup:open': { request: Empty; response: boolean };
  /** The popup asks what a tab shows ("This tab"). It hands out incidents. */
  'tab:failure': { request: { tabId: number }; response: TabFailure | null };
  /**
   * "Reload when it's back": one check of the page's address (the overlay's tab, or the
   * explanation page's own address), not logged.
   */
  'reload:check': { request: { url: string }; response: CheckResult };
  /** "Check now": one check of the overlay's tab, or of a page the popup names; logged with the network label. */
  'site:check': { request: { url: string }; response: CheckRecord };
  /** "Is it just me?" for a site, from the person's own history. */
  'site:just-me': { request: { site: string }; response: JustMeAnswer };
  /**
   * "Check from other networks" (Globalping): starts a check of the overlay's own tab, of the
   * address the explanation page explains, or of a page the popup names (with the incident it
   * is about); answers where it stands. `off` until the person agreed: nothing is sent then.
   */
  'networks:check': { request: { url: string; incidentId?: number }; response: OtherNetworksState };
  /** Where that check stands, for its progress; the same rules say which address. */
  'networks:status': { request: { url: string }; response: OtherNetworksState };
  /** The overlay cannot ask for a permission: the background opens the settings where the person can agree. */
  'networks:setup': { request: Empty; response: boolean };
  /** The status page of the overlay's site, when lookups are on; null otherwise. */
  'site:status': { request: Empty; response: SiteStatus | null };
  /** "Don't explain errors on this site", for the overlay's site. */
  'site:quiet': { request: Empty; response: boolean };
  /**
   * "This is my site" in the overlay, for its own tab's site: with `mine`, remembered (never from
   * a private window); without, only read. Whether the site is the person's now.
   */
  'site:mine': { request: { mine?: boolean }; response: boolean };
  /** "Copy details for support" in the overlay: the background copies its tab's report. */
  'report:copy': { request: Empty; response: boolean };
  /** Watches a page's site; null when the page cannot be watched. */
  'watch:start': {
    request: { url: string; intervalMinutes: number; durationMinutes: number };
    response: Watch | null;
  };
  'watch:stop': { request: { site: string }; response: null };
  'watch:list': { request: Empty; response: { watches: Watch[]; events: WatchEvent[] } };
  /** The background asks its offscreen document (Chromium) to put text on the clipboard. */
  'clipboard:write': { request: { text: string }; response: boolean };
}

export type MessageName = keyof Protocol;

/** Where a message comes from: the background, one of our pages, or our script in a web page's top frame. */
export type Context = 'background' | 'popup' | 'options' | 'explain' | 'offscreen' | 'content';

/**
 * Who may send each message. Anything else is refused (deny by default): a content script can
 * only ask about its own tab, and never for the log, the watches or the settings.
 */
export const SENDERS: { readonly [K in MessageName]: readonly Context[] } = {
  'overlay:claim': ['content'],
  'overlay:notice': ['background'],
  'overlay:show': ['popup'],
  'overlay:hidden': ['content'],
  'popup:open': ['content'],
  'tab:failure': ['popup'],
  'reload:check': ['content', 'explain'],
  'site:check': ['content', 'popup'],
  'site:just-me': ['popup'],
  'networks:check': ['content', 'explain', 'popup'],
  'networks:status': ['content', 'explain', 'popup'],
  'networks:setup': ['content'],
  'site:status': ['content'],
  'site:quiet': ['content'],
  'site:mine': ['content'],
  'report:copy': ['content'],
  'watch:start': ['popup'],
  'watch:stop': ['popup'],
  'watch:list': ['popup'],
  'clipboard:write': ['background'],
};

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
