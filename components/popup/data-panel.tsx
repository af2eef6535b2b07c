import { useState } from 'preact/hooks';
import type { ExportFormat } from '@/lib/export/files';
import { t } from '@/lib/i18n/translate';

export interface Props {
  /** The site shown, for "this site" exports and "Clear this site"; null when none. */
  site: string | null;
  onExport: (format: ExportFormat, site: string | null) => void;
  onImport: (file: File) => void;
  onClearSite: (site: string) => void;
  onClearAll: () => void;
  /** What the last import did, or why it was refused. */
  importNote: { ok: boolean; text: string } | null;
}

/** The export formats, each named on its button in capitals (JSON, CSV, HAR). */
const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'har'];

/** Export (this site or all), import a colleague's JSON export, and clearing. */
export function DataPanel({ site, onExport, onImport, onClearSite, onClearAll, importNote }: Props) {
  const [scope, setScope] = useState<'site' | 'all'>(site ? 'site' : 'all');
  const [confirmAll, setConfirmAll] = useState(false);
  const target = scope === 'site' ? site : null;
  return (
    <section class="data" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('popup_data_heading')}</h2>
      <div class="row-controls">
        <label>
          {t('popup_export_scope')}{' '}
          <select value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value as 'site' | 'all')}>
            {site && <option value="site">{site}</option>}
            <option value="all">{t('popup_all_sites')}</option>
          </select>
        </label>
        {FORMATS.map((format) => (
          <button key={format} type="button" onClick={() => onExport(format, target)}>
            {t('popup_export', format.toUpperCase())}
          </button>
        ))}
      </div>
      <div class="row-controls">
        <label class="file-button">
          {t('popup_import')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) onImport(file);
              input.value = '';
            }}
          />
        </label>
        {site && (
          <button type="button" onClick={() => onClearSite(site)}>
            {t('popup_clear_site', site)}
          </button>
        )}
        {confirmAll ? (
          <>
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirmAll(false);
                onClearAll();
              }}
            >
              {t('popup_clear_all_confirm')}
            </button>
            <button type="button" onClick={() => setConfirmAll(false)}>
              {t('popup_cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmAll(true)}>
            {t('popup_clear_all')}
          </button>
        )}
      </div>
      {importNote && (
        <p role={importNote.ok ? 'status' : 'alert'} class={importNote.ok ? 'ok' : 'error'}>
          {importNote.text}
        </p>
      )}
    </section>
  );
}
