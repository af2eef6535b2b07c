import { useState } from 'preact/hooks';
import { phraseText, t } from '@/lib/i18n/translate';
import { failureLabel } from '@/lib/log/failure-label';
import { type CheckRecord, type Incident, LOCAL_SOURCE } from '@/lib/log/model';
import { isUp } from '@/lib/owner-tools/check';
import { DataPanel } from './data-panel';
import { IncidentDetail } from './incident-detail';
import type { LogApi } from './log-api';
import type { LanePoint } from './network-lanes';
import { SiteLog } from './site-log';
import { SiteTable } from './site-table';
import { SiteTools } from './site-tools';
import { useSiteLog } from './use-site-log';
import { useSiteTools } from './use-site-tools';
import { useSites } from './use-sites';

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
  ];
}

export interface Props {
  api: LogApi;
}

/**
 * The toolbar popup: this site's failures first (chart, filters, list), its tools, every site
 * in the log, then export, import and clearing. The state lives in the hooks beside it.
 */
export function PopupApp({ api }: Props) {
  // Moving this on reads everything again (after an import or a clear).
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const { sites, site, setSite, currentSite } = useSites(api, version);
  const log = useSiteLog(api, site, version);
  const latest = log.incidents[0];
  const targetUrl = (site === currentSite ? api.currentTab?.href : null) ?? latest?.pageUrl ?? null;
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
  if (sites.state === 'loading') return <main class="popup" aria-busy="true" />;

  if (open) {
    return (
      <main class="popup">
        <IncidentDetail incident={open} onBack={() => setOpen(null)} />
      </main>
    );
  }

  const empty = sites.value.length === 0;
  const onImport = async (file: File) => {
    const result = await api.importLog(file);
    setImportNote(
      result.ok
        ? { ok: true, text: t('popup_imported', result.count, result.source) }
        : { ok: false, text: phraseText(t, result.error) },
    );
    if (result.ok) reload();
  };
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
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
          {site && <SiteTools site={site} {...tools} lanes={lanePoints(log.incidents, tools.checks)} />}
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
  );
}
