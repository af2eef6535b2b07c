import { browser } from 'wxt/browser';

/**
 * Copies text from the extension's own context, never from a web page: the page's `copy`
 * listeners never see it and its selection is never touched. Chromium's service worker has no
 * clipboard, so an offscreen document (reason CLIPBOARD, entrypoints/offscreen/) writes it;
 * Firefox's background is a page that may write it itself with the `clipboardWrite`
 * permission. Touches the browser.
 */
export function copyFromBackground(text: string): Promise<boolean> {
  const next = queue.then(() => (browser.offscreen ? copyOffscreen(text) : copyHere(text)));
  queue = next.catch(() => false);
  return next.catch(() => false);
}

/** One copy at a time: an offscreen document is opened and closed around each. */
let queue: Promise<unknown> = Promise.resolve();

async function copyHere(text: string): Promise<boolean> {
  await navigator.clipboard.writeText(text);
  return true;
}

async function copyOffscreen(text: string): Promise<boolean> {
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] });
  if (open.length === 0) {
    await browser.offscreen.createDocument({
      url: 'offscreen.html',
      reasons: ['CLIPBOARD' as never],
      justification: 'Copy an error report for support without going through the web page.',
    });
  }
  try {
    // The envelope of lib/messaging/protocol.ts's 'clipboard:write'; only the offscreen document answers it.
    return (await browser.runtime.sendMessage({ name: 'clipboard:write', body: { text } })) === true;
  } finally {
    await browser.offscreen.closeDocument().catch(() => undefined);
  }
}

/**
 * Copies text from one of the extension's own pages (the popup, the explanation page), which
 * are secure contexts where a click lets the Clipboard API write. Touches the browser.
 */
export async function copyFromPage(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
