import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/export/files';
import { type Phrase, phraseText, t } from '@/lib/i18n/translate';
import type { Query } from '@/lib/log/incidents';
import {
  type CheckRecord,
  HOUR_MS,
  type HourlyCount,
  type Incident,
  LOCAL_SOURCE,
  type SiteSummary,
} from '@/lib/log/model';
import { type Bucket, bucketize, RANGES, type RangeKey } from '@/lib/log/timeline';
import { isUp } from '@/lib/owner-tools/check';
import type { JustMeAnswer } from '@/lib/owner-tools/just-me';
import type { Watch, WatchEvent } from '@/lib/owner-tools/watch';
import { loggedSiteOf } from '@/lib/site/site';
import { DataPanel } from './data-panel';
import { IncidentDetail } from './incident-detail';
import type { LanePoint } from './network-lanes';
import { SiteLog } from './site-log';
import { SiteTable } from './site-table';
import { SiteTools } from './site-tools';

/** Everything the popup reads and does, passed in so the popup is testable without a browser. */
export interface LogApi {
  /** The host and address of the tab the popup is about; null on pages without one. */
  currentHost: string | null;
  currentUrl: string | null;
  summaries(): Promise<SiteSummary[]>;
  incidents(query: Query): Promise<Incident[]>;
  /** A site's failures per hour and status (the chart's data). */
  hourly(site: string, sinceHour: number): Promise<HourlyCount[]>;
  exportLog(format: ExportFormat, site: string | null): Promise<void>;
  /** Imports a JSON export; how many incidents were added, or why the file was refused. */
  importLog(file: File): Promise<{ ok: true; count: number; source: string } | { ok: false; error: Phrase }>;
  clearSite(site: string): Promise<void>;
  clearAll(): Promise<void>;
  copyReport(incident: Incident): Promise<boolean>;
  now(): number;
  check(url: string): Promise<CheckRecord>;
  siteChecks(site: string): Promise<CheckRecord[]>;
  justMe(site: string): Promise<JustMeAnswer>;
  watches(): Promise<{ watches: Watch[]; events: WatchEvent[] }>;
  /** Asks for the notifications permission (in the click's user gesture), then starts the watch. */
  startWatch(
    url: string,
    intervalMinutes: number,
    durationMinutes: number,
  ): Promise<{ watch: Watch; notifications: Promise<boolean> }>;
  stopWatch(url: string): Promise<void>;
  notificationsAllowed(): Promise<boolean>;
}

/** Incidents and checks as points on the "By network" timeline. */
function lanePoints(incidents: readonly Incident[], checks: readonly CheckRecord[]): LanePoint[] {
  const none = t('tools_unlabelled');
  return [
    ...incidents.map((i) => ({
      time: i.time,
      label: i.vantage.networkLabel || (i.source !== LOCAL_SOURCE ? i.source : none),
      ok: false,
      title: String(i.status),
    })),
    ...checks.map((c) => ({
      time: c.time,
      label: c.networkLabel || none,
      ok: isUp(c),
      title: c.status === null ? (c.error ?? '—') : String(c.status),
    })),
  ];
}

export interface Props {
  api: LogApi;
}

const PAGE = 50;
const BARS = 24;

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

/**
 * The toolbar popup: this site's failures first (chart, filters, list), every site in the log,
 * then export, import and clearing. It pages: never more than it shows is read.
 */
