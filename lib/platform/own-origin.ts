import { browser } from 'wxt/browser';

/**
 * The extension's own origin (chrome-extension://ID, moz-extension://UUID): its pages, and the
 * requests it makes itself. Read from its own URL rather than URL#origin, which is "null" for
 * schemes a URL parser does not know (Node's, for one). Touches the browser.
 */
export function ownOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/$/, '');
}
