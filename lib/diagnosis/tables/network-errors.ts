/**
 * Network errors: requests that got no HTTP response at all ("This site can't be reached"). One
 * row per kind of failure, named the W3C Network Error Logging way: a phase and a type.
 *
 * Phases and types are NEL's (W3C Network Error Logging, §"Network errors" and §"Predefined
 * network error types", https://w3c.github.io/network-error-logging/#predefined-network-error-types):
 * phase `dns` (DNS resolution), `connection` (secure connection establishment: TCP and TLS) or
 * `application` (transmission of request and response); types such as `dns.name_not_resolved`,
 * `tcp.refused`, `tls.cert.date_invalid`, `http.protocol.error`. Chromium's own mapping from its
 * error names to NEL types (net/network_error_logging/network_error_logging_service.cc,
 * `kErrorTypes`) agrees with every row here; where it uses a type of its own
 * (`http.response.invalid.empty`, `dns.timed_out`), the row keeps to the spec's list.
 *
 * The browsers' names, as `webRequest.onErrorOccurred` reports them in `details.error`:
 * - Chromium: `net::ERR_*` (net/base/net_error_list.h), written here without `net::`.
 * - Firefox: `NS_ERROR_*` (the channel's status name), except for certificate and TLS errors,
 *   where it gives NSS's message as a sentence in the browser's language (ChannelWrapper's
 *   GetErrorString asks nsINSSErrorsService), e.g. "Peer’s Certificate has expired." The
 *   English sentences are listed; in another language, `classifyNetworkError` falls back to the
 *   `tls` row for any such sentence on an https address.
 *
 * Words are not here: each row's texts are in public/_locales under `neterr_<id>_title`,
 * `neterr_<id>_visitor` and `neterr_<id>_owner`, and its likely causes and next steps are in
 * ./network-advice.ts, by the same id (apart, so that the card does not carry the browsers'
 * names). test/unit/diagnosis/tables/network-errors.test.ts checks both.
 */

export type NelPhase = 'dns' | 'connection' | 'application';

/**
 * Which hop failed. `resolver`: turning the name into an address (the visitor's network or the
 * site's DNS); `server`: the site's server, reached by address but not answering properly.
 */
type NetworkHop = 'resolver' | 'server';

export interface NetworkErrorRow {
  /** Our id: the key of the row's words. */
  id: string;
  phase: NelPhase;
  /** The NEL type. */
  type: string;
  hop: NetworkHop;
  /** Chromium's names, without `net::`. */
  chromium: readonly string[];
  /** Firefox's names, or its English sentences for TLS errors. */
  firefox: readonly string[];
}

/**
 * Every network error we explain. Errors not here are left to the browser's own page.
 * @internal Exported for the tests that check every row's words and types.
 */
