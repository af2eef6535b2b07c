import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { MAX_BODY_CHARS } from '@/lib/diagnosis/body-limit';
import type { FailureFlow } from '@/lib/failure/flow';
import { readTabFailure } from '@/lib/failure/tab-failure';
import { recordCheck, siteChecks } from '@/lib/log/checks';
import { incidentById, queryIncidents, siteSummaries } from '@/lib/log/incidents';
import { checkSite } from '@/lib/owner-tools/check-browser';
import { isItJustMe } from '@/lib/owner-tools/just-me';
import type { RecentHealthy } from '@/lib/owner-tools/recent-healthy';
import { lookupStatus } from '@/lib/owner-tools/status-page-browser';
import { listWatches, startWatch, stopWatch, watchEvents } from '@/lib/owner-tools/watch-browser';
import { ownOrigin } from '@/lib/platform/own-origin';
import { loadSettings } from '@/lib/settings';
import { isEnvelope, type MessageName, type Protocol } from './protocol';

const HTTP = /^https?:\/\//i;

type Handler<K extends MessageName> = (
  body: Protocol[K]['request'],
  sender: Browser.runtime.MessageSender,
) => Promise<Protocol[K]['response']> | undefined;

/**
 * The background's answers to the typed messages (./protocol.ts). Each handler checks what it
 * is given: only our own content scripts and pages can send messages, but a content script
 * runs inside a page we do not trust. Touches the browser and the clock.
 */
export function createRouter(flow: FailureFlow, healthy: RecentHealthy) {
  const origin = ownOrigin();
  /** A content script in a web page (not one of our own pages, which may also sit in a tab). */
  const inPage = (sender: Browser.runtime.MessageSender) => !sender.url?.startsWith(origin);
  const handlers: { [K in MessageName]?: Handler<K> } = {
    'overlay:claim': ({ url, navStatus, body, responseMs }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return Promise.resolve(null);
      const page = String(body ?? '').slice(0, MAX_BODY_CHARS);
      return flow.onClaim(tabId, String(url), Number(navStatus) || 0, page, Number(responseMs));
    },
    // "Reload when it's back" asks the same question as Check now; only the answer it needs
    // (is it back, and when to ask again) goes back, and nothing is logged.
    'reload:check': ({ url }) => {
      if (!HTTP.test(String(url))) return Promise.resolve({ status: null, retryAfter: null });
      return checkSite(String(url), 'check').then((check) => ({
        status: check.status,
        retryAfter: check.diagnosis.retryAfter?.seconds ?? null,
      }));
    },
    'site:check': ({ url }, sender) => {
      // A page's overlay may only check its own address.
      if (!HTTP.test(String(url)) || (inPage(sender) && sender.tab?.url !== url)) return undefined;
      return checkSite(String(url), 'check').then(async (check) => {
        check.id = await recordCheck(check).catch(() => undefined);
        return check;
      });
    },
    'site:just-me': async (body) => {
      const site = String(body.site);
      const now = Date.now();
      const [incidents, checks, summaries, settings] = await Promise.all([
        queryIncidents({ site, limit: 200 }),
        siteChecks(site),
        siteSummaries(),
        loadSettings(browser.storage.local),
      ]);
      const host = incidents[0] ? new URL(incidents[0].pageUrl).host : '';
      return isItJustMe({
        site,
        now,
        networkLabel: settings.networkLabel,
        incidents,
        checks,
        summaries,
        healthyElsewhere: healthy.hostsSince(now - 5 * 60_000, host),
      });
    },
    'site:status': ({ site, scheme }) =>
      lookupStatus(String(site), scheme === 'http:' ? 'http:' : 'https:', Date.now()),
    'watch:start': ({ url, intervalMinutes, durationMinutes }, sender) => {
      if (!HTTP.test(String(url)) || inPage(sender)) return undefined;
      return startWatch(String(url), Number(intervalMinutes), Number(durationMinutes));
    },
    'watch:stop': ({ url }, sender) => (inPage(sender) ? undefined : stopWatch(String(url)).then(() => null)),
    'watch:list': async () => ({ watches: await listWatches(), events: await watchEvents() }),
    'tab:failure': ({ tabId }, sender) =>
      inPage(sender) ? undefined : readTabFailure(flow, Number(tabId), { byId: incidentById, query: queryIncidents }),
  };

  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const names = Object.keys(handlers) as MessageName[];
    if (!isEnvelope(message, names)) return undefined;
    const handler = handlers[message.name] as Handler<MessageName> | undefined;
    return handler?.(message.body as never, sender);
  };
}
