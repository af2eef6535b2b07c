import { CODE_MEANINGS } from '@/lib/diagnosis/tables/codes';
import { t } from '@/lib/i18n/translate';
import type { SectionProps } from './section';

/** What to show: the card, the notices, and which codes to explain. */
export function ShowSection({ settings, apply }: SectionProps) {
  return (
    <section aria-labelledby="opt-show">
      <h2 id="opt-show">{t('options_show_heading')}</h2>
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings.overlay}
          onChange={(e) => apply({ overlay: (e.target as HTMLInputElement).checked })}
        />
        {t('options_overlay')}
      </label>
      <label class="toggle">
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
            <label key={code} class="toggle">
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
  );
}
