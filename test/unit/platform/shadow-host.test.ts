import { afterEach, describe, expect, it } from 'vitest';
import { createShadowHost, HOST_TAG, keepInDocument } from '@/lib/platform/shadow-host';

/** Lets the MutationObservers run (they are called in a microtask after the change). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const el of document.querySelectorAll(HOST_TAG)) el.remove();
});

describe('the overlay’s host in a page that removes it', () => {
  it('is put back, with what it showed, when the page removes it', async () => {
    const { host, root } = createShadowHost(document, '');
    root.append(document.createElement('p'));
    keepInDocument(document, host, () => undefined);
    host.remove();
    await settle();
    expect(host.isConnected).toBe(true);
    expect(root.querySelector('p')).not.toBeNull();
  });

  it('comes back a bounded number of times; a page that keeps at it gets one give-up and no loop', async () => {
    const { host } = createShadowHost(document, '');
    let gaveUp = 0;
    keepInDocument(document, host, () => gaveUp++);
    // The page removes whatever it did not make, every time it appears.
    let removals = 0;
    const page = new MutationObserver(() => {
      if (host.isConnected) {
        host.remove();
        removals++;
      }
    });
    page.observe(document.documentElement, { childList: true });
    host.remove();
    removals++;
    for (let i = 0; i < 20; i++) await settle();
    page.disconnect();
    // Put back three times (README), removed four.
    expect(removals).toBe(4);
    expect(gaveUp).toBe(1);
    expect(host.isConnected).toBe(false);
  });

  it('stops watching when asked', async () => {
    const { host } = createShadowHost(document, '');
    const stop = keepInDocument(document, host, () => undefined);
    stop();
    host.remove();
    await settle();
    expect(host.isConnected).toBe(false);
  });
});
