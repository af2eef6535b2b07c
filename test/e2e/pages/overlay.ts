import type { CDPSession, Page } from 'playwright-core';
import { clippedElements } from '../fit';
import { waitFor } from '../wait';

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findHost(node: DomNode): DomNode | undefined {
  if (node.localName === 'fivexx-explainer') return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

/** One box of the card's diagram, as drawn. */
export interface Hop {
  /** What the hop is, in a visitor's words ("Front server", "The site’s app", "You"). */
  name: string;
  /** The products it names ("nginx"; "nginx, Varnish" for neighbours that read the same), or ''. */
  product: string;
  /** What the box says of it: "Working", "Problem here", "Probably here", "Planned maintenance", "Not reached". */
  state: string;
  /** Marked as where the problem is, seen ("Problem here"): the one bold box. */
  failed: boolean;
  /** Marked as where the problem probably is, inferred (no header or page names it). */
  probably: boolean;
  /** Drawn as inferred (no header or page names it). */
  implied: boolean;
  /** Marked "Not reached": behind the hop that failed. */
  unreached: boolean;
}

/** Reads a `.x5-hops` list (runs in the page: in the overlay's shadow root or on the explanation page). */
export function readHops(list: Element): Hop[] {
  return Array.from(list.querySelectorAll('.x5-hop')).map((li) => ({
    name: li.querySelector('.x5-hop-name')?.textContent?.trim() ?? '',
    product: li.querySelector('.x5-hop-product')?.textContent?.trim() ?? '',
    state: li.querySelector('.x5-hop-state')?.textContent?.trim() ?? '',
    failed: li.classList.contains('x5-hop-failed'),
    probably: li.classList.contains('x5-hop-probably'),
    implied: li.classList.contains('x5-hop-implied'),
    unreached: li.classList.contains('x5-hop-not-reached'),
  }));
}

/**
 * The overlay as a person meets it. Its shadow root is closed (pages cannot read it), so
 * this page object reaches inside through the DevTools protocol, which sees what the
 * person sees; clicks are real mouse clicks at the element's position.
 */
export class OverlayPage {
  private cdpSession: CDPSession | undefined;

  constructor(readonly page: Page) {}

  private async cdp(): Promise<CDPSession> {
    this.cdpSession ??= await this.page.context().newCDPSession(this.page);
    return this.cdpSession;
  }

  /** The remote object id of the first match inside the overlay, or null. */
  private async find(selector: string): Promise<string | null> {
    const cdp = await this.cdp();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    if (!nodeId) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    return object.objectId ?? null;
  }

  private async call<T>(selector: string, fn: string): Promise<T | null> {
    const objectId = await this.find(selector);
    if (!objectId) return null;
    const cdp = await this.cdp();
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      returnByValue: true,
    });
    return result.value as T;
  }

  /** The overlay's visible text, or null when there is no overlay. */
  async text(): Promise<string | null> {
    return this.call<string>('[role="dialog"]', 'function () { return this.innerText; }');
  }

  /** The card's hop diagram, outermost first ("You" included), or null when there is none. */
  async hops(): Promise<Hop[] | null> {
    return this.call<Hop[]>('.x5-hops', `function () { return (${readHops.toString()})(this); }`);
  }

  /** The burst notice's text, or null when there is none. */
  async noticeText(): Promise<string | null> {
    return this.call<string>('.x5-notice', 'function () { return this.innerText; }');
  }

  /** The pill's text ("502 · What happened?", "Reloading when back · 0:42"), or null when there is none. */
  async pillText(): Promise<string | null> {
    return this.call<string>('.x5-pill', 'function () { return this.innerText; }');
  }

  /** The pill's text when it has the focus (it is not inside the dialog), else null. */
  async focusedPill(): Promise<string | null> {
    return this.call<string>(
      '.x5-pill',
      'function () { return this.getRootNode().activeElement === this ? this.innerText : null; }',
    );
  }

  /** The small corner notice of a false alarm (a bot check, a Wi-Fi login), or null. */
  async falseAlarmText(): Promise<string | null> {
    return this.call<string>('.x5-notice-neutral', 'function () { return this.innerText; }');
  }

  /** Where an element of the overlay is on screen, in CSS pixels, or null when there is none. */
  async box(selector: string): Promise<{ left: number; top: number; right: number; bottom: number } | null> {
    return this.call(
      selector,
      'function () { const r = this.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }',
    );
  }

  /**
   * The card, as a person gets to it: at once, or from the pill a page that explains itself
   * starts with (a click on "502 · What happened?"). Its text.
   */
  async openCard(timeout = 10_000): Promise<string> {
    await waitFor('the card or its pill', async () => (await this.isShown()) || (await this.has('.x5-pill')), timeout);
    if (!(await this.isShown())) await this.click('.x5-pill');
    return this.waitForText(timeout);
  }

  /** Opens "More details" (the code's name, Check now, "This is my site", the evidence, the details). */
  async openMoreDetails(): Promise<string> {
    const isOpen = () => this.call<boolean>('details.x5-more', 'function () { return this.open; }');
    if (!(await isOpen())) await this.click('details.x5-more > summary');
    await waitFor('More details to open', isOpen);
    return (await this.text()) ?? '';
  }

  /** Whether an element matching the selector is in the overlay. */
  async has(selector: string): Promise<boolean> {
    return (await this.find(selector)) !== null;
  }

  async isShown(): Promise<boolean> {
    return (await this.text()) !== null;
  }

  /**
   * Waits for the overlay's first view, whichever it starts as: the card, its pill (a page that
   * explains itself), a false alarm's small notice, or the notice of a burst of failed calls.
   */
  async firstView(timeout = 10_000): Promise<'card' | 'pill' | 'false-alarm' | 'notice'> {
    return waitFor(
      'the overlay',
      async () => {
        if (await this.isShown()) return 'card';
        if (await this.has('.x5-pill')) return 'pill';
        if (await this.has('.x5-notice-neutral')) return 'false-alarm';
        return (await this.has('.x5-notice')) && 'notice';
      },
      timeout,
    );
  }

  /** Waits until the overlay shows, and returns its text. */
  async waitForText(timeout = 10_000): Promise<string> {
    return waitFor('the overlay', () => this.text(), timeout);
  }

  /**
   * The page removes the card each time it is put back, as a framework that re-renders the whole
   * document would, until the overlay gives up (lib/platform/shadow-host.ts).
   */
  async removeForGood(): Promise<void> {
    await this.page.evaluate(() => {
      const drop = () => document.querySelector('fivexx-explainer')?.remove();
      new MutationObserver(drop).observe(document.documentElement, { childList: true });
      drop();
    });
    await this.waitForGone();
  }

  async waitForGone(): Promise<void> {
    await waitFor('the overlay to close', async () => !(await this.isShown()));
  }

  /** The dialog's accessible name (what a screen reader announces). */
  async dialogLabel(): Promise<string | null> {
    return this.call<string>(
      '[role="dialog"]',
      'function () { const id = this.getAttribute("aria-labelledby"); return this.getRootNode().getElementById(id)?.textContent ?? null; }',
    );
  }

  /** Whether the card lies within the viewport's width and can scroll to all its content. */
  async fitsViewport(): Promise<boolean> {
    return (
      (await this.call<boolean>(
        '[role="dialog"]',
        'function () { const r = this.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && this.scrollWidth <= this.clientWidth; }',
      )) === true
    );
  }

  /** The card's elements whose text does not fit (clipped, or out of the card sideways). */
  async clipped(): Promise<string[]> {
    return (
      (await this.call<string[]>('[role="dialog"]', `function () { return (${clippedElements.toString()})(this); }`)) ??
      []
    );
  }

  /** The arrow drawn before the second hop of the diagram (CSS generated content). */
  async hopArrow(): Promise<string | null> {
    return this.call<string>('.x5-hop + .x5-hop', 'function () { return getComputedStyle(this, "::before").content; }');
  }

  /** The `lang` and `dir` of the overlay's host element, which its shadow content inherits. */
  async hostLanguage(): Promise<{ lang: string; dir: string } | null> {
    return this.page.evaluate(() => {
      const host = document.querySelector('fivexx-explainer') as HTMLElement | null;
      return host ? { lang: host.lang, dir: host.dir } : null;
    });
  }

  /** Clicks a control the way a person would: the mouse at its centre. */
  async click(selector: string): Promise<void> {
    const box = await this.call<{ x: number; y: number }>(
      selector,
      // Into view first, as a person would scroll the card to reach it.
      'function () { this.scrollIntoView({ block: "center" }); const r = this.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
    );
    if (!box) throw new Error(`No ${selector} in the overlay`);
    await this.page.mouse.click(box.x, box.y);
  }

  /** Clicks the overlay's button with this exact text, as a person would. */
  async clickButton(text: string): Promise<void> {
    const box = await this.call<{ x: number; y: number } | null>(
      '[role="dialog"]',
      `function () {
        const button = [...this.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)});
        if (!button) return null;
        button.scrollIntoView({ block: 'center' });
        const r = button.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }`,
    );
    if (!box) throw new Error(`No button “${text}” in the overlay`);
    await this.page.mouse.click(box.x, box.y);
  }

  /** The texts of the overlay's buttons, in order. */
  async buttons(): Promise<string[]> {
    return (
      (await this.call<string[]>(
        '[role="dialog"]',
        'function () { return [...this.querySelectorAll("button")].map((b) => b.textContent.trim()); }',
      )) ?? []
    );
  }

  /**
   * Copies the overlay's shadow content (markup and styles) into an open shadow root under a
   * new element with the given id, for tools such as axe that cannot enter a closed root. `from`
   * is any element the overlay shows (the card, a pill, a notice).
   */
  async cloneIntoOpenRoot(id: string, from = '[role="dialog"]'): Promise<void> {
    const ok = await this.call<boolean>(
      from,
      `function () {
        const source = this.getRootNode();
        const host = document.createElement('div');
        host.id = ${JSON.stringify(id)};
        host.lang = source.host.lang;
        host.dir = source.host.dir;
        document.body.append(host);
        host.attachShadow({ mode: 'open' }).innerHTML = source.innerHTML;
        return true;
      }`,
    );
    if (!ok) throw new Error('No overlay to copy');
  }

  /** The text of the element focused inside the overlay, if focus is there. */
  async focusedText(): Promise<string | null> {
    return this.call<string>(
      '[role="dialog"]',
      'function () { const a = this.getRootNode().activeElement; return a ? (a.getAttribute("aria-label") || a.innerText || a.getAttribute("role") || a.tagName) : null; }',
    );
  }
}