export const NETWORK_ERRORS: readonly NetworkErrorRow[] = [
  // DNS: the name never became an address.
  {
    id: 'name-not-resolved',
    phase: 'dns',
    type: 'dns.name_not_resolved',
    hop: 'resolver',
    chromium: ['ERR_NAME_NOT_RESOLVED'],
    firefox: ['NS_ERROR_UNKNOWN_HOST'],
  },
  {
    id: 'resolver-failed',
    phase: 'dns',
    type: 'dns.failed',
    hop: 'resolver',
    chromium: ['ERR_NAME_RESOLUTION_FAILED', 'ERR_DNS_SERVER_FAILED', 'ERR_DNS_MALFORMED_RESPONSE'],
    firefox: [],
  },
  {
    id: 'resolver-unreachable',
    phase: 'dns',
    type: 'dns.unreachable',
    hop: 'resolver',
    chromium: ['ERR_DNS_TIMED_OUT'],
    firefox: [],
  },
  // Connection: the address was found, the server did not take the connection.
  {
    id: 'refused',
    phase: 'connection',
    type: 'tcp.refused',
    hop: 'server',
    chromium: ['ERR_CONNECTION_REFUSED'],
    firefox: ['NS_ERROR_CONNECTION_REFUSED'],
  },
  {
    id: 'reset',
    phase: 'connection',
    type: 'tcp.reset',
    hop: 'server',
    chromium: ['ERR_CONNECTION_RESET'],
    // Firefox also says NS_ERROR_NET_RESET when a server closes without answering (Chromium's ERR_EMPTY_RESPONSE).
    firefox: ['NS_ERROR_NET_RESET'],
  },
  {
    id: 'closed',
    phase: 'connection',
    type: 'tcp.closed',
    hop: 'server',
    chromium: ['ERR_CONNECTION_CLOSED'],
    firefox: ['NS_ERROR_NET_INTERRUPT'],
  },
  {
    id: 'aborted',
    phase: 'connection',
    type: 'tcp.aborted',
    hop: 'server',
    chromium: ['ERR_CONNECTION_ABORTED'],
    firefox: [],
  },
  {
    id: 'timed-out',
    phase: 'connection',
    type: 'tcp.timed_out',
    hop: 'server',
    chromium: ['ERR_CONNECTION_TIMED_OUT', 'ERR_TIMED_OUT'],
    firefox: ['NS_ERROR_NET_TIMEOUT'],
  },
  {
    id: 'address-unreachable',
    phase: 'connection',
    type: 'tcp.address_unreachable',
    hop: 'server',
    chromium: ['ERR_ADDRESS_UNREACHABLE'],
    firefox: [],
  },
  {
    id: 'address-invalid',
    phase: 'connection',
    type: 'tcp.address_invalid',
    hop: 'server',
    chromium: ['ERR_ADDRESS_INVALID'],
    firefox: [],
  },
  {
    id: 'connection-failed',
    phase: 'connection',
    type: 'tcp.failed',
    hop: 'server',
    chromium: ['ERR_CONNECTION_FAILED'],
    firefox: [],
  },
  // TLS: connected, but the secure connection could not be set up.
  {
    id: 'cert-date',
    phase: 'connection',
    type: 'tls.cert.date_invalid',
    hop: 'server',
    chromium: ['ERR_CERT_DATE_INVALID'],
    firefox: [
      'Peer’s Certificate has expired.',
      'Peer’s certificate issuer has expired.',
      'The server presented a certificate that is not yet valid.',
      'A certificate that is not yet valid was used to issue the server’s certificate.',
    ],
  },
  {
    id: 'cert-name',
    phase: 'connection',
    type: 'tls.cert.name_invalid',
    hop: 'server',
    chromium: ['ERR_CERT_COMMON_NAME_INVALID'],
    firefox: [
      'Unable to communicate securely with peer: requested domain name does not match the server’s certificate.',
    ],
  },
  {
    id: 'cert-authority',
    phase: 'connection',
    type: 'tls.cert.authority_invalid',
    hop: 'server',
    chromium: ['ERR_CERT_AUTHORITY_INVALID'],
    firefox: [
      'Peer’s Certificate issuer is not recognized.',
      'The certificate is not trusted because it is self-signed.',
      'Peer’s Certificate has been marked as untrusted by the user.',
    ],
  },
  {
    id: 'cert-invalid',
    phase: 'connection',
    type: 'tls.cert.invalid',
    hop: 'server',
    chromium: ['ERR_CERT_INVALID', 'ERR_CERT_WEAK_SIGNATURE_ALGORITHM', 'ERR_CERT_WEAK_KEY'],
    firefox: [],
  },
  {
    id: 'cert-revoked',
    phase: 'connection',
    type: 'tls.cert.revoked',
    hop: 'server',
    chromium: ['ERR_CERT_REVOKED'],
    firefox: ['Peer’s Certificate has been revoked.'],
  },
  {
    id: 'tls-version',
    phase: 'connection',
    type: 'tls.version_or_cipher_mismatch',
    hop: 'server',
    chromium: ['ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'ERR_SSL_OBSOLETE_VERSION_OR_CIPHER'],
    firefox: ['Cannot communicate securely with peer: no common encryption algorithm(s).'],
  },
  {
    id: 'tls-protocol',
    phase: 'connection',
    type: 'tls.protocol.error',
    hop: 'server',
    chromium: ['ERR_SSL_PROTOCOL_ERROR'],
    firefox: [],
  },
  {
    // Firefox's TLS errors are sentences in the browser's language: those we cannot name land here.
    id: 'tls-failed',
    phase: 'connection',
    type: 'tls.failed',
    hop: 'server',
    chromium: ['ERR_INSECURE_RESPONSE', 'ERR_SSL_UNRECOGNIZED_NAME_ALERT', 'ERR_BAD_SSL_CLIENT_AUTH_CERT'],
    firefox: [],
  },
  // HTTP: connected, but what came back was not a usable HTTP response.
  {
    id: 'empty',
    phase: 'application',
    type: 'http.response.invalid',
    hop: 'server',
    chromium: ['ERR_EMPTY_RESPONSE'],
    firefox: [],
  },
  {
    id: 'http-invalid',
    phase: 'application',
    type: 'http.response.invalid',
    hop: 'server',
    chromium: [
      'ERR_INVALID_RESPONSE',
      'ERR_CONTENT_LENGTH_MISMATCH',
      'ERR_INCOMPLETE_CHUNKED_ENCODING',
      'ERR_INVALID_CHUNKED_ENCODING',
      'ERR_CONTENT_DECODING_FAILED',
    ],
    firefox: ['NS_ERROR_NET_PARTIAL_TRANSFER', 'NS_ERROR_INVALID_CONTENT_ENCODING'],
  },
  {
    id: 'http-protocol',
    phase: 'application',
    type: 'http.protocol.error',
    hop: 'server',
    chromium: [
      'ERR_HTTP2_PROTOCOL_ERROR',
      'ERR_QUIC_PROTOCOL_ERROR',
      'ERR_INVALID_HTTP_RESPONSE',
      'ERR_RESPONSE_HEADERS_TRUNCATED',
      'ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH',
      'ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION',
      'ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION',
    ],
    firefox: ['NS_ERROR_CORRUPTED_CONTENT', 'NS_ERROR_NET_HTTP2_SENT_GOAWAY'],
  },
  {
    id: 'redirect-loop',
    phase: 'application',
    type: 'http.response.redirect_loop',
    hop: 'server',
    chromium: ['ERR_TOO_MANY_REDIRECTS'],
    firefox: ['NS_ERROR_REDIRECT_LOOP'],
  },
];

/**
 * Errors that are not failures of the site, which the listener drops at once (errors named in no
 * row are dropped too; these are listed to say why). `offline` is said once, not logged.
 */
const NOT_SITE_FAILURES: Readonly<Record<string, 'navigated-away' | 'blocked' | 'history' | 'offline' | 'http'>> = {
  ERR_ABORTED: 'navigated-away',
  NS_BINDING_ABORTED: 'navigated-away',
  ERR_BLOCKED_BY_CLIENT: 'blocked',
  ERR_BLOCKED_BY_ADMINISTRATOR: 'blocked',
  // Firefox: a request cancelled by an extension, or by its own tracking protection.
  NS_ERROR_ABORT: 'blocked',
  ERR_CACHE_MISS: 'history',
  NS_ERROR_DOCUMENT_NOT_CACHED: 'history',
  ERR_INTERNET_DISCONNECTED: 'offline',
  NS_ERROR_OFFLINE: 'offline',
  // An empty 5xx: the status path (webRequest.onCompleted) explains it.
  ERR_HTTP_RESPONSE_CODE_FAILURE: 'http',
};

const BY_ID = new Map(NETWORK_ERRORS.map((row) => [row.id, row]));

/** The row behind an id (stored incidents and imports name rows by id); undefined when none. */
export function networkErrorRow(id: string): NetworkErrorRow | undefined {
  return BY_ID.get(id);
}

/** What the listener makes of an error: a row to explain, the visitor's being offline, or nothing. */
export type Classified = { kind: 'failure'; row: NetworkErrorRow } | { kind: 'offline' } | null;

const TLS_FALLBACK: Classified = { kind: 'failure', row: BY_ID.get('tls-failed') as NetworkErrorRow };

/**
 * What each name means, as the browsers write it (Chromium's with `net::`), built once: one
 * lookup decides, with no string made per event.
 */
const BY_NAME = new Map<string, Classified>([
  ...NETWORK_ERRORS.flatMap((row) => {
    const classified: Classified = { kind: 'failure', row };
    return [
      ...row.chromium.map((name) => [`net::${name}`, classified] as const),
      ...row.firefox.map((name) => [name, classified] as const),
    ];
  }),
  ...Object.entries(NOT_SITE_FAILURES).map(([name, why]): [string, Classified] => [
    name.startsWith('ERR_') ? `net::${name}` : name,
    why === 'offline' ? { kind: 'offline' } : null,
  ]),
]);

/**
 * Classifies a browser's error name for a request to `url`. Cheap: one map lookup decides the
 * common cases (navigated away, blocked), so that the listener drops them at once.
 */
export function classifyNetworkError(error: string, url: string): Classified {
  const known = BY_NAME.get(error);
  if (known !== undefined) return known;
  // Firefox words TLS errors in the browser's language: a sentence (not a name) on https is one.
  if (url.startsWith('https:') && !/^(?:NS_|net::|ERR_)/.test(error) && /\s/.test(error)) return TLS_FALLBACK;
  return null;
}
