import { t } from '@/lib/i18n/translate';
import { type Incident, LOCAL_SOURCE } from '@/lib/log/model';

export interface Props {
  incidents: readonly Incident[];
  onOpen: (incident: Incident) => void;
}

function shortUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.host}${url.pathname}${url.search}`;
  } catch {
    return raw;
  }
}

function typeName(type: string): string {
  return type === 'main_frame'
    ? t('popup_type_page')
    : type === 'sub_frame'
      ? t('popup_type_frame')
      : type === 'xmlhttprequest'
        ? t('popup_type_api')
        : type;
}

/** Incidents, newest first as given; each opens to its full record. */
export function IncidentList({ incidents, onOpen }: Props) {
  return (
    <ol class="incidents">
      {incidents.map((incident) => (
        <li key={`${incident.source}-${incident.id}`}>
          <button type="button" class="incident" onClick={() => onOpen(incident)}>
            <span class={`code code-${Math.floor(incident.status / 10) * 10}`}>{incident.status}</span>
            <span class="incident-main">
              <span class="incident-url">{shortUrl(incident.requestUrl)}</span>
              <span class="incident-meta">
                <time dateTime={new Date(incident.time).toISOString()}>{new Date(incident.time).toLocaleString()}</time>
                {' · '}
                {typeName(incident.type)}
                {incident.count > 1 && <> · {t('popup_times', incident.count)}</>}
                {incident.vantage.networkLabel && <> · {incident.vantage.networkLabel}</>}
                {incident.source !== LOCAL_SOURCE && (
                  <span class="tag"> {t('popup_from_source', incident.source)}</span>
                )}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
