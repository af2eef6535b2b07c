import type { Incident, NetworkFailure } from './model';

/** What a label needs of a failure: its status, and a network error's NEL type. */
export type Failed = Pick<Incident, 'status'> & { network?: Pick<NetworkFailure, 'type'> | undefined };

/**
 * A short label for a failure, for the toolbar badge and lists: the status (`502`), or the
 * layer of a network error from its NEL type (`DNS`, `TCP`, `TLS`, `HTTP`), in every language.
 */
export function failureLabel(incident: Failed): string {
  if (!incident.network) return String(incident.status);
  return (incident.network.type.split('.')[0] ?? '').toUpperCase() || '—';
}
