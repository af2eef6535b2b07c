import type { Incident } from '@/lib/incident';
import { ExplanationCard } from './explanation-card';

export interface Props {
  url: string | null;
  incident: Incident | null;
  onRetry: () => void;
}

/** The extension's own page for failures the browser would show as a blank error page. */
export function ExplainPage({ url, incident, onRetry }: Props) {
  if (!incident) {
    return <p class="x5-page-note">There is no error to explain on this page.</p>;
  }
  return (
    <div>
      <ExplanationCard incident={incident} onRetry={onRetry} headingId="x5-heading" />
      <p class="x5-page-note">
        The server sent back an empty error page, so your browser had nothing to show. 5xx Explainer opened this page
        instead.
      </p>
      {url && (
        <p class="x5-page-note">
          Retry goes back to <span class="x5-break">{url}</span>
        </p>
      )}
    </div>
  );
}
