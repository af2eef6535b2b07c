import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '@/components/card/explanation-card.css?inline';
import { OtherNetworksContext } from '@/components/card/other-networks-api';
import languagesCss from '@/components/i18n/languages.css?inline';
import overlayCss from '@/components/overlay/overlay.css?inline';
import { OverlayApp } from '@/components/overlay/overlay-app';
import { MAX_BODY_CHARS } from '@/lib/diagnosis/body-limit';
import type { Burst, OverlayPayload } from '@/lib/failure/model';
import { markLanguage } from '@/lib/i18n/translate';
import { otherNetworksClient } from '@/lib/messaging/other-networks-client';
import { isEnvelope } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/send';
import { maySend, senderContext } from '@/lib/messaging/sender';
import { ownOrigin } from '@/lib/platform/own-origin';
import { createShadowHost, keepInDocument } from '@/lib/platform/shadow-host';

/** Asks the background what to show in this document: its failure, a notice, or nothing. */
function claim(): Promise<OverlayPayload | null> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  // Which page this is, the background reads from the browser, not from us.
  return send('overlay:claim', {
    navStatus: nav?.responseStatus ?? 0,
    // How long the answer took (0 when the browser does not say): a refused server answers at once.
    responseMs: nav && nav.responseStart > 0 ? nav.responseStart - nav.requestStart : 0,
    // A bounded prefix of the rendered page, for the diagnosis: never stored, never shown as HTML.
    body: document.documentElement.outerHTML.slice(0, MAX_BODY_CHARS),
  });
}

// Injected by the background into failing tabs only (never declared for all pages).
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  async main() {
    // The background injects again into a document that already has us (completion and commit
    // race, or a notice came first): then the script already here claims again, so that the
    // page's own failure, once known, replaces a notice (a top-level failure always wins).
    const marker = Symbol.for('5xx-explainer.overlay');
    const scope = globalThis as Record<symbol, unknown>;
    const running = scope[marker];
    if (typeof running === 'function') {
      running();
      return;
    }
    if (running) return;
    scope[marker] = true;

    // Listen before claiming: a burst can grow while the claim is on its way, and what arrives
    // before the notice is on screen is kept for it, not lost.
    let latest: Burst | undefined;
    let deliver: ((burst: Burst) => void) | undefined;
    const origin = ownOrigin();
    // The popup's "Show explanation": true only when the card is on screen again.
    let show: (() => boolean) | undefined;
    const listener = (message: unknown, sender: Parameters<typeof senderContext>[0]) => {
      // Only the popup asks for the card again, only the background tells of bursts
      // (lib/messaging/protocol.ts, SENDERS).
      const from = senderContext(sender, browser.runtime.id, origin);
      if (isEnvelope(message, ['overlay:show'])) {
        return maySend(from, 'overlay:show') ? Promise.resolve(show?.() ?? false) : undefined;
      }
      if (!isEnvelope(message, ['overlay:notice'])) return;
      if (!maySend(from, 'overlay:notice')) return;
      latest = message.body.burst;
      deliver?.(latest);
      return Promise.resolve(true);
    };
    browser.runtime.onMessage.addListener(listener);

    const first = await claim();
    if (!first) {
      browser.runtime.onMessage.removeListener(listener);
      scope[marker] = false;
      return;
    }
    const { host, root } = createShadowHost(document, `${overlayCss}\n${cardCss}\n${languagesCss}`);
    markLanguage(host);
    let kind = first.kind;
    // A page that keeps removing the card (some frameworks re-render the whole document) gets it
    // back a few times; after that the popup shows the explanation, and the badge keeps the code.
    keepInDocument(document, host, () => {
      if (kind === 'page') void send('overlay:hidden', {}).catch(() => undefined);
    });

    // "This is my site": the background keeps it for this tab's own site, whatever the page says.
    const mySite = {
      load: () => send('site:mine', {}),
      save: (mine: boolean) => send('site:mine', { mine }),
    };
    const mount = (payload: OverlayPayload) => {
      kind = payload.kind;
      const subscribe = (onBurst: (burst: Burst) => void) => {
        deliver = onBurst;
        const shown = payload.kind === 'notice' ? payload.burst : undefined;
        const newer =
          latest && (!shown || latest.id > shown.id || (latest.id === shown.id && latest.count > shown.count));
        if (latest && newer) onBurst(latest);
        return () => {
          deliver = undefined;
        };
      };
      // "Check from other networks": the overlay may not ask for a permission, so the person agrees in the settings.
      render(
        <OtherNetworksContext.Provider value={otherNetworksClient()}>
          <OverlayApp
            key={payload.kind}
            initial={payload}
            root={root}
            subscribe={subscribe}
            onShowRequest={(handler) => {
              show = handler;
            }}
            check={() => send('reload:check', { url: location.href })}
            checkNow={() => send('site:check', { url: location.href })}
            siteStatus={() => send('site:status', {})}
            copyReport={() => send('report:copy', {})}
            mySite={mySite}
            reload={() => location.reload()}
            back={() => history.back()}
            onQuiet={() => send('site:quiet', {}).catch(() => false)}
            openDetails={() => send('popup:open', {}).catch(() => false)}
          />
        </OtherNetworksContext.Provider>,
        root,
      );
    };
    mount(first);
    scope[marker] = () => {
      if (kind === 'page') return;
      void claim()
        .then((payload) => {
          if (payload?.kind === 'page' && kind !== 'page') mount(payload);
        })
        .catch(() => undefined);
    };
  },
});
