import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '@/components/explanation-card.css?inline';
import { Overlay } from '@/components/overlay';
import overlayCss from '@/components/overlay.css?inline';
import { send } from '@/lib/messaging';
import { createShadowHost } from '@/lib/shadow-host';

// Injected by the background into failing tabs only (never declared for all pages).
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  async main() {
    // The background may inject twice into one document (completion and commit race).
    const marker = Symbol.for('5xx-explainer.overlay');
    const scope = globalThis as Record<symbol, unknown>;
    if (scope[marker]) return;
    scope[marker] = true;

    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const incident = await send('overlay:claim', { url: location.href, navStatus: nav?.responseStatus ?? 0 });
    if (!incident) {
      scope[marker] = false;
      return;
    }
    const { host, root } = createShadowHost(document, `${overlayCss}\n${cardCss}`);
    const close = () => {
      render(null, root);
      host.remove();
    };
    render(<Overlay incident={incident} onRetry={() => location.reload()} onClose={close} />, root);
  },
});
