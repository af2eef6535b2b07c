/** @internal Tag of the element that hosts the overlay's shadow root; benchmarks look for it. */
export const HOST_TAG = 'fivexx-explainer';

/**
 * Creates the overlay's host element with a closed shadow root: the page's CSS cannot reach
 * inside, ours cannot leak out, and page scripts cannot read what is shown.
 */
export function createShadowHost(doc: Document, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  doc.documentElement.append(host);
  return { host, root };
}

/** How many times the host is put back after the page removed it, before giving up. */
const MAX_RESTORES = 3;

/**
 * Puts the host back when the page removes it (frameworks that re-render the whole document
 * remove what they did not make), with what it showed, at most `limit` times: a page that keeps
 * removing it gets `onGiveUp` once, and no loop. Watches the document's root element and the
 * document itself (a page may replace its root element), never the page's subtree, so the
 * page's own changes cost nothing. Returns a function that stops watching.
 */
export function keepInDocument(
  doc: Document,
  host: HTMLElement,
  onGiveUp: () => void,
  limit = MAX_RESTORES,
): () => void {
  let restored = 0;
  let watchedRoot: Element | null = null;
  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    if (restored >= limit || !doc.documentElement) {
      observer.disconnect();
      onGiveUp();
      return;
    }
    restored++;
    doc.documentElement.append(host);
    watch();
  });
  const watch = () => {
    if (watchedRoot === doc.documentElement) return;
    watchedRoot = doc.documentElement;
    observer.observe(doc, { childList: true });
    if (watchedRoot) observer.observe(watchedRoot, { childList: true });
  };
  watch();
  return () => observer.disconnect();
}
