import { describe, expect, it } from 'vitest';
import { IMPLIED_LAYERS } from '@/lib/diagnosis/chain';
import { CAUSES, UNKNOWN_CAUSE } from '@/lib/diagnosis/tables/causes';
import { CODE_MEANINGS } from '@/lib/diagnosis/tables/codes';
import { FINGERPRINTS } from '@/lib/diagnosis/tables/fingerprints';
import { causeKey, causeTitleKey, codeKey, lookFirstKey } from '@/lib/i18n/keys';
import { messages } from '../helpers/t';

// Keys built from table ids (lib/i18n/keys.ts) are not checked by the type system: every row of
// every table must have its words in the English file.
const KINDS = [
  'network',
  'cdn',
  'edge_code',
  'firewall',
  'load_balancer',
  'platform',
  'proxy',
  'server',
  'origin',
  'application',
  'database',
];
const required = [
  ...[...CODE_MEANINGS.map((m) => codeKey(m.code)), codeKey(599)].flatMap((id) => [
    `${id}_title`,
    `${id}_visitor`,
    `${id}_owner`,
  ]),
  ...[...CAUSES, UNKNOWN_CAUSE].flatMap((c) => [`${causeKey(c.id)}_visitor`, `${causeKey(c.id)}_owner`]),
  ...CAUSES.flatMap((c) => causeTitleKey(c.id) ?? []),
  ...FINGERPRINTS.map((f) => lookFirstKey(f.id)),
  lookFirstKey('generic:zorkd'),
  ...['high', 'medium', 'low'].map((level) => `ui_confidence_${level}`),
  ...['working', 'failed', 'probably', 'planned', 'not_reached'].map((state) => `ui_hop_${state}`),
  ...Object.keys(IMPLIED_LAYERS).flatMap((id) => [`layer_${id}`, `layer_${id}_owner`]),
  'layer_default_owner',
  ...KINDS.map((k) => `kind_${k}`),
  ...['none', 'minor', 'major', 'critical', 'maintenance'].map((i) => `status_${i}`),
];

describe('message files', () => {
  it.each(required)('%s has English words', (key) => {
    expect(messages[key]?.message.trim().length ?? 0).toBeGreaterThan(0);
  });

  it('use only $1…$9 placeholders, each given by the caller', () => {
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.replace(/\$\$|\$[1-9]/g, ''), key).not.toContain('$');
    }
  });
});
