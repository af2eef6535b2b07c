import type { EdgeLocation } from '@/lib/diagnosis/edge-location';
import type { Cause, Diagnosis, Layer } from '@/lib/diagnosis/model';
import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { causeKey, causeTitleKey, codeKey, lookFirstKey } from './keys';
import { count, type Phrase, phraseText, type TextKey, type Translate } from './translate';

/**
 * The diagnosis's words: turns a stored diagnosis (ids and evidence, no prose) into words in
 * the reader's language. The keys are built from table ids (./keys.ts).
 */

export type Reader = 'visitor' | 'owner';

/** The card's title, the code's name and what the code means, for one reader. */
export function codeText(
  status: number,
  reader: Reader,
  t: Translate,
): { title: string; name: string; meaning: string } {
  const id = codeKey(status);
  return {
    title: t(`${id}_title` as TextKey),
    name: codeMeaning(status).name,
    meaning: t(`${id}_${reader}` as TextKey, String(status)),
  };
}

/**
 * The card's title: the first cause's own when it is specific enough to have one (planned
 * maintenance, the visitor's network), a false alarm's, else the code's — so that the title never
 * says less than, or the opposite of, the sentence under it.
 */
function titleText(diagnosis: Diagnosis, status: number, t: Translate): string {
  if (diagnosis.falseAlarm) return t('ui_false_alarm_title');
  const key = diagnosis.causes[0] ? causeTitleKey(diagnosis.causes[0].id) : null;
  return key ? t(key as TextKey) : codeText(status, 'visitor', t).title;
}

/** A layer's name for the diagram: the vendor's own (or the product a header names), or ours for a layer we only inferred. */
export function layerName(layer: Layer, t: Translate): string {
  return layer.implied ? t(`layer_${layer.id}` as TextKey) : layer.vendor;
}

/** An edge location as people read it: `FRA56-P5 (Frankfurt)`, or the bare POP. */
export function edgeName(edge: EdgeLocation): string {
  return edge.city ? `${edge.pop} (${edge.city})` : edge.pop;
}

/**
 * A hop's label in the diagram, in a visitor's words: what kind of hop it is ("Front server",
 * "Delivery network"), or our own name for a hop we only inferred ("The site’s app").
 */
export function hopLabel(layer: Layer, t: Translate): string {
  return layer.implied ? layerName(layer, t) : layerKind(layer, t);
}

/** The product a signed hop names ("nginx", "Cloudflare"), shown under its label; null when it would repeat it. */
export function hopProduct(layer: Layer, t: Translate): string | null {
  if (layer.implied) return null;
  const label = hopLabel(layer, t).toLowerCase();
  const vendor = layer.vendor.toLowerCase();
  return label.includes(vendor) || vendor.includes(label) ? null : layer.vendor;
}

/** What kind of hop a layer is, in a visitor's words ("Front server", "Delivery network"…). */
export function layerKind(layer: Layer, t: Translate): string {
  return t(`kind_${layer.kind.replace(/-/g, '_')}` as TextKey);
}

/** Where the site owner should look first for a layer; null for layers we only inferred. */
export function whereToLook(layer: Layer, t: Translate): string | null {
  return layer.implied ? null : t(lookFirstKey(layer.id) as TextKey);
}

/** How sure the diagnosis is, in plain words; null for one stored before it said. */
export function confidenceText(diagnosis: Diagnosis, t: Translate): string | null {
  return diagnosis.confidence ? t(`ui_confidence_${diagnosis.confidence}`) : null;
}

/** What the diagram says of one hop. */
export type HopState = 'working' | 'failed' | 'probably' | 'planned' | 'not-reached';

/**
 * The state of each layer of the chain, or null for all when nothing failed (a false alarm) or we
 * cannot tell where: hops outside the failing one answered and passed it on; the failing one has
 * the problem (probably, when no header names it; planned, when it says it is in maintenance);
 * hops inside it were never reached.
 */
export function hopStates(diagnosis: Diagnosis): HopState[] | null {
  const { chain, failing } = diagnosis;
  if (failing === null || !chain[failing]) return null;
  const planned = diagnosis.causes[0]?.id === 'maintenance';
  // A network error's hop is known, not inferred: the browser itself said which step failed.
  const reported = diagnosis.causes.some((c) => c.evidence.some((e) => e.source === 'error'));
  return chain.map((layer, i) => {
    if (i < failing) return 'working';
    if (i > failing) return 'not-reached';
    if (planned) return 'planned';
    return layer.implied && !reported ? 'probably' : 'failed';
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One cause in plain words for one reader, with the layer it names and the wait filled in. */
export function causeText(diagnosis: Diagnosis, cause: Cause, reader: Reader, t: Translate): string {
  const anchor = cause.anchor === null ? undefined : diagnosis.chain[cause.anchor];
  const name = !anchor
    ? t('layer_default_owner')
    : anchor.implied
      ? t(`layer_${anchor.id}_owner` as TextKey)
      : anchor.vendor;
  const wait: Phrase = diagnosis.retryAfter ? waitPhrase(diagnosis.retryAfter.seconds) : { key: 'wait_soon' };
  const text = t(`${causeKey(cause.id)}_${reader}` as TextKey, name, phraseText(t, wait));
  // Vendor names keep their own case ("nginx starts a sentence"); our own words get a capital.
  return anchor && !anchor.implied ? text : capitalise(text);
}

/** The first (most likely) cause in words, for the card's headline sentence. */
export function headline(diagnosis: Diagnosis, reader: Reader, t: Translate): string | null {
  const first = diagnosis.causes[0];
  return first && first.id !== 'unknown' ? causeText(diagnosis, first, reader, t) : null;
}

/**
 * The card's first words for a failure, for the visitor: its title and its lead sentence. The
 * popup's "This tab" says the same words as the card.
 */
export function cardSummary(status: number, diagnosis: Diagnosis, t: Translate): { title: string; lead: string } {
  return {
    title: titleText(diagnosis, status, t),
    lead: headline(diagnosis, 'visitor', t) ?? codeText(status, 'visitor', t).meaning,
  };
}

/** A wait in plain words, for a sentence such as "It should be back $2." */
export function waitPhrase(seconds: number): Phrase {
  if (seconds <= 0) return { key: 'wait_now' };
  if (seconds < 45) return { key: 'wait_seconds' };
  if (seconds < 90) return { key: 'wait_minute' };
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return { key: 'wait_minutes', subs: [count(minutes)] };
  const hours = Math.round(minutes / 60);
  if (hours < 2) return { key: 'wait_hour' };
  if (hours < 36) return { key: 'wait_hours', subs: [count(hours)] };
  return { key: 'wait_days', subs: [count(Math.round(hours / 24))] };
}
