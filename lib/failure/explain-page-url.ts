import type { Incident } from '@/lib/log/model';
import type { LogState } from './model';

/**
 * The explanation page's address carries the incident itself (already redacted) and the
 * original URL for Retry, so the page works even when the log is unavailable.
 */
export function explainPageUrl(base: string, url: string, incident: Incident, logState: LogState): string {
  const params = new URLSearchParams({ url, log: logState, incident: JSON.stringify(incident) });
  return `${base}?${params}`;
}

/** The explanation page's "You are offline" notice, with the address to go back to. */
export function offlinePageUrl(base: string, url: string): string {
  return `${base}?${new URLSearchParams({ url, offline: '1' })}`;
}

/** What the explanation page reads back from its own address. */
export interface ExplainParams {
  /** The URL to retry: only ever http(s). */
  url: string | null;
  incident: Incident | null;
  logState: LogState;
  /** The browser was offline: there is no failure of the site to explain. */
  offline: boolean;
}

const LOG_STATES: readonly LogState[] = ['saved', 'private', 'unavailable'];

export function parseExplainParams(search: string): ExplainParams {
  const params = new URLSearchParams(search);
  const raw = params.get('url');
  let url: string | null = null;
  try {
    if (raw && ['http:', 'https:'].includes(new URL(raw).protocol)) url = raw;
  } catch {}
  let incident: Incident | null = null;
  try {
    const parsed = JSON.parse(params.get('incident') ?? 'null');
    // Our own page wrote it; still, only an object with the shape the card reads is used.
    if (parsed && typeof parsed.status === 'number' && typeof parsed.diagnosis === 'object' && parsed.diagnosis) {
      incident = parsed as Incident;
    }
  } catch {}
  const log = params.get('log') as LogState;
  return { url, incident, logState: LOG_STATES.includes(log) ? log : 'saved', offline: params.get('offline') === '1' };
}
