import { useEffect, useState } from 'preact/hooks';
import { HOUR_MS, type Incident } from '@/lib/log/model';
import { type Bucket, bucketize, RANGES, type RangeKey } from '@/lib/log/timeline';
import type { LogApi } from './log-api';

/** Incidents shown before "See all": few enough that "This tab" and they fit the popup. */
const FIRST = 5;
const PAGE = 50;
const BARS = 24;

/**
 * One site's log as the popup shows it: its five newest incidents (all of them, a page at a
 * time, after "See all"), the filter by code, and the chart over its own period, the last 24
 * hours unless chosen. Never more is read than shown. Reads again whenever `version` moves on.
 */
export function useSiteLog(api: LogApi, site: string | null, version: number) {
  const [status, setStatus] = useState<number | null>(null);
  const [range, setRange] = useState<RangeKey>('day');
  // "See all" belongs to the site it was asked for: another site starts with its five newest.
  const [seeAll, setSeeAll] = useState<{ site: string | null; pages: number }>({ site: null, pages: 0 });
  const [list, setList] = useState<Incident[]>([]);
  const [buckets, setBuckets] = useState<Bucket[] | null>(null);
  const [codes, setCodes] = useState<number[]>([]);
  const all = seeAll.site === site;
  // One more than shown: whether there is more to see.
  const limit = all ? seeAll.pages * PAGE : FIRST + 1;

  // The list first (the useful paint), then the chart, which reads the whole range.
  useEffect(() => {
    if (!site) return;
    let live = true;
    api.incidents({ site, status: status ?? undefined, limit }).then((rows) => live && setList(rows));
    return () => {
      live = false;
    };
  }, [api, site, status, limit, version]);

  // Every code the site ever had, for the filter: from its hourly counts, not its incidents.
  useEffect(() => {
    if (!site) return;
    let live = true;
    api.hourly(site, 0).then((rows) => live && setCodes([...new Set(rows.map((r) => r.status))].sort()));
    return () => {
      live = false;
    };
  }, [api, site, version]);

  useEffect(() => {
    if (!site) return;
    const span = RANGES[range];
    const now = api.now();
    const since = span === null ? undefined : now - span;
    let live = true;
    // The chart reads hourly counts (a few hundred rows at most), or for the last hour the
    // incidents themselves, for minute detail; never every incident of a long log.
    // False alarms (bot checks, Wi-Fi logins) are not outages: the hourly counts leave them out, and so does this.
    const points =
      range === 'hour'
        ? api.incidents({ site, since, limit: 5000 }).then((rows) => rows.filter((r) => !r.diagnosis.falseAlarm))
        : api
            .hourly(site, since === undefined ? 0 : Math.floor(since / HOUR_MS))
            .then((rows) => rows.map((r) => ({ time: r.hour * HOUR_MS, status: r.status, count: r.count })));
    points.then((rows) => {
      if (!live) return;
      const from = since ?? Math.min(now - HOUR_MS, ...rows.map((r) => r.time));
      const shown = status === null ? rows : rows.filter((r) => r.status === status);
      setBuckets(bucketize(shown, from, now, BARS));
    });
    return () => {
      live = false;
    };
  }, [api, site, status, range, version]);

  // Named as SiteLog's props, which it is given whole.
  return {
    codes,
    status,
    range,
    buckets,
    incidents: all ? list : list.slice(0, FIRST),
    all,
    more: all ? list.length === limit : list.length > FIRST,
    onStatus: setStatus,
    onRange: setRange,
    onMore() {
      setSeeAll({ site, pages: all ? seeAll.pages + 1 : 1 });
    },
  };
}
