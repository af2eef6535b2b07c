import type { Incident } from './incident';

/**
 * The explanation page's address carries the incident itself (already redacted) and the
 * original URL for Retry, so the page works even when the log is unavailable.
 */
export function explainPageUrl(base: string, url: string, incident: Incident): string {
  const params = new URLSearchParams({ url, incident: JSON.stringify(incident) });
  return `${base}?${params}`;
}

/** What the explanation page reads back from its own address. */
export interface ExplainParams {
  /** The URL to retry: only ever http(s). */
  url: string | null;
  incident: Incident | null;
}

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
    if (parsed && typeof parsed === 'object' && typeof parsed.status === 'number') incident = parsed as Incident;
  } catch {}
  return { url, incident };
}
