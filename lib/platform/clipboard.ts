/**
 * Copies text. The async Clipboard API needs a secure page, and many failing pages are plain
 * http; then a hidden textarea beside `near` (so inside our own shadow root, in the overlay) and
 * execCommand do it.
 */
export async function copyText(text: string, near: Element): Promise<boolean> {
  const doc = near.ownerDocument;
  try {
    if (doc.defaultView?.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the older way.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  near.after(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
