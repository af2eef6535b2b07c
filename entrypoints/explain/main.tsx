import { render } from 'preact';
import '@/components/card/explanation-card.css';
import { ExplainPage } from '@/components/explain/explain-page';
import { parseExplainParams } from '@/lib/failure/explain-page-url';
import { t } from '@/lib/i18n/translate';
import { send } from '@/lib/messaging/send';

const { url, incident, logState } = parseExplainParams(location.search);
document.title = incident ? t('ui_explain_title', incident.status) : t('extName');
render(
  <ExplainPage
    url={url}
    incident={incident}
    logState={logState}
    retry={() => url && location.replace(url)}
    check={() => send('reload:check', { url: url ?? '' })}
  />,
  document.getElementById('app') as HTMLElement,
);
