import { t } from '@/lib/i18n/translate';
import { formatTime } from '@/lib/log/time';
import { useZone } from './zone';

/** One result on the timeline: when, from which network, and whether the site worked. */
export interface LanePoint {
  time: number;
  label: string;
  ok: boolean;
  /** What to say on hover: the status or the error. */
  title: string;
}

export interface Props {
  points: readonly LanePoint[];
}

const WIDTH = 360;
const ROW = 22;
const LABEL_W = 96;

/** Checks and failures from each network side by side on one timeline ("Compare networks"). */
export function NetworkLanes({ points }: Props) {
  const zone = useZone();
  if (points.length === 0) return <p class="muted">{t('tools_networks_none')}</p>;
  const labels = [...new Set(points.map((p) => p.label))];
  const min = Math.min(...points.map((p) => p.time));
  const max = Math.max(...points.map((p) => p.time));
  const span = Math.max(1, max - min);
  const x = (time: number) => LABEL_W + 6 + ((time - min) / span) * (WIDTH - LABEL_W - 12);
  const height = labels.length * ROW + 4;
  return (
    <figure class="lanes">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        height={height}
        role="img"
        aria-label={t('tools_networks_label')}
      >
        {labels.map((label, row) => (
          <g key={label}>
            <text x="0" y={row * ROW + 15} class="lane-label">
              {label.length > 14 ? `${label.slice(0, 13)}…` : label}
            </text>
            <line x1={LABEL_W} x2={WIDTH} y1={row * ROW + 11} y2={row * ROW + 11} class="lane-line" />
            {points
              .filter((p) => p.label === label)
              .map((p) => (
                <circle
                  key={`${p.time}-${p.title}`}
                  cx={x(p.time)}
                  cy={row * ROW + 11}
                  r="5"
                  class={p.ok ? 'dot-ok' : 'dot-failed'}
                >
                  <title>{`${formatTime(p.time, 'moment', zone)}: ${p.title}`}</title>
                </circle>
              ))}
          </g>
        ))}
      </svg>
      <figcaption class="legend">
        <span class="legend-item">
          <span class="swatch dot-ok" aria-hidden="true" />
          {t('tools_ok')}
        </span>
        <span class="legend-item">
          <span class="swatch dot-failed" aria-hidden="true" />
          {t('tools_failed')}
        </span>
      </figcaption>
    </figure>
  );
}
