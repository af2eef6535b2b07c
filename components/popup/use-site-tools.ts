import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Phrase } from '@/lib/i18n/translate';
import { failureLabel } from '@/lib/log/failure-label';
import type { CheckRecord, Incident } from '@/lib/log/model';
import type { JustMeAnswer } from '@/lib/owner-tools/just-me';
import type { Watch, WatchEvent } from '@/lib/owner-tools/watch';
import type { LogApi } from './log-api';

/** How the last "Check now" compares with the site's latest failure. */
function comparison(check: CheckRecord, latest: Incident): Phrase {
  return check.status === latest.status
    ? { key: 'tools_check_same' }
    : { key: 'tools_check_differs', subs: [failureLabel(latest)] };
}

/**
 * The site-owner tools' state for one site: the last "Check now", the site's checks, "Is it
 * just me?", its watch and what watches found, and whether notifications may be shown.
 */
export function useSiteTools(
  api: LogApi,
  site: string | null,
  version: number,
  /** The address to check: the tab's own, else the page of the site's latest failure. */
  targetUrl: string | null,
  latest: Incident | undefined,
) {
  const [check, setCheck] = useState<CheckRecord | null>(null);
  const [checking, setChecking] = useState(false);
  const [checks, setChecks] = useState<CheckRecord[]>([]);
  const [justMe, setJustMe] = useState<JustMeAnswer | null>(null);
  const [watches, setWatches] = useState<Watch[]>([]);
  const [events, setEvents] = useState<WatchEvent[]>([]);
  const [notifications, setNotifications] = useState(false);
  const loadWatches = useCallback(
    () =>
      api.watches().then((w) => {
        setWatches(w.watches);
        setEvents(w.events);
      }),
    [api],
  );

  useEffect(() => {
    if (!site) return;
    setCheck(null);
    setJustMe(null);
    void api.siteChecks(site).then(setChecks);
    void loadWatches();
    void api.notificationsAllowed().then(setNotifications);
  }, [api, site, version, loadWatches]);

  const watch = watches.find((w) => w.site === site) ?? null;
  // Named as SiteTools' props, which it is given whole.
  return {
    check,
    checking,
    checks,
    comparison: check && latest ? comparison(check, latest) : null,
    justMe,
    watch,
    events: events.filter((e) => e.site === site),
    notifications,
    onRefresh: loadWatches,
    async onCheck() {
      if (!targetUrl || !site) return;
      setChecking(true);
      try {
        setCheck(await api.check(targetUrl));
        setChecks(await api.siteChecks(site));
      } finally {
        setChecking(false);
      }
    },
    async onWatch(interval: number, duration: number) {
      if (!targetUrl || !site) return;
      const started = await api.startWatch(targetUrl, interval, duration);
      void started.notifications.then(setNotifications);
      await loadWatches();
      setChecks(await api.siteChecks(site));
    },
    async onStopWatch() {
      if (watch) await api.stopWatch(watch.site);
      await loadWatches();
    },
    async onJustMe() {
      if (site) setJustMe(await api.justMe(site));
    },
  };
}
