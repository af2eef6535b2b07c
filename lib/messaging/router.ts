import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { MAX_BODY_CHARS } from '@/lib/diagnosis/body-limit';
import { parseExplainParams } from '@/lib/failure/explain-page-url';
import type { FailureFlow } from '@/lib/failure/flow';
import type { OverlayPayload } from '@/lib/failure/model';
import { readTabFailure } from '@/lib/failure/tab-failure';
import { TabState } from '@/lib/failure/tab-state';
import { supportReport } from '@/lib/i18n/support-report';
import { t } from '@/lib/i18n/translate';
import { recordCheck, siteChecks } from '@/lib/log/checks';
import { incidentById, queryIncidents, siteSummaries } from '@/lib/log/incidents';
import { type Incident, LOCAL_SOURCE } from '@/lib/log/model';
import { isLogged } from '@/lib/owner-tools/check';
import { checkSite } from '@/lib/owner-tools/check-browser';
import { isItJustMe } from '@/lib/owner-tools/just-me';
import {
  createOtherNetworks,
  loadGlobalping,
  type OtherNetworksTarget,
} from '@/lib/owner-tools/other-networks-browser';
import type { PageFacts } from '@/lib/owner-tools/outbound';
import { isKnownPage, pageFacts } from '@/lib/owner-tools/page-facts-browser';
import type { RecentHealthy } from '@/lib/owner-tools/recent-healthy';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import { lookupStatus } from '@/lib/owner-tools/status-page-browser';
import { listWatches, startWatch, stopWatch, watchEvents } from '@/lib/owner-tools/watch-browser';
import { copyFromBackground } from '@/lib/platform/clipboard';
import { ownOrigin } from '@/lib/platform/own-origin';
import { isMySite, loadSettings, saveMySite, saveSettings } from '@/lib/settings';
import { loadSiteOf } from '@/lib/site/psl-browser';
import { type Context, isEnvelope, type MessageName, type Protocol, SENDERS } from './protocol';
import { maySend, senderContext } from './sender';

/** Who sent a message, as the browser says: the context, and for a content script or a page in a tab, the tab. */
interface Caller {
  context: Context;
  /** The sender's own address (a content script's: its document's). */
  url: string;
  /** A content script's document, when the browser names it (Chromium; Firefox 153 and later). */
  documentId?: string;
  tab?: { id: number; url: string; incognito: boolean };
}

type Handler<K extends MessageName> = (
  body: Protocol[K]['request'],
  caller: Caller,
) => Promise<Protocol[K]['response']> | undefined;

const NO_ANSWER: CheckResult = { status: null, retryAfter: null };

/** An incident as a web page may hold it: without the person's name for their network. */
function forPage(incident: Incident): Incident {
  return { ...incident, vantage: { ...incident.vantage, networkLabel: '' } };
}

