import { useContext, useId, useState } from 'preact/hooks';
import { failureText } from '@/lib/i18n/other-networks-text';
import { count, t } from '@/lib/i18n/translate';
import type { OtherNetworksCheck } from '@/lib/log/model';
import { formatTime } from '@/lib/log/time';
import type { OtherNetworksApi } from '@/lib/owner-tools/other-networks';
import { OtherNetworksContext } from './other-networks-api';
import { OtherNetworksResult } from './other-networks-result';
import { useOtherNetworks } from './use-other-networks';

export interface Props {
  /** The failing address (its site is what is checked; the page's path only if the person agrees). */
  url: string;
  /** The incident it is about, whose answer the log keeps with it. */
  incidentId?: number;
  /** The answer kept with the incident, shown until a new one comes. */
  kept?: OtherNetworksCheck;
  /** Folded under its own heading (the card's details), or open (the popup's site tools). */
  folded?: boolean;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * "Check from other networks" (Globalping): the action, the first use's consent, progress while
 * probes answer, then the answer. Shown only where the surface provides the way to ask
 * (OtherNetworksContext).
 */
export function OtherNetworks(props: Props) {
  const api = useContext(OtherNetworksContext);
  if (!api) return null;
  if (!props.folded) return <Panel api={api} {...props} />;
  return (
    <details class="x5-details x5-net">
      <summary>{t('net_heading')}</summary>
      <Panel api={api} {...props} />
    </details>
  );
}

function Panel({ api, url, incidentId, kept }: Props & { api: OtherNetworksApi }) {
  const n = useOtherNetworks(api, url, incidentId, kept);
  const [includePath, setIncludePath] = useState(false);
  const titleId = useId();
  const { state } = n;
  const progress = state?.state === 'running' ? state : null;
  return (
    <div class="x5-net-panel">
      {n.consenting ? (
        <section class="x5-net-consent" aria-labelledby={titleId}>
          <p id={titleId} class="x5-net-consent-title">
            <strong>{t('net_consent_title')}</strong>
          </p>
          <p>{t('net_consent_body', hostOf(url))}</p>
          {api.consent.where === 'here' && (
            <label class="x5-switch">
              <input
                type="checkbox"
                checked={includePath}
                onChange={(e) => setIncludePath((e.target as HTMLInputElement).checked)}
              />
              {t('net_consent_path')}
            </label>
          )}
          <div class="x5-actions">
            <button type="button" class="x5-primary" onClick={() => void n.allow(includePath)}>
              {api.consent.where === 'here' ? t('net_consent_allow') : t('net_consent_settings')}
            </button>
            <button type="button" class="x5-secondary" onClick={n.cancel}>
              {t('net_consent_cancel')}
            </button>
          </div>
          {n.denied && <p role="alert">{t('net_consent_denied')}</p>}
        </section>
      ) : (
        <button type="button" class="x5-secondary" onClick={() => void n.check()} disabled={progress !== null}>
          {t('net_action')}
        </button>
      )}
      <div role="status" class="x5-status">
        {progress &&
          (progress.total > 0
            ? t('net_checking', count(progress.done), count(progress.total))
            : t('net_checking_start'))}
      </div>
      {progress && progress.total > 0 && (
        <progress class="x5-net-progress" max={progress.total} value={progress.done} aria-hidden="true" />
      )}
      {state?.state === 'failed' && (
        <p role="alert" class="x5-net-error">
          {failureText(state.failure, t, (ms) => formatTime(ms, 'moment', { utc: false }))}
        </p>
      )}
      {state?.state === 'refused' && <p class="x5-net-error">{t('net_refused')}</p>}
      {state?.state === 'done' && <OtherNetworksResult check={state.check} />}
    </div>
  );
}
