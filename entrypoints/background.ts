import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browserEffects } from '@/lib/browser-effects';
import { createFailureFlow } from '@/lib/failure-flow';
import { WATCHED_TYPES } from '@/lib/incident';
import { isEnvelope } from '@/lib/messages';
import { PendingByTab } from '@/lib/pending';

export default defineBackground(() => {
  const flow = createFailureFlow(browserEffects, new PendingByTab(browser.storage.session));

  // The hot path: every watched request of every page ends here. Healthy ones return at once.
  browser.webRequest.onCompleted.addListener(
    (details) => {
      if (details.statusCode < 500) return;
      void flow.onFailure(details);
    },
    { urls: ['<all_urls>'], types: [...WATCHED_TYPES] },
    ['responseHeaders'],
  );

  browser.webNavigation.onCommitted.addListener((details) => void flow.onCommitted(details));
  browser.webNavigation.onErrorOccurred.addListener((details) => void flow.onNavigationError(details));
  browser.tabs.onRemoved.addListener((tabId) => void flow.onTabRemoved(tabId));

  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id || !isEnvelope(message, ['overlay:claim'])) return;
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return Promise.resolve(null);
    return flow.onClaim(tabId, message.body.url, message.body.navStatus);
  });
});
