import { type Context, type MessageName, SENDERS } from './protocol';

/** The fields of runtime.MessageSender this reads: all set by the browser, none by the message. */
export interface SenderFacts {
  id?: string;
  url?: string;
  frameId?: number;
  /** The sending document (Chromium; Firefox 153 and later). */
  documentId?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
}

/** Our pages by path. The background is a service worker in Chromium and an event page in Firefox. */
const PAGES: Readonly<Record<string, Context>> = {
  '/background.js': 'background',
  '/_generated_background_page.html': 'background',
  '/popup.html': 'popup',
  '/options.html': 'options',
  '/explain.html': 'explain',
  '/offscreen.html': 'offscreen',
};

/**
 * Which of our contexts sent a message, from what the browser says about the sender; null for
 * anything else (another extension, a sub-frame, a page that is not http(s)). A content
 * script counts only in a tab's top frame, where the overlay is the only one we inject.
 */
export function senderContext(sender: SenderFacts, ownId: string, ownOrigin: string): Context | null {
  if (sender.id !== ownId || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(`${ownOrigin}/`)) {
    return PAGES[new URL(sender.url).pathname] ?? null;
  }
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:\/\//i.test(sender.url)) return 'content';
  return null;
}

/** Whether a context may send a message (./protocol.ts, SENDERS). */
export function maySend(context: Context | null, name: MessageName): boolean {
  return context !== null && SENDERS[name].includes(context);
}
