import type { Fingerprint } from './fingerprints';

/** Caches, reverse proxies, web servers and applications: the layers on a site's own servers. */
export const SERVER_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'varnish',
    vendor: 'Varnish',
    kind: 'proxy',
    depth: 35,
    signatures: [
      { id: 'varnish-via', header: 'via', pattern: /\(Varnish\/[\d.]{1,12}\)/ },
      { id: 'varnish-xid', header: 'x-varnish', pattern: /^\d{1,12}(?: \d{1,12})?$/ },
      // Varnish spells it "Meditation"; Fastly's fork writes "Mediation".
      { id: 'varnish-error-page', pattern: /Guru Meditation:/, wroteError: true },
      { id: 'varnish-fetch-failed', pattern: /Error 503 Backend fetch failed/, wroteError: true },
    ],
  },
  {
    id: 'envoy',
    vendor: 'Envoy',
    kind: 'proxy',
    depth: 40,
    signatures: [
      { id: 'envoy-server', header: 'server', pattern: /^(?:istio-)?envoy$/ },
      { id: 'envoy-service-time', header: 'x-envoy-upstream-service-time', pattern: /^\d{1,9}$/ },
      { id: 'envoy-no-healthy-upstream', pattern: /^no healthy upstream/, wroteError: true },
      {
        id: 'envoy-connect-error',
        pattern: /^upstream connect error or disconnect\/reset before headers/,
        wroteError: true,
      },
      { id: 'envoy-upstream-timeout', pattern: /^upstream request timeout/, wroteError: true },
    ],
  },
  {
    id: 'nginx',
    vendor: 'nginx',
    kind: 'proxy',
    depth: 40,
    signatures: [
      { id: 'nginx-server', header: 'server', pattern: /^(?:nginx|openresty)(?:\/[\d.]{1,12})?/i },
      {
        id: 'nginx-error-page',
        pattern: /<hr><center>(?:nginx|openresty)(?:\/[\d.]{1,12})?<\/center>/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'apache',
    vendor: 'Apache',
    kind: 'proxy',
    depth: 45,
    signatures: [
      { id: 'apache-server', header: 'server', pattern: /^Apache\b/ },
      {
        id: 'apache-error-page',
        // The lookahead checks the rest of the line without quoting its free text (host, OS).
        pattern: /<address>Apache(?:\/[\d.]{1,12})?(?=(?: \([\w .-]{1,40}\))? Server at )/,
        wroteError: true,
      },
      { id: 'apache-proxy-error', pattern: /<title>50\d Proxy Error<\/title>/, wroteError: true },
    ],
  },
  {
    id: 'iis',
    vendor: 'Microsoft IIS',
    kind: 'proxy',
    depth: 45,
    signatures: [
      { id: 'iis-server', header: 'server', pattern: /^Microsoft-IIS\/[\d.]{1,8}$/ },
      {
        id: 'iis-gateway-error',
        pattern: /Web server received an invalid response while acting as a gateway or proxy server/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'wordpress',
    vendor: 'WordPress',
    kind: 'application',
    depth: 60,
    signatures: [
      { id: 'wp-api-link', header: 'link', pattern: /rel="https:\/\/api\.w\.org\/"/ },
      { id: 'wp-markup', pattern: /\/wp-(?:content|includes)\// },
      { id: 'wp-db-error', pattern: /Error establishing a database connection/, wroteError: true },
      {
        id: 'wp-critical-error',
        pattern: /There has been a critical error on (?:this|your) website/,
        wroteError: true,
      },
    ],
  },
];
