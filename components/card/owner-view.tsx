import { causeText, codeText, confidenceText, layerName, whereToLook } from '@/lib/i18n/diagnosis-text';
import { networkSteps } from '@/lib/i18n/failure-text';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import { type MySite, useMySite } from './use-my-site';

export interface Props {
  incident: Incident;
  /** Remembered per site where the card can; else this card's own. */
  mySite?: MySite;
}

const CHECKLIST = [
  'ui_owner_check_changes',
  'ui_owner_check_cdn',
  'ui_owner_check_logs',
  'ui_owner_check_upstream',
  'ui_owner_check_host',
] as const;

/**
 * "This is my site": a switch, and behind it the causes in technical words, where each layer
 * keeps its logs, and the checklist. It starts closed (most people who see the card are
 * visitors) unless the person said before that the site is theirs.
 */
export function OwnerView({ incident, mySite }: Props) {
  const own = useMySite(undefined);
  const { mine: open, set: setOpen } = mySite ?? own;
  const d = incident.diagnosis;
  const sure = confidenceText(d, t);
  const checklist = incident.network ? networkSteps(incident.network, 'owner', t) : CHECKLIST.map((key) => t(key));
  const places = d.chain
    .map((layer) => ({ layer, where: whereToLook(layer, t) }))
    .filter((p): p is { layer: typeof p.layer; where: string } => p.where !== null);
  return (
    <>
      <label class="x5-switch">
        <input type="checkbox" checked={open} onChange={(e) => setOpen((e.target as HTMLInputElement).checked)} />
        {t('ui_my_site')}
      </label>
      {open && (
        <section class="x5-owner" aria-label={t('ui_owner_heading')}>
          <h3 class="x5-sub">{t('ui_owner_likely')}</h3>
          <ol class="x5-causes">
            {d.causes.map((cause) => (
              <li key={cause.id}>
                {cause.id === 'unknown'
                  ? codeText(incident.status, 'owner', t).meaning
                  : causeText(d, cause, 'owner', t)}
              </li>
            ))}
          </ol>
          {sure && <p class="x5-note">{sure}</p>}
          {places.length > 0 && (
            <>
              <h3 class="x5-sub">{t('ui_owner_where')}</h3>
              <ul class="x5-steps">
                {places.map(({ layer, where }) => (
                  <li key={layer.id}>
                    <strong>{layerName(layer, t)}</strong>: {where}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3 class="x5-sub">{t('ui_owner_checklist')}</h3>
          <ul class="x5-steps">
            {checklist.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
