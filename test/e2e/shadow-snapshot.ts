import type { Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** What is inside the overlay's closed shadow root, as the DevTools protocol sees it. */
export interface ShadowSnapshot {
  /** Every element's tag name. */
  tags: string[];
  /** Attributes named on… (event handlers) on any element. */
  handlers: string[];
  /** The dialog's visible text with every collapsed section opened. */
  text: string;
}

function findHost(node: DomNode): DomNode | undefined {
  if (node.localName === 'fivexx-explainer') return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Opens every section of the overlay (as a person clicking each summary would) and reads what
 * is inside its closed shadow root: the elements, any event-handler attributes, and the text.
 * Null when the page has no overlay.
 */
export async function snapshotOverlay(page: Page): Promise<ShadowSnapshot | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId as string,
      functionDeclaration: `function () {
        for (const details of this.querySelectorAll('details')) details.open = true;
        const elements = [...this.querySelectorAll('*')];
        return {
          tags: elements.map((e) => e.localName),
          handlers: elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.localName + '[' + a.name + ']')),
          text: this.querySelector('[role="dialog"]')?.innerText ?? '',
        };
      }`,
      returnByValue: true,
    });
    return result.value as ShadowSnapshot;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
