import { useState } from 'preact/hooks';
import { CODE_MEANINGS } from '@/lib/diagnosis/tables/codes';
import { t } from '@/lib/i18n/translate';
import type { Settings } from '@/lib/settings';
import { siteOf } from '@/lib/site/site';

export interface Props {
  settings: Settings;
  /** Saves a change; resolves with the settings as stored. */
  save: (patch: Partial<Settings>) => Promise<Settings>;
}

type NumberField = 'retentionDays' | 'retentionCount';
const LIMITS: Record<NumberField, [number, number]> = { retentionDays: [1, 3650], retentionCount: [100, 1_000_000] };

/** The options page: what to explain, where, and how long the log keeps things. Saves as you go. */
export function OptionsForm({ settings: initial, save }: Props) {
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [drafts, setDrafts] = useState<Partial<Record<NumberField, string>>>({});
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const [statusSite, setStatusSite] = useState('');
  const [statusUrl, setStatusUrl] = useState('');
  const [statusError, setStatusError] = useState<string | null>(null);

  const addStatusPage = () => {
    const site = siteOf(`http://${statusSite.trim()}`);
    const url = statusUrl.trim();
    if (!site?.includes('.') || !/^https?:\/\/[^\s]+$/i.test(url)) {
      setStatusError(t('options_status_error'));
      return;
    }
    setStatusError(null);
    setStatusSite('');
    setStatusUrl('');
    void apply({ statusPageUrls: { ...settings.statusPageUrls, [site]: url } });
  };

  const apply = async (patch: Partial<Settings>) => {
    setSettings(await save(patch));
    setSaved(true);
  };

  const numberInput = (field: NumberField) => {
    const [min, max] = LIMITS[field];
    const draft = drafts[field];
    const value = draft ?? String(settings[field]);
    const n = Number(value);
    const bad = draft !== undefined && !(Number.isInteger(n) && n >= min && n <= max);
    const id = `opt-${field}`;
    return (
      <div class="field">
        <label for={id}>{t(field === 'retentionDays' ? 'options_retention_days' : 'options_retention_count')}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          aria-invalid={bad}
          aria-describedby={bad ? `${id}-error` : undefined}
          onInput={(e) => {
            const text = (e.target as HTMLInputElement).value;
            setDrafts({ ...drafts, [field]: text });
            const v = Number(text);
            // Only a valid number is saved; what the person typed stays in the field either way.
            if (text !== '' && Number.isInteger(v) && v >= min && v <= max) void apply({ [field]: v });
          }}
        />
        {bad && (
          <p id={`${id}-error`} class="error" role="alert">
            {t('options_number_error', min, max)}
          </p>
        )}
      </div>
    );
  };

  const addSite = () => {
    const text = newSite.trim();
    const site = /^[a-z0-9.-]+$/i.test(text.replace(/^https?:\/\//i, '').split('/')[0] ?? '')
      ? siteOf(/^https?:\/\//i.test(text) ? text : `http://${text}`)
      : '';
    if (!site?.includes('.')) {
      setSiteError(t('options_site_error'));
      return;
    }
    setSiteError(null);
    setNewSite('');
    if (!settings.quietSites.includes(site)) void apply({ quietSites: [...settings.quietSites, site] });
  };

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <section aria-labelledby="opt-show">
        <h2 id="opt-show">{t('options_show_heading')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.overlay}
            onChange={(e) => apply({ overlay: (e.target as HTMLInputElement).checked })}
          />
          {t('options_overlay')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.apiNotices}
            onChange={(e) => apply({ apiNotices: (e.target as HTMLInputElement).checked })}
          />
          {t('options_api_notices')}
        </label>
        <fieldset>
          <legend>{t('options_codes')}</legend>
          <div class="codes">
            {CODE_MEANINGS.map(({ code, name }) => (
              <label key={code} class="check">
                <input
                  type="checkbox"
                  checked={!settings.mutedCodes.includes(code)}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    void apply({
                      mutedCodes: on ? settings.mutedCodes.filter((c) => c !== code) : [...settings.mutedCodes, code],
                    });
                  }}
                />
                {code} {name}
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <section aria-labelledby="opt-sites">
        <h2 id="opt-sites">{t('options_sites_heading')}</h2>
        <p class="hint">{t('options_sites_hint')}</p>
        {settings.quietSites.length ? (
          <ul class="sites">
            {settings.quietSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  onClick={() => apply({ quietSites: settings.quietSites.filter((s) => s !== site) })}
                >
                  {t('options_site_remove', site)}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">{t('options_sites_none')}</p>
        )}
        <form
          class="add"
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <label for="opt-new-site">{t('options_site_add_label')}</label>
          <input
            id="opt-new-site"
            value={newSite}
            placeholder="example.com"
            aria-invalid={siteError !== null}
            aria-describedby={siteError ? 'opt-site-error' : undefined}
            onInput={(e) => setNewSite((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t('options_site_add')}</button>
          {siteError && (
            <p id="opt-site-error" class="error" role="alert">
              {siteError}
            </p>
          )}
        </form>
      </section>
      <section aria-labelledby="opt-status">
        <h2 id="opt-status">{t('options_status_heading')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.statusPages}
            onChange={(e) => apply({ statusPages: (e.target as HTMLInputElement).checked })}
          />
          {t('options_status_pages')}
        </label>
        <p class="hint">{t('options_status_hint')}</p>
        {Object.keys(settings.statusPageUrls).length > 0 && (
          <ul class="sites">
            {Object.entries(settings.statusPageUrls).map(([site, url]) => (
              <li key={site}>
                {site}: {url}{' '}
                <button
                  type="button"
                  onClick={() => {
                    const { [site]: _, ...rest } = settings.statusPageUrls;
                    void apply({ statusPageUrls: rest });
                  }}
                >
                  {t('options_status_remove', site)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="add"
          aria-label={t('options_status_own')}
          onSubmit={(e) => {
            e.preventDefault();
            addStatusPage();
          }}
        >
          <label for="opt-status-site">{t('options_status_site')}</label>
          <input
            id="opt-status-site"
            value={statusSite}
            placeholder="example.com"
            aria-invalid={statusError !== null}
            onInput={(e) => setStatusSite((e.target as HTMLInputElement).value)}
          />
          <label for="opt-status-url">{t('options_status_url')}</label>
          <input
            id="opt-status-url"
            value={statusUrl}
            placeholder="https://status.example.com"
            aria-invalid={statusError !== null}
            aria-describedby={statusError ? 'opt-status-error' : undefined}
            onInput={(e) => setStatusUrl((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t('options_status_add')}</button>
          {statusError && (
            <p id="opt-status-error" class="error" role="alert">
              {statusError}
            </p>
          )}
        </form>
      </section>
      <section aria-labelledby="opt-log">
        <h2 id="opt-log">{t('options_log_heading')}</h2>
        {numberInput('retentionDays')}
        {numberInput('retentionCount')}
        <label class="check">
          <input
            type="checkbox"
            checked={settings.logPrivate}
            onChange={(e) => apply({ logPrivate: (e.target as HTMLInputElement).checked })}
          />
          {t('options_log_private')}
        </label>
        <div class="field">
          <label for="opt-network">{t('options_network_label')}</label>
          <input
            id="opt-network"
            value={settings.networkLabel}
            maxLength={80}
            placeholder={t('options_network_placeholder')}
            onChange={(e) => apply({ networkLabel: (e.target as HTMLInputElement).value.trim() })}
          />
          <p class="hint">{t('options_network_hint')}</p>
        </div>
      </section>
      <p role="status" class="saved">
        {saved ? t('options_saved') : ''}
      </p>
    </main>
  );
}
