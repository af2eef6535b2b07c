import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/translate';
import { statusPageOf } from '@/lib/settings';
import type { SectionProps } from './section';

export interface Props extends SectionProps {
  siteOf: (url: string) => string;
}

/** Status-page lookups: on or off, and the addresses a person entered per site. */
export function StatusPagesSection({ settings, apply, siteOf }: Props) {
  const [statusSite, setStatusSite] = useState('');
  const [statusUrl, setStatusUrl] = useState('');
  const [statusError, setStatusError] = useState<string | null>(null);

  const addStatusPage = () => {
    const page = statusPageOf(statusSite, statusUrl, siteOf);
    if (!page) {
      setStatusError(t('options_status_error'));
      return;
    }
    setStatusError(null);
    setStatusSite('');
    setStatusUrl('');
    void apply({ statusPageUrls: { ...settings.statusPageUrls, [page.site]: page.url } });
  };

  return (
    <section aria-labelledby="opt-status">
      <h2 id="opt-status">{t('options_status_heading')}</h2>
      <label class="toggle">
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
  );
}
