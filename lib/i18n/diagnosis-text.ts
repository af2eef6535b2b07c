import type { Cause, Diagnosis, Layer } from '@/lib/diagnosis/diagnose';
import { waitPhrase } from '@/lib/diagnosis/retry-after';
import { codeMeaning, codeMessageId } from '@/lib/diagnosis/tables/codes';
import { causeMessageId, checkMessageId } from './keys';
import type { MessageKey, Translate } from './translate';

/**
 * Turns a stored diagnosis (ids and evidence, no prose) into words in the reader's language.
 * The message ids are built from table ids; test/unit/messages.test.ts checks that each exists.
 */

export type Reader = 'visitor' | 'owner';

/** The card's title, the code's name and what the code means, for one reader. */
export function codeText(
  status: number,
  reader: Reader,
  t: Translate,
): { title: string; name: string; meaning: string } {
  const id = codeMessageId(status);
  return {
    title: t(`${id}_title` as MessageKey),
    name: codeMeaning(status).name,
    meaning: t(`${id}_${reader}` as MessageKey, status),
  };
}

/** A layer's name for the diagram: the vendor's own, or ours for a layer we only inferred. */
export function layerName(layer: Layer, t: Translate): string {
  return layer.implied ? t(`layer_${layer.id}` as MessageKey) : layer.vendor;
}

/** What kind of hop a layer is ("CDN", "Load balancer"…). */
export function layerKind(layer: Layer, t: Translate): string {
  return t(`kind_${layer.kind.replace('-', '_')}` as MessageKey);
}

/** Where the site owner should look first for a layer; null for layers we only inferred. */
export function layerCheck(layer: Layer, t: Translate): string | null {
  return layer.implied ? null : t(checkMessageId(layer.id) as MessageKey);
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
      ? t(`layer_${anchor.id}_owner` as MessageKey)
      : anchor.vendor;
  const wait = diagnosis.retryAfter ? waitPhrase(diagnosis.retryAfter.seconds) : { key: 'wait_soon' as const };
  const text = t(`${causeMessageId(cause.id)}_${reader}` as MessageKey, name, t(wait.key, ...(wait.subs ?? [])));
  // Vendor names keep their own case ("nginx starts a sentence"); our own words get a capital.
  return anchor && !anchor.implied ? text : capitalise(text);
}

/** The first (most likely) cause in words, for the card's headline sentence. */
export function headline(diagnosis: Diagnosis, reader: Reader, t: Translate): string | null {
  const first = diagnosis.causes[0];
  return first && first.id !== 'unknown' ? causeText(diagnosis, first, reader, t) : null;
}
