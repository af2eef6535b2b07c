import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/card/explanation-card.css';
import '@/components/i18n/languages.css';
import { OtherNetworksContext } from '@/components/card/other-networks-api';
import { ExplainPage } from '@/components/explain/explain-page';
import { parseExplainParams } from '@/lib/failure/explain-page-url';
import { markLanguage, t } from '@/lib/i18n/translate';
import { otherNetworksClient } from '@/lib/messaging/other-networks-client';
import { send } from '@/lib/messaging/send';
import { agreeHere } from '@/lib/platform/other-networks-permission';
import { isMySite, saveMySite } from '@/lib/settings';

const { url, incident, logState, offline } = parseExplainParams(location.search);

/** The tab's title: what failed, in a few words. */
function title(): string {
  if (offline) return t('ui_offline_title');
  if (!incident) return t('extName');
  if (!incident.network) return t('ui_explain_title', String(incident.status));
  let host = incident.site;
  try {
    host = new URL(incident.requestUrl).host;
  } catch {}
  return t('ui_explain_title_network', host);
}
markLanguage(document.documentElement);
document.title = title();
render(
  <OtherNetworksContext.Provider value={otherNetworksClient(agreeHere)}>
    <ExplainPage
      url={url}
      incident={incident}
      logState={logState}
      offline={offline}
      retry={() => url && location.replace(url)}
      back={() => history.back()}
      check={() => send('reload:check', { url: url ?? '' })}
      mySite={
        incident && logState !== 'private'
          ? {
              load: () => isMySite(browser.storage.local, incident.site),
              save: (mine) => saveMySite(browser.storage.local, incident.site, mine),
            }
          : undefined
      }
    />
  </OtherNetworksContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
