import type { Diagnosis } from '@/lib/diagnosis/model';
import { type HopState, hopLabel, hopProduct, hopStates } from '@/lib/i18n/diagnosis-text';
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

/** One box of the diagram: hops next to each other with the same label and state share one. */
interface Box {
  label: string;
  products: string[];
  state: HopState;
  implied: boolean;
}

/**
 * The boxes, outermost first: You, then each hop in a visitor's words with the products it
 * names. Neighbours that read the same (two front servers, both working) are one box, so that
 * a long chain stays short. The visitor's own network, when it is where the problem is (a Wi-Fi
 * login), stands where "You" would.
 */
function hopBoxes(diagnosis: Diagnosis): Box[] {
  const states = hopStates(diagnosis);
  if (!states) return [];
  const hops = diagnosis.chain.map((layer, i) => ({ layer, state: states[i] as HopState }));
  const visitorsNetwork = hops[0]?.layer.implied && hops[0].layer.id === 'network';
  const boxes: Box[] = visitorsNetwork
    ? []
    : [{ label: t('ui_hops_you'), products: [], state: 'working', implied: false }];
  for (const { layer, state } of hops) {
    const label = hopLabel(layer, t);
    const product = hopProduct(layer, t);
    // A hop no header names, but whose failure the browser itself reported (a network error),
    // is known, not inferred.
    const implied = layer.implied && state !== 'failed';
    const last = boxes.at(-1);
    if (last && last.label === label && last.state === state && last.implied === implied) {
      if (product && !last.products.includes(product)) last.products.push(product);
      continue;
    }
    boxes.push({ label, products: product ? [product] : [], state, implied });
  }
  return boxes;
}

/**
 * The hops from the visitor to the failure, as Cloudflare's error page draws You → Cloudflare →
 * Host, for every vendor: each box says what it is and how it did — working, the problem here
 * (probably here, drawn lighter, for a hop no header names), planned work, or never reached.
 * Nothing is drawn when the diagnosis cannot tell where the problem is.
 */
export function HopDiagram({ diagnosis }: Props) {
  const boxes = hopBoxes(diagnosis);
  if (boxes.length === 0) return null;
  return (
    <ol class="x5-hops" aria-label={t('ui_hops_label')}>
      {boxes.map((box, i) => (
        // Labels repeat only between boxes of different states; the index keeps keys unique.
        <li key={`${box.label}-${i}`} class={`x5-hop x5-hop-${box.state}${box.implied ? ' x5-hop-implied' : ''}`}>
          <span class="x5-hop-name">{box.label}</span>
          {box.products.length > 0 && <span class="x5-hop-product">{box.products.join(', ')}</span>}
          <span class="x5-hop-state">{t(STATE_KEYS[box.state])}</span>
        </li>
      ))}
    </ol>
  );
}
