import type { Incident } from './model';

/**
 * A short label for a failure, for the toolbar badge and lists: the status (`502`), or the
 * layer of a network error from its NEL type (`DNS`, `TCP`, `TLS`, `HTTP`), in every language.
 */
export function failureLabel(incident: Pick<Incident, 'status' | 'network'>): string {
  if (!incident.network) return String(incident.status);
  return (incident.network.type.split('.')[0] ?? '').toUpperCase() || '—';
}
