import { useState } from 'preact/hooks';
import { verdictSentence } from '@/lib/i18n/other-networks-text';
import { count, phraseText, t } from '@/lib/i18n/translate';
import { failureLabel } from '@/lib/log/failure-label';
import { type CheckRecord, type Incident, LOCAL_SOURCE } from '@/lib/log/model';
import { isUp } from '@/lib/owner-tools/check';
import { DataPanel } from './data-panel';
import { IncidentDetail } from './incident-detail';
import type { LogApi } from './log-api';
import type { LanePoint } from './network-lanes';
import { PopupExplanation } from './popup-explanation';
import { SiteLog } from './site-log';
import { SiteTable } from './site-table';
import { SiteTools } from './site-tools';
import { ThisTab } from './this-tab';
import { useSiteLog } from './use-site-log';
import { useSiteTools } from './use-site-tools';
import { useSites } from './use-sites';
import { useThisTab } from './use-this-tab';
import { useZoneSetting } from './use-zone-setting';
import { ZoneContext } from './zone';

/** Incidents and checks as points on the "By network" timeline. */
function lanePoints(incidents: readonly Incident[], checks: readonly CheckRecord[]): LanePoint[] {
  const none = t('tools_unlabelled');
  return [
    ...incidents.map((i) => ({
      time: i.time,
      label: i.vantage.networkLabel || (i.source !== LOCAL_SOURCE ? i.source : none),
      ok: false,
      title: i.network ? `${failureLabel(i)} ${i.network.type}` : String(i.status),
    })),
    ...checks.map((c) => ({
      time: c.time,
      label: c.networkLabel || none,
      ok: isUp(c),
      title: c.status === null ? (c.error ?? '—') : String(c.status),
    })),
    // Checks from other networks, as a source of their own: up where it was only this browser.
    ...incidents.flatMap(({ otherNetworks: n }) =>
      n ? [{ time: n.time, label: t('net_lane'), ok: n.verdict === 'just-you', title: verdictSentence(n, t) }] : [],
    ),
  ];
}

export interface Props {
  api: LogApi;
}

/**
 * The toolbar popup. It opens on "This tab" (the failure the tab shows), then this site's
 * newest incidents and its chart, its tools (folded), every site in the log, and export,
 * import and clearing. The state lives in the hooks beside it.
 */
export function PopupApp({ api }: Props) {
  // Moving this on reads everything again (after an import or a clear).
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const zone = useZoneSetting(api);
  const tab = useThisTab(api, version);
  const { sites, site, setSite, currentSite } = useSites(api, version);
  const log = useSiteLog(api, site, version);
  const latest = log.incidents[0];
  // The tab's own address, else the page of the site's latest failure seen here: never an
  // imported incident's page (the background refuses those too). A check is kept with the
  // failure this tab shows, else with that latest one.
  const ownLatest = log.incidents.find((i) => i.source === LOCAL_SOURCE);
  const shown = site === currentSite && tab.failure?.kind === 'page' ? tab.failure.incident.id : undefined;
  const checked = log.incidents.find((i) => shown !== undefined && i.id === shown) ?? ownLatest;
  const targetUrl = (site === currentSite ? api.currentTab?.href : null) ?? ownLatest?.pageUrl ?? null;
  const tools = useSiteTools(api, site, version, targetUrl, latest);
  const [open, setOpen] = useState<Incident | null>(null);
  const [importNote, setImportNote] = useState<{ ok: boolean; text: string } | null>(null);

  if (sites.state === 'error') {
    return (
      <main class="popup">
        <h1>{t('extName')}</h1>
        <p role="alert">{t('popup_log_unavailable', sites.error)}</p>
      </main>
    );
  }
  if (sites.state === 'loading' || tab.failure === undefined) return <main class="popup" aria-busy="true" />;

  if (tab.explaining) {
    return (
      <main class="popup">
        <PopupExplanation
          {...tab.explaining}
          onBack={tab.onBack}
          onRetry={api.reloadTab}
          checkNow={api.currentTab && (() => api.check((api.currentTab as URL).href))}
        />
      </main>
    );
  }
  if (open) {
    return (
      <ZoneContext.Provider value={zone.zone}>
        <main class="popup">
          <IncidentDetail incident={open} onBack={() => setOpen(null)} />
        </main>
      </ZoneContext.Provider>
    );
  }

  const empty = sites.value.length === 0;
  const onImport = async (file: File) => {
    const result = await api.importLog(file);
    setImportNote(
      result.ok
        ? { ok: true, text: t('popup_imported', count(result.count), result.source) }
        : { ok: false, text: phraseText(t, result.error) },
    );
    if (result.ok) reload();
  };
  return (
    <ZoneContext.Provider value={zone.zone}>
      <main class="popup">
        <header class="popup-head">
          <h1>{t('extName')}</h1>
          <button
            type="button"
            class="zone-switch"
            aria-pressed={zone.zone.utc}
            aria-label={t('popup_utc_label')}
            title={t('popup_utc_label')}
            onClick={zone.toggle}
          >
            {t('popup_utc')}
          </button>
        </header>
        <ThisTab failure={tab.failure} onShow={tab.onShow} note={tab.note} />
        {empty ? (
          <div class="empty">
            <p>
              <strong>{t('popup_empty_title')}</strong>
            </p>
            <p>{t('popup_empty_body')}</p>
          </div>
        ) : (
          <>
            {site && <SiteLog site={site} {...log} onOpen={setOpen} />}
            {site && (
              <details class="tools">
                <summary>
                  <h2 id="tools-heading">{t('tools_heading')}</h2>
                </summary>
                <SiteTools
                  site={site}
                  {...tools}
                  lanes={lanePoints(log.incidents, tools.checks)}
                  networks={targetUrl ? { url: targetUrl, incident: checked } : null}
                />
              </details>
            )}
            <section aria-labelledby="sites-heading">
              <h2 id="sites-heading">{t('popup_all_sites')}</h2>
              <SiteTable
                sites={sites.value}
                selected={site}
                onSelect={(s) => {
                  setSite(s);
                  log.onStatus(null);
                }}
              />
            </section>
          </>
        )}
        <DataPanel
          site={empty ? null : site}
          onExport={(format, target) => void api.exportLog(format, target)}
          onImport={onImport}
          onClearSite={async (s) => {
            await api.clearSite(s);
            setSite(currentSite === s ? s : null);
            reload();
          }}
          onClearAll={async () => {
            await api.clearAll();
            reload();
          }}
          importNote={importNote}
        />
      </main>
    </ZoneContext.Provider>
  );
}
