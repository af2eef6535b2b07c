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
