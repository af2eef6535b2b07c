/**
 * What to make of each network error (./network-errors.ts, by row id): its likely causes, most
 * likely first, and the next steps for each reader. Words are not here: causes are
 * `cause_<id>_visitor` and `_owner` texts (lib/i18n/keys.ts), visitor steps
 * `ui_visitor_step_net_<id>`, owner steps `ui_owner_check_net_<id>`. Kept apart from the
 * browsers' names, so that the card, which renders a stored incident, carries only this.
 */
export interface NetworkAdvice {
  /** Likely causes, most likely first (ids of `cause_<id>_*` texts). */
  causes: readonly string[];
  /** What a visitor can do, in order. */
  visitorSteps: readonly string[];
  /** What the site owner checks, in order. */
  ownerSteps: readonly string[];
}

/** @internal One entry per row of ./network-errors.ts; exported for the tests that check both. */
export const NETWORK_ADVICE: Readonly<Record<string, NetworkAdvice>> = {
  'name-not-resolved': {
    causes: ['net-dns-record', 'net-dns-resolver'],
    visitorSteps: ['spelling', 'other-network', 'later'],
    ownerSteps: ['dns-lookup', 'domain-expiry', 'resolvers'],
  },
  'resolver-failed': {
    causes: ['net-dns-resolver', 'net-dns-record'],
    visitorSteps: ['other-network', 'restart-router', 'later'],
    ownerSteps: ['resolvers', 'dns-lookup'],
  },
  'resolver-unreachable': {
    causes: ['net-dns-resolver'],
    visitorSteps: ['other-network', 'restart-router', 'later'],
    ownerSteps: ['resolvers'],
  },
  refused: {
    causes: ['net-not-listening', 'net-firewall-reject'],
    visitorSteps: ['later', 'reload-when-back'],
    ownerSteps: ['listening', 'firewall', 'dns-points-here'],
  },
  reset: {
    causes: ['net-server-crashed', 'net-path-reset'],
    visitorSteps: ['later', 'other-network'],
    ownerSteps: ['server-logs', 'firewall', 'limits'],
  },
  closed: {
    causes: ['net-server-closed', 'net-tls-config'],
    visitorSteps: ['later', 'other-network'],
    ownerSteps: ['server-logs', 'tls-setup', 'limits'],
  },
  aborted: {
    causes: ['net-path-reset', 'net-server-crashed'],
    visitorSteps: ['later', 'other-network'],
    ownerSteps: ['server-logs', 'firewall'],
  },
  'timed-out': {
    causes: ['net-firewall-drop', 'net-overloaded'],
    visitorSteps: ['later', 'other-network'],
    ownerSteps: ['firewall', 'listening', 'limits'],
  },
  'address-unreachable': {
    causes: ['net-no-route', 'net-dns-record'],
    visitorSteps: ['other-network', 'later'],
    ownerSteps: ['dns-points-here', 'hosting'],
  },
  'address-invalid': {
    causes: ['net-dns-record'],
    visitorSteps: ['other-network', 'later'],
    ownerSteps: ['dns-lookup', 'dns-points-here'],
  },
  'connection-failed': {
    causes: ['net-not-listening', 'net-path-reset'],
    visitorSteps: ['later', 'other-network'],
    ownerSteps: ['listening', 'firewall'],
  },
  'cert-date': {
    causes: ['net-cert-expired', 'net-clock'],
    visitorSteps: ['clock', 'no-bypass', 'later'],
    ownerSteps: ['cert-renew', 'cert-chain'],
  },
  'cert-name': {
    causes: ['net-cert-name', 'net-interception'],
    visitorSteps: ['spelling', 'no-bypass', 'other-network'],
    ownerSteps: ['cert-names', 'dns-points-here'],
  },
  'cert-authority': {
    causes: ['net-cert-untrusted', 'net-interception'],
    visitorSteps: ['no-bypass', 'other-network'],
    ownerSteps: ['cert-chain', 'cert-renew'],
  },
  'cert-invalid': {
    causes: ['net-cert-untrusted', 'net-interception'],
    visitorSteps: ['no-bypass', 'other-network'],
    ownerSteps: ['cert-chain', 'cert-renew'],
  },
  'cert-revoked': {
    causes: ['net-cert-revoked'],
    visitorSteps: ['no-bypass', 'later'],
    ownerSteps: ['cert-renew'],
  },
  'tls-version': {
    causes: ['net-tls-config'],
    visitorSteps: ['update-browser', 'later'],
    ownerSteps: ['tls-setup'],
  },
  'tls-protocol': {
    causes: ['net-tls-config', 'net-interception'],
    visitorSteps: ['later', 'other-network'],
    ownerSteps: ['tls-setup', 'cert-chain'],
  },
  'tls-failed': {
    causes: ['net-tls-config', 'net-interception'],
    visitorSteps: ['later', 'other-network'],
    ownerSteps: ['tls-setup', 'cert-chain'],
  },
  empty: {
    causes: ['net-server-closed', 'net-server-crashed'],
    visitorSteps: ['later', 'reload-when-back'],
    ownerSteps: ['server-logs', 'limits'],
  },
  'http-invalid': {
    causes: ['net-http-broken', 'net-server-crashed'],
    visitorSteps: ['later', 'reload-when-back'],
    ownerSteps: ['server-logs', 'proxy-config'],
  },
  'http-protocol': {
    causes: ['net-http-broken', 'net-tls-config'],
    visitorSteps: ['later', 'reload-when-back'],
    ownerSteps: ['proxy-config', 'server-logs'],
  },
  'redirect-loop': {
    causes: ['net-redirect-loop'],
    visitorSteps: ['cookies', 'later'],
    ownerSteps: ['redirects'],
  },
};

/** The advice for a row id; undefined for an id no row has. */
export function networkAdvice(id: string): NetworkAdvice | undefined {
  return Object.hasOwn(NETWORK_ADVICE, id) ? NETWORK_ADVICE[id] : undefined;
}
