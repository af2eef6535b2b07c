import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { count, t } from '@/lib/i18n/translate';
import { CODE_GROUPS, type CodeGroup, codeColour } from '@/lib/log/palette';
import { formatTime, zoneName, zoneOffset } from '@/lib/log/time';
import { axisTicks, type Bucket } from '@/lib/log/timeline';
import { useZone } from './zone';

export interface Props {
  buckets: readonly Bucket[];
}

const WIDTH = 360;
const HEIGHT = 72;
const DAY_MS = 86_400_000;

function edge(percent: number): string {
  return percent < 8 ? 'start' : percent > 92 ? 'end' : '';
}

function groupName(group: CodeGroup): string {
  if (group === 'network') return t('popup_chart_network');
  return group === 'other' ? t('popup_chart_other') : `${group} ${codeMeaning(Number(group)).name}`;
}

/**
 * Failures over time, one bar per bucket, stacked and coloured by code (the palette the list
 * uses), under a time axis labelled on the popup's clock, so patterns show at a glance.
 */
export function TimelineChart({ buckets }: Props) {
  const zone = useZone();
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const total = buckets.reduce((n, b) => n + b.total, 0);
  const barWidth = WIDTH / Math.max(1, buckets.length);
  const present = CODE_GROUPS.filter((g) => buckets.some((b) => b.counts[g] > 0));
  const since = buckets[0]?.start ?? 0;
  const until = buckets.at(-1)?.end ?? since;
  const ticks = axisTicks(since, until, zoneOffset(until, zone));
  const style = ticks.length > 1 && (ticks[1] ?? 0) - (ticks[0] ?? 0) >= DAY_MS ? 'day' : 'clock';
  const at = (time: number) => ((time - since) / Math.max(1, until - since)) * 100;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={t(
          'popup_chart_label',
          count(total),
          count(buckets.filter((b) => b.total > 0).length),
          count(buckets.length),
        )}
        preserveAspectRatio="none"
      >
        {ticks.map((tick) => (
          <line
            key={tick}
            x1={(at(tick) / 100) * WIDTH}
            x2={(at(tick) / 100) * WIDTH}
            y1="0"
            y2={HEIGHT}
            class="chart-grid"
          />
        ))}
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} class="chart-axis" />
        {buckets.map((bucket, i) => {
          let y = HEIGHT;
          return (
            <g key={bucket.start}>
              <title>{`${formatTime(bucket.start, 'moment', zone)}: ${bucket.total}`}</title>
              {CODE_GROUPS.map((group) => {
                const h = (bucket.counts[group] / max) * (HEIGHT - 4);
                if (h <= 0) return null;
                y -= h;
                return (
                  <rect
                    key={group}
                    x={i * barWidth + 1}
                    y={y}
                    width={Math.max(1, barWidth - 2)}
                    height={h}
                    style={{ fill: codeColour(group) }}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <div class="chart-ticks">
        {ticks.map((tick) => (
          // Labels at the edges align with them instead of hanging over.
          <span key={tick} class={`chart-tick ${edge(at(tick))}`} style={{ left: `${at(tick)}%` }}>
            {formatTime(tick, style, zone)}
          </span>
        ))}
      </div>
      <figcaption class="legend">
        <span class="chart-zone">{t('popup_chart_axis', zoneName(until, zone))}</span>
        {present.map((group) => (
          <span key={group} class="legend-item">
            <span class="swatch" style={{ background: codeColour(group) }} aria-hidden="true" />
            {groupName(group)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
