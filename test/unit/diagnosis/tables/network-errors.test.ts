import { describe, expect, it } from 'vitest';
import { NETWORK_HOP_IDS } from '@/lib/diagnosis/network';
import { NETWORK_ADVICE } from '@/lib/diagnosis/tables/network-advice';
import { classifyNetworkError, NETWORK_ERRORS } from '@/lib/diagnosis/tables/network-errors';
import { networkKey } from '@/lib/i18n/failure-text';
import { causeKey } from '@/lib/i18n/keys';
import { messages } from '../../helpers/t';

/**
 * The predefined types of W3C Network Error Logging, §"Predefined network error types"
 * (https://w3c.github.io/network-error-logging/#predefined-network-error-types), by phase.
 */
const NEL_TYPES: Record<string, readonly string[]> = {
  dns: ['dns.unreachable', 'dns.name_not_resolved', 'dns.failed', 'dns.address_changed'],
  connection: [
    'tcp.timed_out',
    'tcp.closed',
    'tcp.reset',
    'tcp.refused',
    'tcp.aborted',
    'tcp.address_invalid',
    'tcp.address_unreachable',
    'tcp.failed',
    'tls.version_or_cipher_mismatch',
    'tls.bad_client_auth_cert',
    'tls.cert.name_invalid',
    'tls.cert.date_invalid',
    'tls.cert.authority_invalid',
    'tls.cert.invalid',
    'tls.cert.revoked',
    'tls.cert.pinned_key_not_in_cert_chain',
    'tls.protocol.error',
    'tls.failed',
  ],
  application: [
    'http.error',
    'http.protocol.error',
    'http.response.invalid',
    'http.response.redirect_loop',
    'http.failed',
    'abandoned',
    'unknown',
  ],
};

