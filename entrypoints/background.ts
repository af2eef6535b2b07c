import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createTabRecall } from '@/lib/failure/firefox-tab-recall';
import { createFailureFlow } from '@/lib/failure/flow';
import { browserEffects } from '@/lib/failure/flow-browser';
import { WATCHED_TYPES } from '@/lib/failure/model';
import { createNetworkErrorListener } from '@/lib/failure/network-listener';
import { RequestStarts } from '@/lib/failure/request-starts';
import { createMissedFailureWatch } from '@/lib/failure/startup-catch-up';
import { t } from '@/lib/i18n/translate';
import { enforceRetention, RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from '@/lib/log/retention';
import { createRouter } from '@/lib/messaging/router';
import { GLOBALPING_SCRIPT } from '@/lib/owner-tools/other-networks';
import { pageFacts } from '@/lib/owner-tools/page-facts-browser';
import { RecentHealthy } from '@/lib/owner-tools/recent-healthy';
import { restoreWatches, runWatch } from '@/lib/owner-tools/watch-browser';
import { ALL_SITES, showHostAccess } from '@/lib/platform/host-access';
import { registerLazyScript } from '@/lib/platform/lazy-script';
import { ownOrigin } from '@/lib/platform/own-origin';
import { restrictStorage } from '@/lib/platform/storage-access';

export default defineBackground(() => {
  const flow = createFailureFlow(browserEffects, browser.storage.session, ownOrigin());
  const healthy = new RecentHealthy();
  const router = createRouter(flow, healthy);
  const facts = (url: string) => pageFacts(url, healthy);

  // Settings, watches and status-page addresses are not for content scripts (Chromium 140+;
  // Firefox has no way to say so: README, threat model). The overlay writes through messages.
  void restrictStorage(browser.storage.local);

  // "Check from other networks" brings its code only when a person uses it; Chromium's worker
  // can import it later only if it saw it at install (lib/platform/lazy-script.ts).
  registerLazyScript(GLOBALPING_SCRIPT);

  // Firefox can report tabId -1 on completion of a navigation it started itself (the address
  // bar): a main-frame listener keeps the tab of failing ones (lib/failure/firefox-tab-recall.ts).
  const recall = import.meta.env.FIREFOX ? createTabRecall() : undefined;
  if (recall) {
    browser.webRequest.onHeadersReceived.addListener((details) => void recall.remember(details), {
      urls: ['<all_urls>'],
      types: ['main_frame'],
    });
  }

  // When each page load starts: how long a failing one took tells a refused server from a slow
  // one, and is a network error's elapsed time (its tab too, which Firefox may have lost by
  // then). Top-level requests only, one map write each (lib/failure/request-starts.ts).
  const starts = new RequestStarts();
  // Pages that failed while the extension was starting, before webRequest reported to it: asked
  // of the page until webRequest reports (lib/failure/startup-catch-up.ts).
  const missed = createMissedFailureWatch(flow, browser.storage.session);
  browser.webRequest.onBeforeRequest.addListener(
    (d) => {
      missed.heard();
      starts.note(d.requestId, d.tabId, d.timeStamp);
      return undefined;
    },
    {
      urls: ['<all_urls>'],
      types: ['main_frame'],
    },
  );

  // The hot path: every watched request of every page ends here. Healthy ones return at once.
  browser.webRequest.onCompleted.addListener(
    (details) => {
      if (details.statusCode < 500) {
        // For "Is it just me?": which other sites load right now. Two array writes, pages only.
        if (details.type === 'main_frame') healthy.note(details.url, details.timeStamp, details.ip);
        return;
      }
      const started = details.type === 'main_frame' ? starts.take(details.requestId)?.time : undefined;
      void flow.onFailure(recall ? recall.restore(details) : details, started);
    },
    { urls: ['<all_urls>'], types: [...WATCHED_TYPES] },
    ['responseHeaders'],
  );

  // Requests that got no response ("This site can't be reached"): pages are explained and
  // logged, sub-requests counted (lib/failure/network-listener.ts).
  const onNetworkError = createNetworkErrorListener(flow, starts);
  browser.webRequest.onErrorOccurred.addListener((details) => void onNetworkError(details), {
    urls: ['<all_urls>'],
    types: [...WATCHED_TYPES],
  });

  browser.webNavigation.onCommitted.addListener((details) => {
    void flow.onCommitted(details);
    void missed.committed(details);
  });
  const openPages = () => void missed.openPages();
  browser.runtime.onInstalled.addListener(openPages);
  browser.runtime.onStartup.addListener(openPages);
  browser.webNavigation.onErrorOccurred.addListener((details) => void flow.onNavigationError(details));
  browser.tabs.onRemoved.addListener((tabId) => {
    void flow.onTabRemoved(tabId);
    void router.forgetTab(tabId);
  });

  // A person can withhold access to all sites (Firefox: about:addons → Permissions): say so on
  // the toolbar button rather than fall silent (lib/platform/host-access.ts).
  const checkHostAccess = () =>
    void browser.permissions
      .contains(ALL_SITES)
      .then((granted) => showHostAccess(granted, browser.action, t))
      .catch(() => undefined);
  browser.runtime.onInstalled.addListener(checkHostAccess);
  browser.runtime.onStartup.addListener(checkHostAccess);
  browser.permissions.onAdded.addListener(checkHostAccess);
  browser.permissions.onRemoved.addListener(checkHostAccess);

  // Retention and watches run on alarms, which survive the worker stopping; a browser restart
  // may drop alarms, so they are put back from storage when the browser starts.
  const schedule = () => {
    void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES });
    void restoreWatches();
  };
  browser.runtime.onInstalled.addListener(schedule);
  browser.runtime.onStartup.addListener(schedule);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void enforceRetention(browser.storage.local, Date.now());
    else if (alarm.name.startsWith('watch:')) void runWatch(alarm.name.slice('watch:'.length), facts);
  });

  browser.runtime.onMessage.addListener(router.listener);
});
