import { useEffect, useState } from 'preact/hooks';
import { HOUR_MS, type Incident } from '@/lib/log/model';
import { type Bucket, bucketize, RANGES, type RangeKey } from '@/lib/log/timeline';
import type { LogApi } from './log-api';

const PAGE = 50;
const BARS = 24;

/**
 * One site's log as the popup shows it: the filters, a page of incidents and the chart. It
 * pages: never more than it shows is read. Reads again whenever `version` moves on.
 */
export function useSiteLog(api: LogApi, site: string | null, version: number) {
  const [status, setStatus] = useState<number | null>(null);
  const [range, setRange] = useState<RangeKey>('all');
  const [limit, setLimit] = useState(PAGE);
  const [list, setList] = useState<Incident[]>([]);
  const [buckets, setBuckets] = useState<Bucket[] | null>(null);
  const [codes, setCodes] = useState<number[]>([]);

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

  // Named as SiteLog's props, which it is given whole.
  return {
    codes,
    status,
    range,
    buckets,
    incidents: list,
    more: list.length === limit,
    onStatus(code: number | null) {
      setStatus(code);
      setLimit(PAGE);
    },
    onRange(key: RangeKey) {
      setRange(key);
      setLimit(PAGE);
    },
    onMore() {
      setLimit(limit + PAGE);
    },
  };
}
