import { type Failed, failureLabel } from '@/lib/log/failure-label';
import { codeColour } from '@/lib/log/palette';
import { formatTime } from '@/lib/log/time';
import { useZone } from './zone';

/**
 * What failed, in its colour (lib/log/palette.ts: the same in the list, the chart and the
 * toolbar badge): a status code, or a network error's layer (`DNS`, `TCP`, `TLS`, `HTTP`).
 */
export function CodeBadge({ incident }: { incident: Failed }) {
  return (
    <span class="code" style={{ color: codeColour(incident.status) }}>
      {failureLabel(incident)}
    </span>
  );
}

/** A moment in the reader's locale with its zone (or in UTC), machine-readable in its attribute. */
export function Moment({ ms }: { ms: number }) {
  return <time dateTime={new Date(ms).toISOString()}>{formatTime(ms, 'moment', useZone())}</time>;
}
