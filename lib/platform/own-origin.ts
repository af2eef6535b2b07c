import { browser } from 'wxt/browser';

/**
 * The extension's own origin (chrome-extension://ID, moz-extension://UUID): its pages, and the
 * requests it makes itself. Touches the browser.
 */
export function ownOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}