export function PopupApp({ api }: Props) {
  const [sites, setSites] = useState<Loaded<SiteSummary[]>>({ state: 'loading' });
  const [site, setSite] = useState<string | null>(null);
  const [currentSite, setCurrentSite] = useState<string | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [range, setRange] = useState<RangeKey>('all');
  const [limit, setLimit] = useState(PAGE);
  const [list, setList] = useState<Incident[]>([]);
  const [buckets, setBuckets] = useState<Bucket[] | null>(null);
  const [codes, setCodes] = useState<number[]>([]);
  const [open, setOpen] = useState<Incident | null>(null);
  const [copyStatus, setCopyStatus] = useState<'copied' | 'failed' | null>(null);
  const [importMessage, setImportMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const [check, setCheck] = useState<CheckRecord | null>(null);
  const [checking, setChecking] = useState(false);
  const [checks, setChecks] = useState<CheckRecord[]>([]);
  const [justMe, setJustMe] = useState<JustMeAnswer | null>(null);
  const [watches, setWatches] = useState<Watch[]>([]);
  const [events, setEvents] = useState<WatchEvent[]>([]);
  const loadWatches = useCallback(
    () =>
      api.watches().then((w) => {
        setWatches(w.watches);
        setEvents(w.events);
      }),
    [api],
  );
  const [notifications, setNotifications] = useState(false);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    api.summaries().then(
      (value) => {
        const here = api.currentHost
          ? loggedSiteOf(
              api.currentHost,
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

  useEffect(() => {
    if (!site) return;
    setCheck(null);
    setJustMe(null);
    void api.siteChecks(site).then(setChecks);
    void loadWatches();
    void api.notificationsAllowed().then(setNotifications);
  }, [api, site, version, loadWatches]);

  // The list first (the useful paint), then the chart, which reads the whole range.
  useEffect(() => {
    if (!site) return;
    const span = RANGES[range];
    const now = api.now();
    const since = span === null ? undefined : now - span;
    let live = true;
    api.incidents({ site, status: status ?? undefined, since, limit }).then((rows) => live && setList(rows));
    // The chart reads hourly counts (a few hundred rows at most), or for the last hour the
    // incidents themselves, for minute detail; never every incident of a long log.
    const points =
      range === 'hour'
        ? api.incidents({ site, since, limit: 5000 })
        : api
            .hourly(site, since === undefined ? 0 : Math.floor(since / HOUR_MS))
            .then((rows) => rows.map((r) => ({ time: r.hour * HOUR_MS, status: r.status, count: r.count })));
    points.then((rows) => {
      if (!live) return;
      setCodes([...new Set(rows.map((r) => r.status))].sort());
      const from = since ?? Math.min(now - HOUR_MS, ...rows.map((r) => r.time));
      const shown = status === null ? rows : rows.filter((r) => r.status === status);
      setBuckets(bucketize(shown, from, now, BARS));
    });
    return () => {
      live = false;
    };
  }, [api, site, status, range, limit, version]);

  if (sites.state === 'error') {
    return (
      <main class="popup">
        <h1>{t('extName')}</h1>
        <p role="alert">{t('popup_log_unavailable', sites.error)}</p>
      </main>
    );
  }
  if (sites.state === 'loading') return <main class="popup" aria-busy="true" />;

  if (open) {
    return (
      <main class="popup">
        <IncidentDetail
          incident={open}
          copyStatus={copyStatus}
          onCopy={async () => setCopyStatus((await api.copyReport(open)) ? 'copied' : 'failed')}
          onBack={() => {
            setOpen(null);
            setCopyStatus(null);
          }}
        />
      </main>
    );
  }

  const empty = sites.value.length === 0;
  /** The address to check for a site: the tab's own, else the page of its latest failure. */
  const targetUrl = (s: string) => (s === currentSite ? api.currentUrl : null) ?? list[0]?.pageUrl ?? null;
  const onImport = async (file: File) => {
    const result = await api.importLog(file);
    setImportMessage(
      result.ok
        ? { ok: true, text: t('popup_imported', result.count, result.source) }
        : { ok: false, text: phraseText(t, result.error) },
    );
    if (result.ok) reload();
  };
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {empty ? (
        <div class="empty">
          <p>
            <strong>{t('popup_empty_title')}</strong>
          </p>
          <p>{t('popup_empty_body')}</p>
        </div>
      ) : (
        <>
          {site && (
            <SiteLog
              site={site}
              codes={codes}
              status={status}
              range={range}
              buckets={buckets}
              incidents={list}
              more={list.length === limit}
              onStatus={(code) => {
                setStatus(code);
                setLimit(PAGE);
              }}
              onRange={(key) => {
                setRange(key);
                setLimit(PAGE);
              }}
              onMore={() => setLimit(limit + PAGE)}
              onOpen={setOpen}
            />
          )}
          {site && (
            <SiteTools
              site={site}
              check={check}
              checking={checking}
              comparison={
                check && list[0]
                  ? check.status === list[0].status
                    ? { key: 'tools_check_same' }
                    : { key: 'tools_check_differs', subs: [String(list[0].status)] }
                  : null
              }
              onCheck={async () => {
                const url = targetUrl(site);
                if (!url) return;
                setChecking(true);
                try {
                  setCheck(await api.check(url));
                  setChecks(await api.siteChecks(site));
                } finally {
                  setChecking(false);
                }
              }}
              watch={watches.find((w) => w.site === site) ?? null}
              events={events.filter((e) => e.site === site)}
              onRefresh={() => void loadWatches()}
              notifications={notifications}
              onWatch={async (interval, duration) => {
                const url = targetUrl(site);
                if (!url) return;
                const started = await api.startWatch(url, interval, duration);
                void started.notifications.then(setNotifications);
                await loadWatches();
                setChecks(await api.siteChecks(site));
              }}
              onStopWatch={async () => {
                const watch = watches.find((w) => w.site === site);
                if (watch) await api.stopWatch(watch.url);
                await loadWatches();
              }}
              justMe={justMe}
              onJustMe={async () => setJustMe(await api.justMe(site))}
              lanes={lanePoints(list, checks)}
            />
          )}
          <section aria-labelledby="sites-heading">
            <h2 id="sites-heading">{t('popup_all_sites')}</h2>
            <SiteTable
              sites={sites.value}
              selected={site}
              onSelect={(s) => {
                setSite(s);
                setStatus(null);
                setLimit(PAGE);
              }}
            />
          </section>
        </>
      )}
      <DataPanel
        site={empty ? null : site}
        onExport={(format, target) => void api.exportLog(format, target)}
        onImport={onImport}
        onClearSite={async (s) => {
          await api.clearSite(s);
          setSite(currentSite === s ? s : null);
          reload();
        }}
        onClearAll={async () => {
          await api.clearAll();
          reload();
        }}
        importMessage={importMessage}
      />
    </main>
  );
}
