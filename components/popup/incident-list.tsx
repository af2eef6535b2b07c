import { count, type TextKey, t } from '@/lib/i18n/translate';
import { type Incident, LOCAL_SOURCE } from '@/lib/log/model';
import { CodeBadge, Moment } from './badges';

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

/** The words for the request types people know by another name; other types show as they are. */
const TYPE_NAMES = new Map<string, TextKey>([
  ['main_frame', 'popup_type_page'],
  ['sub_frame', 'popup_type_frame'],
  ['xmlhttprequest', 'popup_type_api'],
]);

function typeName(type: string): string {
  const key = TYPE_NAMES.get(type);
  return key ? t(key) : type;
}

/** Incidents, newest first as given; each opens to its full record. */
export function IncidentList({ incidents, onOpen }: Props) {
  return (
    <ol class="incidents">
      {incidents.map((incident) => (
        <li key={`${incident.source}-${incident.id}`}>
          <button type="button" class="incident" onClick={() => onOpen(incident)}>
            <CodeBadge incident={incident} />
            <span class="incident-main">
              <span class="incident-url" title={incident.requestUrl}>
                {shortUrl(incident.requestUrl)}
              </span>
              <span class="incident-meta">
                <Moment ms={incident.time} />
                {' · '}
                {typeName(incident.type)}
                {incident.count > 1 && <> · {t('popup_times', count(incident.count))}</>}
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
