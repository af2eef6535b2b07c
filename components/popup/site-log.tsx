import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { type Bucket, RANGES, type RangeKey } from '@/lib/log/timeline';
import { IncidentList } from './incident-list';
import { TimelineChart } from './timeline-chart';

export interface Props {
  site: string;
  /** The codes this site has, for the filter. */
  codes: readonly number[];
  status: number | null;
  /** The chart's period. */
  range: RangeKey;
  /** The chart's bars; null until they are read (the list comes first). */
  buckets: Bucket[] | null;
  /** The incidents shown, newest first: the five newest, or all after "See all". */
  incidents: Incident[];
  /** Whether "See all" was asked for. */
  all: boolean;
  /** Whether there may be more than shown. */
  more: boolean;
  onStatus: (status: number | null) => void;
  onRange: (range: RangeKey) => void;
  /** "See all", then "Show more". */
  onMore: () => void;
  onOpen: (incident: Incident) => void;
}

/**
 * One site's log in the popup: its newest incidents with "See all" (the popup scrolls, the list
 * never does on its own), the filter by code, and the chart with its period.
 */
export function SiteLog(props: Props) {
  const { site, codes, status, range, buckets, incidents } = props;
  return (
    <section aria-labelledby="site-heading">
      <div class="section-head">
        <h2 id="site-heading">{site}</h2>
        <label>
          {t('popup_filter_code')}{' '}
          <select
            value={status ?? ''}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              props.onStatus(v ? Number(v) : null);
            }}
          >
            <option value="">{t('popup_filter_all_codes')}</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {c === 0 ? t('popup_filter_network') : c}
              </option>
            ))}
          </select>
        </label>
      </div>
      {incidents.length ? (
        <IncidentList incidents={incidents} onOpen={props.onOpen} />
      ) : (
        <p class="muted">{t('popup_site_empty')}</p>
      )}
      {props.more && (
        <button type="button" class="link" onClick={props.onMore}>
          {props.all ? t('popup_more') : t('popup_see_all')}
        </button>
      )}
      <div class="section-head">
        <h3 id="chart-heading">{t('popup_chart_heading')}</h3>
        <label>
          {t('popup_filter_range')}{' '}
          <select value={range} onChange={(e) => props.onRange((e.target as HTMLSelectElement).value as RangeKey)}>
            {(Object.keys(RANGES) as RangeKey[]).map((key) => (
              <option key={key} value={key}>
                {t(`popup_range_${key}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {buckets && <TimelineChart buckets={buckets} />}
    </section>
  );
}
