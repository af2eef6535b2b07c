import { networkAdvice } from '@/lib/diagnosis/tables/network-advice';
import type { Incident } from '@/lib/log/model';
import { waitPhrase } from './diagnosis-text';
import { phraseText, type TextKey, type Translate } from './translate';

/**
 * The card's one next step, in the visitor's words: what to do about this failure now. One line,
 * chosen from what the diagnosis knows, so that it never repeats the lead above it.
 */

/** Next steps by the first cause's id; a cause not listed: wait a minute, then try again. */
const STEP_BY_CAUSE: Readonly<Record<string, TextKey>> = {
  challenge: 'ui_step_page',
  'captive-portal': 'ui_step_wifi',
  'network-proxy-dns': 'ui_step_check_address',
  'network-proxy-unreachable': 'ui_visitor_step_net_other_network',
  // Set-up errors: trying again soon will not help, only the owner can.
  'wp-critical': 'ui_step_owner',
  'edge-code': 'ui_step_owner',
  'vercel-function-failed': 'ui_step_owner',
  'heroku-app-error': 'ui_step_owner',
  'upstream-dns': 'ui_step_owner',
  'upstream-tls': 'ui_step_owner',
  'cf-origin-refused': 'ui_step_owner',
  'cf-origin-unreachable': 'ui_step_owner',
  'cf-origin-tls': 'ui_step_owner',
  'cf-origin-certificate': 'ui_step_owner',
  'cf-origin-dns': 'ui_step_owner',
  // Outages that take a while.
  'wp-database': 'ui_step_later',
  database: 'ui_step_later',
  'bandwidth-limit': 'ui_step_later',
};

/** Codes that say the request itself cannot be served: asking again gets the same answer. */
const NO_HELP_CODES: ReadonlySet<number> = new Set([501, 505]);

/** Steps that already send the visitor to another network: no second tip says it again. */
const OTHER_NETWORK_STEPS: ReadonlySet<TextKey> = new Set([
  'ui_step_check_address',
  'ui_visitor_step_net_other_network',
]);

/** What the card is doing about the failure, which changes what the visitor should do. */
export interface StepContext {
  /** The page came from a form (POST…): trying again would send it twice. */
  posted: boolean;
  /** The card is waiting for the site to come back, and will reload by itself. */
  reloading: boolean;
}

/** The card's next step: its key (for what else the card says) and its text. */
export function nextStep(
  incident: Pick<Incident, 'status' | 'network' | 'diagnosis'>,
  { posted, reloading }: StepContext,
  t: Translate,
): { key: TextKey; text: string } {
  const step = (key: TextKey, ...subs: string[]) => ({ key, text: t(key, ...subs) });
  if (posted) return step('ui_step_form');
  if (reloading) return step('ui_step_reloading');
  if (incident.network) {
    const first = networkAdvice(incident.network.id)?.visitorSteps[0];
    return first ? step(`ui_visitor_step_net_${first.replace(/-/g, '_')}` as TextKey) : step('ui_visitor_step_wait');
  }
  const d = incident.diagnosis;
  const cause = d.causes[0]?.id ?? 'unknown';
  if (NO_HELP_CODES.has(incident.status)) return step('ui_step_no_help');
  const key = STEP_BY_CAUSE[cause];
  if (key) return step(key);
  const wait = d.retryAfter && d.retryAfter.seconds > 0 ? waitPhrase(d.retryAfter.seconds) : null;
  // Maintenance's lead already says when it should be back.
  if (cause === 'maintenance') return step(wait ? 'ui_step_after_wait' : 'ui_step_later');
  return wait ? step('ui_visitor_step_back', phraseText(t, wait)) : step('ui_visitor_step_wait');
}

/** Layers whose failure can depend on the visitor's way in: their own network, or the edge they reach. */
const NETWORK_KINDS: ReadonlySet<string> = new Set(['network', 'cdn', 'firewall']);

/**
 * "If it keeps failing, try another network": only where the visitor's network or the edge they
 * reach could be at fault, and not when the next step already says so; null otherwise.
 */
export function otherNetworkTip(
  incident: Pick<Incident, 'network' | 'diagnosis'>,
  step: TextKey,
  t: Translate,
): string | null {
  if (OTHER_NETWORK_STEPS.has(step) || incident.diagnosis.falseAlarm) return null;
  const d = incident.diagnosis;
  const failing = d.failing === null ? undefined : d.chain[d.failing];
  const could = incident.network
    ? (networkAdvice(incident.network.id)?.visitorSteps.includes('other-network') ?? false)
    : failing !== undefined && NETWORK_KINDS.has(failing.kind);
  return could ? t('ui_visitor_step_network') : null;
}
