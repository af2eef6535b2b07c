/**
 * Copies text. The async Clipboard API needs a secure page, and many failing pages are plain
 * http; then a hidden textarea inside our own (shadow) root and execCommand do it.
 */
export async function copyText(text: string, root: Node & ParentNode, doc: Document): Promise<boolean> {
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
  root.append(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
