import type { Diagnosis } from '@/lib/diagnosis/model';
import { type HopState, hopStates, layerKind, layerName } from '@/lib/i18n/diagnosis-text';
import { t } from '@/lib/i18n/translate';

export interface Props {
  diagnosis: Diagnosis;
}

const STATE_KEYS = {
  working: 'ui_hop_working',
  failed: 'ui_hop_failed',
  probably: 'ui_hop_probably',
  planned: 'ui_hop_planned',
  'not-reached': 'ui_hop_not_reached',
} as const satisfies Record<HopState, string>;

/** A hop's classes: where the problem is (drawn red, dashed when only inferred), planned work (neutral), hops never reached (faded). */
function hopClass(state: HopState | null, implied: boolean): string {
  const classes = ['x5-hop'];
  if (implied) classes.push('x5-hop-implied');
  if (state === 'failed' || state === 'probably') classes.push('x5-hop-failed');
  if (state === 'planned') classes.push('x5-hop-planned');
  if (state === 'not-reached') classes.push('x5-hop-not-reached');
  return classes.join(' ');
}

/**
 * The hops from the visitor to the failure, outermost first, each with what happened there:
 * working, the problem here (probably here, for a hop no header names), planned maintenance, or
 * never reached — as Cloudflare's error page draws You → Cloudflare → Host, for every vendor.
 * A signed hop shows what kind of hop it is; an inferred one's name already says it.
 */
export function HopDiagram({ diagnosis }: Props) {
  const states = hopStates(diagnosis);
  const all = diagnosis.chain.map((layer, i) => ({ layer, state: states?.[i] ?? null }));
  // The visitor's own network, when no proxy of it signed (a Wi-Fi login), is where "You" are.
  // A network error's resolver is a hop of its own, after You.
  const you = all.find(({ layer }) => layer.implied && layer.id === 'network');
  const hops = all.filter((hop) => hop !== you);
  if (hops.length === 0 && !you) return null;
  return (
    <ol class="x5-hops" aria-label={t('ui_hops_label')}>
      <li class={hopClass(you?.state ?? null, false)}>
        <span class="x5-hop-name">{you ? t('layer_network') : t('ui_hops_you')}</span>
        {!you && <span class="x5-hop-kind">{t('ui_hops_browser')}</span>}
        {you?.state && <span class={`x5-hop-state x5-hop-state-${you.state}`}>{t(STATE_KEYS[you.state])}</span>}
      </li>
      {hops.map(({ layer, state }, i) => (
        // Layer ids repeat only among implied ones of different roles; the index keeps keys unique.
        <li key={`${layer.id}-${i}`} class={hopClass(state, layer.implied)}>
          <span class="x5-hop-name">{layerName(layer, t)}</span>
          {!layer.implied && <span class="x5-hop-kind">{layerKind(layer, t)}</span>}
          {state && <span class={`x5-hop-state x5-hop-state-${state}`}>{t(STATE_KEYS[state])}</span>}
        </li>
      ))}
    </ol>
  );
}
