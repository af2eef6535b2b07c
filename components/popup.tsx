import type { Incident } from '@/lib/incident';
import type { SiteSummary } from '@/lib/incident-store';
import { IncidentList } from './incident-list';

export type ExportFormat = 'json' | 'csv';

export interface Props {
  /** The current tab's site, or null on pages that have none (new tab, settings). */
  currentSite: string | null;
  currentIncidents: readonly Incident[];
  sites: readonly SiteSummary[];
  /** Set when the log could not be read. */
  error?: string;
  onExport: (format: ExportFormat) => void;
}

/** The toolbar popup: this site's failures first, then every site in the log, then export. */
export function Popup({ currentSite, currentIncidents, sites, error, onExport }: Props) {
  if (error) {
    return (
      <main class="popup">
        <h1>5xx Explainer</h1>
        <p role="alert">The log is unavailable: {error}</p>
      </main>
    );
  }
  if (sites.length === 0) {
    return (
      <main class="popup">
        <h1>5xx Explainer</h1>
        <div class="empty">
          <p>
            <strong>No server errors yet.</strong>
          </p>
          <p>
            When a site answers with a 5xx error (like 502 Bad Gateway), this extension explains it on the page in plain
            words and keeps a record here that you can export for support.
          </p>
        </div>
      </main>
    );
  }
  return (
    <main class="popup">
      <h1>5xx Explainer</h1>
      {currentSite && (
        <section aria-labelledby="current-heading">
          <h2 id="current-heading">{currentSite}</h2>
          {currentIncidents.length ? (
            <IncidentList incidents={currentIncidents} />
          ) : (
            <p class="muted">No server errors recorded for this site.</p>
          )}
        </section>
      )}
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">All sites</h2>
        <table class="sites">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Errors</th>
              <th scope="col">Last</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.site}>
                <td>{s.site}</td>
                <td class="num">{s.count}</td>
                <td>
                  <time dateTime={new Date(s.last).toISOString()}>{new Date(s.last).toLocaleString()}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="export" aria-label="Export">
        <button type="button" onClick={() => onExport('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => onExport('csv')}>
          Export CSV
        </button>
      </section>
    </main>
  );
}
