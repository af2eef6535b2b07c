import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/translate';
import { quietSiteOf } from '@/lib/settings';
import type { SectionProps } from './section';

export interface Props extends SectionProps {
  siteOf: (url: string) => string;
}

/** Sites where nothing is shown: the list, and a field to add one. */
export function QuietSitesSection({ settings, apply, siteOf }: Props) {
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);

  const addSite = () => {
    const site = quietSiteOf(newSite, siteOf);
    if (!site) {
      setSiteError(t('options_site_error'));
      return;
    }
    setSiteError(null);
    setNewSite('');
    if (!settings.quietSites.includes(site)) void apply({ quietSites: [...settings.quietSites, site] });
  };

  return (
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
  );
}
