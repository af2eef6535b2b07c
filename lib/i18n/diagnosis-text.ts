import type { EdgeLocation } from '@/lib/diagnosis/edge-location';
import type { Cause, Diagnosis, Layer } from '@/lib/diagnosis/model';
import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { causeKey, codeKey, lookFirstKey } from './keys';
import { type Phrase, phraseText, type TextKey, type Translate } from './translate';

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
    meaning: t(`${id}_${reader}` as TextKey, status),
  };
}

/** A layer's name for the diagram: the vendor's own, or ours for a layer we only inferred. */
export function layerName(layer: Layer, t: Translate): string {
  return layer.implied ? t(`layer_${layer.id}` as TextKey) : layer.vendor;
}

/** An edge location as people read it: `FRA56-P5 (Frankfurt)`, or the bare POP. */
export function edgeName(edge: EdgeLocation): string {
  return edge.city ? `${edge.pop} (${edge.city})` : edge.pop;
}

/** What kind of hop a layer is ("CDN", "Load balancer"…). */
export function layerKind(layer: Layer, t: Translate): string {
  return t(`kind_${layer.kind.replace('-', '_')}` as TextKey);
}

/** Where the site owner should look first for a layer; null for layers we only inferred. */
export function whereToLook(layer: Layer, t: Translate): string | null {
  return layer.implied ? null : t(lookFirstKey(layer.id) as TextKey);
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
  const code = codeText(status, 'visitor', t);
  return {
    title: diagnosis.falseAlarm ? t('ui_false_alarm_title') : code.title,
    lead: headline(diagnosis, 'visitor', t) ?? code.meaning,
  };
}

/** A wait in plain words, for a sentence such as "It should be back $2." */
export function waitPhrase(seconds: number): Phrase {
  if (seconds <= 0) return { key: 'wait_now' };
  if (seconds < 45) return { key: 'wait_seconds' };
  if (seconds < 90) return { key: 'wait_minute' };
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return { key: 'wait_minutes', subs: [String(minutes)] };
  const hours = Math.round(minutes / 60);
  if (hours < 2) return { key: 'wait_hour' };
  if (hours < 36) return { key: 'wait_hours', subs: [String(hours)] };
  return { key: 'wait_days', subs: [String(Math.round(hours / 24))] };
}
