import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/translate';
import { LIMITS, MAX_NETWORK_LABEL, type NumberField, withinLimits } from '@/lib/settings';
import type { SectionProps } from './section';

/** One retention limit: what the person typed stays in the field; only a valid number is saved. */
function NumberInput({ field, settings, apply }: SectionProps & { field: NumberField }) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [min, max] = LIMITS[field];
  const value = draft ?? String(settings[field]);
  const bad = draft !== undefined && !withinLimits(field, Number(value));
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
          setDraft(text);
          if (text !== '' && withinLimits(field, Number(text))) void apply({ [field]: Number(text) });
        }}
      />
      {bad && (
        <p id={`${id}-error`} class="error" role="alert">
          {t('options_number_error', String(min), String(max))}
        </p>
      )}
    </div>
  );
}

/** The log: how long and how much it keeps, private windows, and the network's name. */
export function LogSection({ settings, apply }: SectionProps) {
  return (
    <section aria-labelledby="opt-log">
      <h2 id="opt-log">{t('options_log_heading')}</h2>
      <NumberInput field="retentionDays" settings={settings} apply={apply} />
      <NumberInput field="retentionCount" settings={settings} apply={apply} />
      <label class="toggle">
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
          maxLength={MAX_NETWORK_LABEL}
          placeholder={t('options_network_placeholder')}
          onChange={(e) => apply({ networkLabel: (e.target as HTMLInputElement).value.trim() })}
        />
        <p class="hint">{t('options_network_hint')}</p>
      </div>
    </section>
  );
}
