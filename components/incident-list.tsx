import type { Incident } from '@/lib/incident';

export interface Props {
  incidents: readonly Incident[];
}

function shortUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.host}${url.pathname}${url.search}`;
  } catch {
    return raw;
  }
}

/** One site's incidents, newest first as given. */
export function IncidentList({ incidents }: Props) {
  return (
    <ol class="incidents">
      {incidents.map((incident) => (
        <li key={incident.id} class="incident">
          <span class={`code code-${Math.floor(incident.status / 10) * 10}`}>{incident.status}</span>
          <span class="incident-main">
            <span class="incident-url">{shortUrl(incident.requestUrl)}</span>
            <span class="incident-meta">
              <time dateTime={new Date(incident.time).toISOString()}>{new Date(incident.time).toLocaleString()}</time>
              {' · '}
              {incident.type === 'main_frame' ? 'page' : incident.type}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
