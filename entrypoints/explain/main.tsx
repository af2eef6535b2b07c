import { render } from 'preact';
import '@/components/card/explanation-card.css';
import { OtherNetworksContext } from '@/components/card/other-networks-api';
import { ExplainPage } from '@/components/explain/explain-page';
import { parseExplainParams } from '@/lib/failure/explain-page-url';
import { t } from '@/lib/i18n/translate';
import { otherNetworksClient } from '@/lib/messaging/other-networks-client';
import { send } from '@/lib/messaging/send';
import { agreeHere } from '@/lib/platform/other-networks-permission';

const { url, incident, logState } = parseExplainParams(location.search);
document.title = incident ? t('ui_explain_title', incident.status) : t('extName');
render(
  <OtherNetworksContext.Provider value={otherNetworksClient(agreeHere)}>
    <ExplainPage
      url={url}
      incident={incident}
      logState={logState}
      retry={() => url && location.replace(url)}
      check={() => send('reload:check', { url: url ?? '' })}
    />
  </OtherNetworksContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
