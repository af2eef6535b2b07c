import { browser } from 'wxt/browser';
import { isEnvelope } from '@/lib/messaging/protocol';
import { maySend, senderContext } from '@/lib/messaging/sender';
import { ownOrigin } from '@/lib/platform/own-origin';

// Chromium's offscreen document for the clipboard (lib/platform/clipboard.ts): the background,
// and only the background, hands it a report to copy. A service worker has no clipboard; an
// offscreen document is an extension page, so the web page never sees the copy.
const origin = ownOrigin();
browser.runtime.onMessage.addListener((message, sender) => {
  if (!isEnvelope(message, ['clipboard:write'])) return undefined;
  if (!maySend(senderContext(sender, browser.runtime.id, origin), 'clipboard:write')) return undefined;
  const area = document.getElementById('clipboard') as HTMLTextAreaElement;
  area.value = String(message.body.text);
  area.select();
  // execCommand in our own document: the Clipboard API needs focus, which an offscreen document never has.
  const copied = document.execCommand('copy');
  area.value = '';
  return Promise.resolve(copied);
});
