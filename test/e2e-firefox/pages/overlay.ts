import type { Page } from 'puppeteer-core';
import { waitFor } from '../../e2e/wait';
import type { Session } from '../harness';

const HOST = 'fivexx-explainer';

/**
 * The overlay as a person meets it. Its shadow root is closed (pages cannot read it), and
 * Firefox has no DevTools protocol for puppeteer; WebDriver BiDi hands automation the closed
 * root instead (see Bidi.shadowRoot). Text is `innerText`, what is rendered; clicks are real
 * mouse clicks at the element's position, keys are real key presses.
 */
export class OverlayPage {
  constructor(
    private readonly session: Session,
    readonly page: Page,
  ) {}

  /** Calls `fn(root)` on the overlay's shadow root; null when there is no overlay. */
  private async inRoot<T>(fn: string): Promise<T | null> {
    const root = await this.session.bidi.shadowRoot(this.page, HOST);
    return root ? this.session.bidi.callOn<T | null>(this.page, root, fn) : null;
  }

  /** Calls `fn(element)` on the first match inside the overlay; null when there is none. */
  private call<T>(selector: string, fn: string): Promise<T | null> {
    return this.inRoot<T>(
      `(root) => { const el = root.querySelector(${JSON.stringify(selector)}); return el ? (${fn})(el) : null; }`,
    );
  }

  /** The overlay's visible text, or null when there is no overlay. */
  text(): Promise<string | null> {
    return this.call<string>('[role="dialog"]', '(el) => el.innerText');
  }

  /** The burst notice's text, or null when there is none. */
  noticeText(): Promise<string | null> {
    return this.call<string>('.x5-notice', '(el) => el.innerText');
  }

  /** Whether an element matching the selector is in the overlay. */
  async has(selector: string): Promise<boolean> {
    return (await this.call<boolean>(selector, '() => true')) === true;
  }

  async isShown(): Promise<boolean> {
    return (await this.text()) !== null;
  }

  /** Waits until the overlay shows, and returns its text. */
  waitForText(timeout = 10_000): Promise<string> {
    return waitFor('the overlay', () => this.text(), timeout);
  }

  async waitForGone(): Promise<void> {
    await waitFor('the overlay to close', async () => !(await this.isShown()));
  }

  /** The pill's text ("502 · What happened?", "Reloading when back · 0:42"), or null when there is none. */
  pillText(): Promise<string | null> {
    return this.call<string>('.x5-pill', '(el) => el.innerText');
  }

  /** The card, at once or from the pill a page that explains itself starts with. Its text. */
  async openCard(timeout = 10_000): Promise<string> {
    await waitFor('the card or its pill', async () => (await this.isShown()) || (await this.has('.x5-pill')), timeout);
    if (!(await this.isShown())) await this.click('.x5-pill');
    return this.waitForText(timeout);
  }

  /** Opens "More details" (the code's name, Check now, "This is my site", the evidence, the details). */
  async openMoreDetails(): Promise<string> {
    const isOpen = () => this.call<boolean>('details.x5-more', '(el) => el.open');
    if (!(await isOpen())) await this.click('details.x5-more > summary');
    await waitFor('More details to open', isOpen);
    return (await this.text()) ?? '';
  }

  /** The dialog's accessible name (what a screen reader announces). */
  dialogLabel(): Promise<string | null> {
    return this.call<string>(
      '[role="dialog"]',
      '(el) => el.getRootNode().getElementById(el.getAttribute("aria-labelledby"))?.textContent ?? null',
    );
  }

  /** Clicks a control the way a person would: the mouse at its centre. */
  async click(selector: string): Promise<void> {
    const box = await this.call<{ x: number; y: number }>(
      selector,
      '(el) => { const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
    );
    if (!box) throw new Error(`No ${selector} in the overlay`);
    await this.page.mouse.click(box.x, box.y);
  }

  /** Clicks the overlay's button with this exact text, as a person would. */
  async clickButton(text: string): Promise<void> {
    const box = await this.inRoot<{ x: number; y: number }>(
      `(root) => {
        const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)});
        if (!button) return null;
        button.scrollIntoView({ block: 'center' });
        const r = button.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }`,
    );
    if (!box) throw new Error(`No button “${text}” in the overlay`);
    await this.page.mouse.click(box.x, box.y);
  }

  /** The label of the element focused inside the overlay, if focus is there. */
  focusedText(): Promise<string | null> {
    return this.inRoot<string>(
      '(root) => { const a = root.activeElement; return a ? (a.getAttribute("aria-label") || a.innerText || a.tagName) : null; }',
    );
  }
}
