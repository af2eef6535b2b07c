import { t } from '@/lib/i18n/translate';
import type { SiteSummary } from '@/lib/log/model';
import { Moment } from './badges';

export interface Props {
  sites: readonly SiteSummary[];
  selected: string | null;
  onSelect: (site: string) => void;
}

/** Every site in the log with its count and last failure; a site opens its own log. */
export function SiteTable({ sites, selected, onSelect }: Props) {
  return (
    <table class="sites">
      <thead>
        <tr>
          <th scope="col">{t('popup_col_site')}</th>
          <th scope="col" class="num">
            {t('popup_col_errors')}
          </th>
          <th scope="col">{t('popup_col_last')}</th>
        </tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={s.site} class={s.site === selected ? 'selected' : undefined}>
            <td>
              <button
                type="button"
                class="link"
                onClick={() => onSelect(s.site)}
                aria-current={s.site === selected ? 'true' : undefined}
              >
                {s.site}
              </button>
            </td>
            <td class="num">{s.count}</td>
            <td>
              <Moment ms={s.last} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