/** An http(s) address without its fragment, or null. */
function pageAddress(url: string | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url.replace(/#.*$/s, '') : null;
}

/**
 * The background's answers to the typed messages (./protocol.ts). Each message is refused unless
 * SENDERS lets the sender's context send it (deny by default). A content script runs inside a
 * page we do not trust: whatever it asks about is its own tab, whose address, site and privacy
 * come from the browser (`sender.tab`), never from the message; and in a private window it gets
 * no checks unless the person allowed private logging. Touches the browser and the clock.
 */
export function createRouter(flow: FailureFlow, healthy: RecentHealthy) {
  const origin = ownOrigin();
  // What each tab's overlay shows, for "Copy details for support" (the page never supplies the text).
  const shown = new TabState<Incident>(browser.storage.session, 'shown');
  const facts = (url: string) => pageFacts(url, healthy);
  const privateAllowed = async (caller: Caller) =>
    !caller.tab?.incognito || (await loadSettings(browser.storage.local)).logPrivate;
  const networks = createOtherNetworks(loadGlobalping);

  /** This browser's own incident of a site by its id, or null: a check's answer is kept only with such. */
  async function ownIncident(id: unknown, site: string): Promise<Incident | null> {
    if (!Number.isSafeInteger(id)) return null;
    const incident = await incidentById(id as number);
    return incident?.site === site && incident.source === LOCAL_SOURCE ? incident : null;
  }

  /**
   * What a check from other networks is about: a content script's own tab (whatever its message
   * names), the address the explanation page explains, or a page the popup names that the
   * person has open or failed on. Null when none may be checked (nothing is sent then).
   */
  async function networksTarget(
    body: { url: string; incidentId?: number },
    caller: Caller,
  ): Promise<OtherNetworksTarget | null> {
    const siteOf = await loadSiteOf();
    if (caller.context === 'content' || caller.context === 'explain') {
      const explained = caller.context === 'explain' ? parseExplainParams(new URL(caller.url).search) : null;
      const url = pageAddress(explained ? (explained.url ?? undefined) : caller.tab?.url);
      if (!url || !(await privateAllowed(caller))) return null;
      const site = siteOf(url);
      const about = explained ? explained.incident : caller.tab ? await shown.get(caller.tab.id) : undefined;
      const incident =
        (await ownIncident(about?.id, site)) ?? (about?.site === site ? { ...about, id: undefined } : null);
      return { url, site, incident };
    }
    const url = pageAddress(String(body.url));
    const { logPrivate } = await loadSettings(browser.storage.local);
    if (!url || !(await isKnownPage(url, logPrivate))) return null;
    const site = siteOf(url);
    return { url, site, incident: await ownIncident(body.incidentId, site) };
  }

  /**
   * The page a check is for: a content script's own tab, the address the explanation page
   * explains, or a page the popup names that the person has open or failed on. An address and
   * why it may not be checked otherwise; no address at all when there is nothing to check.
   */
  async function checkTarget(
    body: { url: string },
    caller: Caller,
  ): Promise<{ url: string | null; page: PageFacts | null; refusal?: 'refused' | 'private' }> {
    if (caller.context === 'content') {
      const url = pageAddress(caller.tab?.url);
      if (!url) return { url, page: null };
      return (await privateAllowed(caller)) ? { url, page: await facts(url) } : { url, page: null, refusal: 'private' };
    }
    if (caller.context === 'explain') {
      // The explanation page checks the address it explains, as its own URL carries it.
      const { url, incident } = parseExplainParams(new URL(caller.url).search);
      if (!url || pageAddress(url) !== pageAddress(String(body.url))) return { url: null, page: null };
      if (!(await privateAllowed(caller))) return { url, page: null, refusal: 'private' };
      const known = await facts(url);
      return { url, page: { url, ip: known.ip ?? incident?.ip ?? null } };
    }
    const url = pageAddress(String(body.url));
    if (!url) return { url, page: null };
    const { logPrivate } = await loadSettings(browser.storage.local);
    return (await isKnownPage(url, logPrivate))
      ? { url, page: await facts(url) }
      : { url, page: null, refusal: 'refused' };
  }

  const handlers: { [K in MessageName]?: Handler<K> } = {
    'overlay:claim': async ({ navStatus, body, responseMs }, caller) => {
      const tabId = caller.tab?.id;
      if (tabId === undefined) return null;
      const payload = await flow.onClaim(
        tabId,
        caller.url,
        Number(navStatus) || 0,
        String(body ?? '').slice(0, MAX_BODY_CHARS),
        Number(responseMs),
        caller.documentId,
      );
      if (payload?.kind !== 'page') return payload;
      const incident = forPage(payload.incident);
      await shown.set(tabId, incident);
      return { ...payload, incident } satisfies OverlayPayload;
    },
    // The badge keeps the code; its tooltip says the explanation is one click away, in the popup.
    'overlay:hidden': async (_body, caller) => {
      const tabId = caller.tab?.id;
      const label = tabId === undefined ? null : await flow.onHidden(tabId, caller.url);
      if (tabId === undefined || label === null) return false;
      await browser.action.setTitle({ tabId, title: t('action_title_hidden', label) }).catch(() => undefined);
      return true;
    },
    // The browser opens the popup on the active tab: the one the person just clicked in.
    'popup:open': () =>
      browser.action.openPopup().then(
        () => true,
        () => false,
      ),
    // "Reload when it's back" asks the same question as Check now; only the answer it needs
    // (is it back, and when to ask again) goes back, and nothing is logged.
    'reload:check': async (body, caller) => {
      const { page } = await checkTarget(body, caller);
      if (!page) return NO_ANSWER;
      const check = await checkSite(page.url, 'check', page);
      return { status: check.status, retryAfter: check.diagnosis.retryAfter?.seconds ?? null };
    },
    'site:check': async (body, caller) => {
      const { url, page, refusal } = await checkTarget(body, caller);
      if (!url) throw new Error('Nothing to check');
      const check = await checkSite(url, 'check', page, refusal);
      if (isLogged(check)) check.id = await recordCheck(check).catch(() => undefined);
      return check;
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
    'networks:check': async (body, caller) => {
      const target = await networksTarget(body, caller);
      return target ? networks.start(target) : { state: 'refused' };
    },
    'networks:status': async (body, caller) => {
      const target = await networksTarget(body, caller);
      return target ? networks.status(target.site) : { state: 'refused' };
    },
    // The overlay cannot ask for a permission: the settings page can, after the person reads why.
    'networks:setup': async () => {
      await browser.tabs.create({ url: `${origin}/options.html#other-networks` });
      return true;
    },
    'site:status': async (_body, caller) => {
      const url = pageAddress(caller.tab?.url);
      if (!url || !(await privateAllowed(caller))) return null;
      const site = (await loadSiteOf())(url);
      return lookupStatus(site, url.startsWith('http:') ? 'http:' : 'https:', Date.now(), await facts(url));
    },
    'site:quiet': async (_body, caller) => {
      const url = pageAddress(caller.tab?.url);
      if (!url) return false;
      const site = (await loadSiteOf())(url);
      const { quietSites } = await loadSettings(browser.storage.local);
      await saveSettings(browser.storage.local, { quietSites: [...quietSites, site] });
      return true;
    },
    // Only ever the sender's own tab's site; a private window may read it, never write it.
    'site:mine': async ({ mine }, caller) => {
      const url = pageAddress(caller.tab?.url);
      if (!url) return false;
      const site = (await loadSiteOf())(url);
      const area = browser.storage.local;
      if (typeof mine !== 'boolean' || caller.tab?.incognito) return isMySite(area, site);
      return saveMySite(area, site, mine);
    },
    'report:copy': async (_body, caller) => {
      const incident = caller.tab && (await shown.get(caller.tab.id));
      return incident ? copyFromBackground(supportReport(incident, t)) : false;
    },
    'watch:start': async ({ url, intervalMinutes, durationMinutes }, caller) => {
      const { page } = await checkTarget({ url }, caller);
      if (!page) return null;
      return startWatch(page.url, Number(intervalMinutes), Number(durationMinutes), facts);
    },
    'watch:stop': async ({ site }) => {
      await stopWatch(String(site));
      return null;
    },
    'watch:list': async () => ({ watches: await listWatches(), events: await watchEvents() }),
    'tab:failure': ({ tabId }) => readTabFailure(flow, Number(tabId), { byId: incidentById, query: queryIncidents }),
  };

  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    const names = Object.keys(SENDERS) as MessageName[];
    if (!isEnvelope(message, names)) return undefined;
    const context = senderContext(sender, browser.runtime.id, origin);
    const handler = handlers[message.name] as Handler<MessageName> | undefined;
    if (!handler || !maySend(context, message.name) || context === null) return undefined;
    const tab =
      sender.tab?.id === undefined
        ? undefined
        : { id: sender.tab.id, url: sender.tab.url ?? '', incognito: sender.tab.incognito === true };
    const documentId = typeof sender.documentId === 'string' ? sender.documentId : undefined;
    return handler(message.body as never, {
      context,
      url: sender.url ?? '',
      ...(documentId ? { documentId } : {}),
      ...(tab ? { tab } : {}),
    });
  };

  return {
    listener,
    /** Forgets what a closed tab's overlay showed. */
    forgetTab: (tabId: number) => shown.take(tabId),
  };
}