describe('the network error table', () => {
  // What the browsers really said in the lab (test/e2e/network-errors.e2e.ts, and by hand in
  // Firefox ESR 153 for the TLS sentences), and names from Chromium's net_error_list.h.
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'http://nx.test/', 'name-not-resolved', 'dns', 'dns.name_not_resolved'],
    ['NS_ERROR_UNKNOWN_HOST', 'http://nx.test/', 'name-not-resolved', 'dns', 'dns.name_not_resolved'],
    ['net::ERR_NAME_RESOLUTION_FAILED', 'http://x.test/', 'resolver-failed', 'dns', 'dns.failed'],
    ['net::ERR_DNS_TIMED_OUT', 'http://x.test/', 'resolver-unreachable', 'dns', 'dns.unreachable'],
    ['net::ERR_CONNECTION_REFUSED', 'http://x.test/', 'refused', 'connection', 'tcp.refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'http://x.test/', 'refused', 'connection', 'tcp.refused'],
    ['net::ERR_CONNECTION_RESET', 'http://x.test/', 'reset', 'connection', 'tcp.reset'],
    ['NS_ERROR_NET_RESET', 'http://x.test/', 'reset', 'connection', 'tcp.reset'],
    ['net::ERR_CONNECTION_CLOSED', 'https://x.test/', 'closed', 'connection', 'tcp.closed'],
    ['NS_ERROR_NET_INTERRUPT', 'https://x.test/', 'closed', 'connection', 'tcp.closed'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'http://x.test/', 'timed-out', 'connection', 'tcp.timed_out'],
    ['net::ERR_TIMED_OUT', 'http://x.test/', 'timed-out', 'connection', 'tcp.timed_out'],
    ['NS_ERROR_NET_TIMEOUT', 'http://x.test/', 'timed-out', 'connection', 'tcp.timed_out'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'http://x.test/', 'address-unreachable', 'connection', 'tcp.address_unreachable'],
    ['net::ERR_CERT_DATE_INVALID', 'https://x.test/', 'cert-date', 'connection', 'tls.cert.date_invalid'],
    ['Peer’s Certificate has expired.', 'https://x.test/', 'cert-date', 'connection', 'tls.cert.date_invalid'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'https://x.test/', 'cert-name', 'connection', 'tls.cert.name_invalid'],
    [
      'Unable to communicate securely with peer: requested domain name does not match the server’s certificate.',
      'https://x.test/',
      'cert-name',
      'connection',
      'tls.cert.name_invalid',
    ],
    [
      'net::ERR_CERT_AUTHORITY_INVALID',
      'https://x.test/',
      'cert-authority',
      'connection',
      'tls.cert.authority_invalid',
    ],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'https://x.test/', 'tls-protocol', 'connection', 'tls.protocol.error'],
    // Firefox in another language: a sentence we cannot name, on https, is a TLS failure.
    ['Das Zertifikat ist abgelaufen.', 'https://x.test/', 'tls-failed', 'connection', 'tls.failed'],
    ['net::ERR_EMPTY_RESPONSE', 'http://x.test/', 'empty', 'application', 'http.response.invalid'],
    [
      'net::ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH',
      'http://x.test/',
      'http-protocol',
      'application',
      'http.protocol.error',
    ],
    ['net::ERR_HTTP2_PROTOCOL_ERROR', 'https://x.test/', 'http-protocol', 'application', 'http.protocol.error'],
    ['net::ERR_TOO_MANY_REDIRECTS', 'http://x.test/', 'redirect-loop', 'application', 'http.response.redirect_loop'],
    ['NS_ERROR_REDIRECT_LOOP', 'http://x.test/', 'redirect-loop', 'application', 'http.response.redirect_loop'],
  ])('%s → %s', (error, url, id, phase, type) => {
    const classified = classifyNetworkError(error, url);
    expect(classified).toMatchObject({ kind: 'failure', row: { id, phase, type } });
  });

  it.each([
    ['net::ERR_ABORTED', 'the person navigated away'],
    ['NS_BINDING_ABORTED', 'the person navigated away (Firefox)'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'an ad blocker'],
    ['NS_ERROR_ABORT', 'an extension or tracking protection (Firefox)'],
    ['net::ERR_CACHE_MISS', 'back/forward to a form result'],
    ['net::ERR_HTTP_RESPONSE_CODE_FAILURE', 'an empty 5xx: the status path explains it'],
    ['net::ERR_SOMETHING_NEW', 'a name no row knows'],
    ['NS_ERROR_SOMETHING_NEW', 'a Firefox name no row knows, even on https'],
    ['Das Zertifikat ist abgelaufen.', 'a sentence on plain http is not TLS'],
  ])('%s is not explained (%s)', (error, why) => {
    const url = why.includes('plain http') ? 'http://x.test/' : 'https://x.test/';
    expect(classifyNetworkError(error, url)).toBeNull();
  });

  it.each(['net::ERR_INTERNET_DISCONNECTED', 'NS_ERROR_OFFLINE'])('%s means the browser is offline', (error) => {
    expect(classifyNetworkError(error, 'https://x.test/')).toEqual({ kind: 'offline' });
  });

  it('covers DNS, connection, TLS and HTTP', () => {
    const types = new Set(NETWORK_ERRORS.map((row) => row.type));
    for (const type of [
      'dns.name_not_resolved',
      'dns.failed',
      'tcp.refused',
      'tcp.reset',
      'tcp.closed',
      'tcp.timed_out',
      'tcp.address_unreachable',
      'tls.cert.date_invalid',
      'tls.cert.name_invalid',
      'tls.cert.authority_invalid',
      'tls.protocol.error',
      'http.protocol.error',
    ]) {
      expect(types).toContain(type);
    }
  });

  it.each(NETWORK_ERRORS.map((row) => [row.id, row] as const))('%s: a NEL type of its phase, and its hop', (_, row) => {
    expect(NEL_TYPES[row.phase]).toContain(row.type);
    expect(row.hop).toBe(row.phase === 'dns' ? 'resolver' : 'server');
    const advice = NETWORK_ADVICE[row.id];
    expect(advice?.causes.length).toBeGreaterThan(0);
    expect(advice?.visitorSteps.length).toBeGreaterThan(0);
    expect(advice?.ownerSteps.length).toBeGreaterThan(0);
  });

  it('names each browser error in one row only', () => {
    const names = NETWORK_ERRORS.flatMap((row) => [...row.chromium, ...row.firefox]);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(NETWORK_ERRORS.map((row) => row.id)).size).toBe(NETWORK_ERRORS.length);
    // Advice for every row, and for no row that does not exist.
    expect(Object.keys(NETWORK_ADVICE).sort()).toEqual(NETWORK_ERRORS.map((row) => row.id).sort());
  });

  // Keys built from the table's ids are not checked by the type system.
  const keys = [
    ...NETWORK_ERRORS.flatMap((row) => ['title', 'visitor', 'owner'].map((r) => `${networkKey(row.id)}_${r}`)),
    ...Object.values(NETWORK_ADVICE).flatMap((a) =>
      a.causes.flatMap((c) => [`${causeKey(c)}_visitor`, `${causeKey(c)}_owner`]),
    ),
    ...Object.values(NETWORK_ADVICE).flatMap((a) =>
      a.visitorSteps.map((s) => `ui_visitor_step_net_${s.replace(/-/g, '_')}`),
    ),
    ...Object.values(NETWORK_ADVICE).flatMap((a) =>
      a.ownerSteps.map((s) => `ui_owner_check_net_${s.replace(/-/g, '_')}`),
    ),
    ...NETWORK_HOP_IDS.flatMap((id) => [`layer_${id}`, `layer_${id}_owner`]),
    ...['dns', 'connection', 'application'].map((p) => `ui_phase_${p}`),
  ];
  it.each([...new Set(keys)])('%s has English words', (key) => {
    expect(messages[key]?.message.trim().length ?? 0).toBeGreaterThan(0);
  });
});
