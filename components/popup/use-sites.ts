import { useEffect, useState } from 'preact/hooks';
import type { SiteSummary } from '@/lib/log/model';
import { loggedSiteOf } from '@/lib/site/logged-site';
import type { LogApi } from './log-api';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

/**
 * Every site in the log, the tab's own site among them, and the one shown: the tab's site
 * first, else the latest. Reads again whenever `version` moves on.
 */
export function useSites(api: LogApi, version: number) {
  const [sites, setSites] = useState<Loaded<SiteSummary[]>>({ state: 'loading' });
  const [site, setSite] = useState<string | null>(null);
  const [currentSite, setCurrentSite] = useState<string | null>(null);

  useEffect(() => {
    api.summaries().then(
      (value) => {
        const here = api.currentTab
          ? loggedSiteOf(
              api.currentTab.hostname,
              value.map((s) => s.site),
            )
          : null;
        setCurrentSite(here);
        setSites({ state: 'ready', value });
        setSite((chosen) => chosen ?? here ?? value[0]?.site ?? null);
      },
      (error) => setSites({ state: 'error', error: String(error) }),
    );
  }, [api, version]);

  return { sites, site, setSite, currentSite };
}
