import { codeColour } from '@/lib/log/palette';
import { formatTime } from '@/lib/log/time';
import { useZone } from './zone';

/** A status code in its colour (lib/log/palette.ts: the same in the list, the chart and the badge). */
export function CodeBadge({ status }: { status: number }) {
  return (
    <span class="code" style={{ color: codeColour(status) }}>
      {status}
    </span>
  );
}

/** A moment in the reader's locale with its zone (or in UTC), machine-readable in its attribute. */
export function Moment({ ms }: { ms: number }) {
  return <time dateTime={new Date(ms).toISOString()}>{formatTime(ms, 'moment', useZone())}</time>;
}
