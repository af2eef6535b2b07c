import { render } from 'preact';
import '@/components/explanation-card.css';
import { ExplainPage } from '@/components/explain-page';
import { parseExplainParams } from '@/lib/explain-url';

const { url, incident } = parseExplainParams(location.search);
if (incident) document.title = `Error ${incident.status} explained`;
render(
  <ExplainPage url={url} incident={incident} onRetry={() => url && location.replace(url)} />,
  document.getElementById('app') as HTMLElement,
);
