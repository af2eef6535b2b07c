import { failureLabel } from '@/lib/log/failure-label';
import type { Incident } from '@/lib/log/model';

/**
 * What failed, as a badge: a status code coloured by its tens (`code-500`, `code-520`…), or a
 * network error's layer (`DNS`, `TCP`, `TLS`, `HTTP`) in the network colour (`code-net`).
 */
export function CodeBadge({ incident }: { incident: Pick<Incident, 'status' | 'network'> }) {
  const tone = incident.network ? 'net' : Math.floor(incident.status / 10) * 10;
  return <span class={`code code-${tone}`}>{failureLabel(incident)}</span>;
}

/** A moment, in the reader's local format, machine-readable in its attribute. */
export function Moment({ ms }: { ms: number }) {
  const date = new Date(ms);
  return <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>;
}
