import type { Diagnosis } from '@/lib/diagnosis/model';
import { layerKind, layerName } from '@/lib/i18n/diagnosis-text';
import { t } from '@/lib/i18n/translate';

export interface Props {
  diagnosis: Diagnosis;
}

/**
 * The hops from the visitor to the failure, outermost first, the failed one marked — as
 * Cloudflare's error page draws You → Cloudflare → Host, for every vendor.
 */
export function HopDiagram({ diagnosis }: Props) {
  const { chain, failing } = diagnosis;
  // The visitor's own network, when it is in the chain, is where "You" are.
  const hops = chain.filter((l) => l.id !== 'network');
  const youFailed = failing !== null && chain[failing]?.id === 'network';
  if (hops.length === 0 && !youFailed) return null;
  const failedLayer = failing === null ? undefined : chain[failing];
  return (
    <ol class="x5-hops" aria-label={t('ui_hops_label')}>
      <li class={youFailed ? 'x5-hop x5-hop-failed' : 'x5-hop'}>
        <span class="x5-hop-name">{youFailed ? t('layer_network') : t('ui_hops_you')}</span>
        <span class="x5-hop-kind">{t('ui_hops_browser')}</span>
        {youFailed && <span class="x5-hop-mark">{t('ui_hops_failed')}</span>}
      </li>
      {hops.map((layer, i) => {
        const failed = failedLayer === layer;
        // An inferred hop behind the one that failed never saw the request (a site not reached).
        const unreached = layer.implied && failedLayer !== undefined && i > hops.indexOf(failedLayer);
        return (
          <li
            key={layer.id}
            class={`x5-hop${failed ? ' x5-hop-failed' : ''}${layer.implied ? ' x5-hop-implied' : ''}${unreached ? ' x5-hop-unreached' : ''}`}
          >
            <span class="x5-hop-name">{layerName(layer, t)}</span>
            <span class="x5-hop-kind">{layerKind(layer, t)}</span>
            {failed && <span class="x5-hop-mark">{t('ui_hops_failed')}</span>}
            {unreached && <span class="x5-hop-note">{t('ui_hops_unreached')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
