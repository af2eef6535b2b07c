import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { t } from '@/lib/i18n/translate';
import { type Bucket, CODE_GROUPS, type CodeGroup } from '@/lib/log/timeline';

export interface Props {
  buckets: readonly Bucket[];
}

const WIDTH = 360;
const HEIGHT = 72;

function groupName(group: CodeGroup): string {
  if (group === 'network') return t('popup_chart_network');
  return group === 'other' ? t('popup_chart_other') : `${group} ${codeMeaning(Number(group)).name}`;
}

/** Failures over time, one bar per bucket, stacked and coloured by code, so patterns show at a glance. */
export function TimelineChart({ buckets }: Props) {
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const total = buckets.reduce((n, b) => n + b.total, 0);
  const barWidth = WIDTH / Math.max(1, buckets.length);
  const present = CODE_GROUPS.filter((g) => buckets.some((b) => b.counts[g] > 0));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={t('popup_chart_label', total, buckets.filter((b) => b.total > 0).length, buckets.length)}
        preserveAspectRatio="none"
      >
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} class="chart-axis" />
        {buckets.map((bucket, i) => {
          let y = HEIGHT;
          return (
            <g key={bucket.start}>
              <title>{`${new Date(bucket.start).toLocaleString()}: ${bucket.total}`}</title>
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
                    class={`bar bar-${group}`}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      {present.length > 0 && (
        <figcaption class="legend">
          {present.map((group) => (
            <span key={group} class="legend-item">
              <span class={`swatch bar-${group}`} aria-hidden="true" />
              {groupName(group)}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
