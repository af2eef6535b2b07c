import { CAUSES, UNKNOWN_CAUSE } from '@/lib/diagnosis/tables/causes';
import { CODE_MEANINGS } from '@/lib/diagnosis/tables/codes';
import { NETWORK_ADVICE } from '@/lib/diagnosis/tables/network-advice';
import { NETWORK_ERRORS } from '@/lib/diagnosis/tables/network-errors';
import { networkKey } from '@/lib/i18n/failure-text';
import { causeKey, causeTitleKey } from '@/lib/i18n/keys';
import { messages } from './t';

/**
 * Every sentence a visitor reads: code titles and meanings, causes, and the card's own words
 * (not two-word labels: a grade formula or a word budget says nothing of "Delivery network").
 */
export const visitorKeys = [
  ...[...CODE_MEANINGS.map((m) => `code_${m.code}`), 'code_other'].flatMap((id) => [`${id}_title`, `${id}_visitor`]),
  ...[...CAUSES, UNKNOWN_CAUSE].map((c) => `${causeKey(c.id)}_visitor`),
  ...CAUSES.flatMap((c) => causeTitleKey(c.id) ?? []),
  ...['high', 'medium', 'low'].map((level) => `ui_confidence_${level}`),
  ...NETWORK_ERRORS.flatMap((row) => [`${networkKey(row.id)}_title`, `${networkKey(row.id)}_visitor`]),
  ...[...new Set(Object.values(NETWORK_ADVICE).flatMap((a) => a.causes))].map((id) => `${causeKey(id)}_visitor`),
  'ui_offline_title',
  'ui_offline_text',
  ...Object.keys(messages).filter((key) => key.startsWith('ui_visitor_')),
];
