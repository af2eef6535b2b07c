import type { Diagnosis, Evidence } from '@/lib/diagnosis/model';
import { layerName } from '@/lib/i18n/diagnosis-text';
import { count, t } from '@/lib/i18n/translate';

export interface Props {
  diagnosis: Diagnosis;
}

function clue(e: Evidence): string {
  if (e.source === 'header') return t('ui_evidence_header', e.header ?? '', e.text);
  // A timing clue holds milliseconds (older logs held English words: shown as they are).
  if (e.source === 'timing') return /^\d+$/.test(e.text) ? t('ui_evidence_timing', count(Number(e.text))) : e.text;
  return t(`ui_evidence_${e.source}` as const, e.text);
}

/** Why we think what we say: each signed layer's clues, quoted from the response (as text). */
export function EvidenceList({ diagnosis }: Props) {
  const signed = diagnosis.chain.filter((l) => l.evidence.length > 0);
  const causeClues = diagnosis.causes[0]?.evidence ?? [];
  if (signed.length === 0 && causeClues.length === 0) return <p>{t('ui_evidence_none')}</p>;
  return (
    <ul class="x5-evidence">
      {signed.map((layer) => (
        <li key={layer.id}>
          <strong>{layerName(layer, t)}</strong>: {layer.evidence.map(clue).join('; ')}
        </li>
      ))}
      {causeClues.length > 0 && (
        <li>
          <strong>{t('ui_evidence_cause')}</strong>: {causeClues.map(clue).join('; ')}
        </li>
      )}
    </ul>
  );
}
