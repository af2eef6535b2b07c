import { codeMeaning } from '@/lib/codes';
import type { Incident } from '@/lib/incident';
import { requestIds } from '@/lib/request-ids';
import { isoLocal, localOffset } from '@/lib/time';

export interface Props {
  incident: Incident;
  /** Reloads the failing address. */
  onRetry: () => void;
  /** Present where the card can be dismissed (the overlay, not the explanation page). */
  onClose?: () => void;
  /** Id for the heading, so the dialog can be labelled by it. */
  headingId: string;
}

/** The explanation of one failure: code, plain meaning, next steps and the details. */
export function ExplanationCard({ incident, onRetry, onClose, headingId }: Props) {
  const meaning = codeMeaning(incident.status);
  const ids = requestIds(incident.headers);
  return (
    <div class="x5-card">
      <header class="x5-head">
        <p class="x5-code" aria-hidden="true">
          {incident.status}
        </p>
        <div>
          <h2 id={headingId} class="x5-title">
            {meaning.title}
          </h2>
          <p class="x5-name">
            Error {incident.status} · {meaning.name}
          </p>
        </div>
        {onClose && (
          <button type="button" class="x5-close" onClick={onClose} aria-label="Close explanation">
            ×
          </button>
        )}
      </header>
      <p class="x5-meaning">{meaning.visitor}</p>
      <h3 class="x5-sub">What you can do</h3>
      <ul class="x5-steps">
        <li>Wait a minute, then try again. Short outages often fix themselves.</li>
        <li>If it keeps failing, try another network, such as your phone’s mobile data.</li>
        <li>Look for the site’s status page or news about an outage.</li>
      </ul>
      <div class="x5-actions">
        <button type="button" class="x5-primary" onClick={onRetry}>
          Retry
        </button>
      </div>
      <details class="x5-details">
        <summary>Details for support</summary>
        <dl>
          <dt>Time</dt>
          <dd>{isoLocal(incident.time, localOffset(incident.time))}</dd>
          <dt>Address</dt>
          <dd class="x5-break">{incident.requestUrl}</dd>
          <dt>Status</dt>
          <dd>{incident.statusLine}</dd>
          {incident.ip && (
            <>
              <dt>Server IP</dt>
              <dd>{incident.ip}</dd>
            </>
          )}
          {incident.headers.server && (
            <>
              <dt>Server</dt>
              <dd>{incident.headers.server}</dd>
            </>
          )}
          {ids.map(({ header, value }) => (
            <>
              <dt>{header}</dt>
              <dd class="x5-break">{value}</dd>
            </>
          ))}
        </dl>
      </details>
    </div>
  );
}
