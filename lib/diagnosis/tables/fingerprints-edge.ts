import type { Fingerprint } from './fingerprints';

// Vendors spell apostrophes three ways on their error pages.
export const APOS = "(?:'|’|&#39;|&#x27;)";

/**
 * The layers at the edges: the visitor's own proxies, CDNs, the code site owners run on them, and
 * firewalls in front of a site.
 */
export const EDGE_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'squid',
    vendor: 'Squid',
    kind: 'proxy',
    depth: 35,
    forwardProxy: true,
    signatures: [
      { id: 'squid-server', header: 'server', pattern: /^squid(?:\/[\d.]{1,12})?$/i },
      { id: 'squid-via', header: 'via', pattern: /\(squid(?:\/[\d.]{1,12})?\)$/i },
      { id: 'squid-error', header: 'x-squid-error', pattern: /^ERR_[A-Z_]{3,40}(?: -?\d{1,5})?$/, wroteError: true },
      {
        id: 'squid-error-page',
        pattern: /<!-- ERR_[A-Z_]{3,40} -->|\(squid\/[\d.]{1,12}\)<\/(?:p|div)>/,
        wroteError: true,
      },
      // Squid's words for what went wrong, from its X-Squid-Error header.
      { id: 'squid-connect-fail', header: 'x-squid-error', pattern: /^ERR_CONNECT_FAIL\b/ },
      { id: 'squid-dns-fail', header: 'x-squid-error', pattern: /^ERR_DNS_FAIL\b/ },
      { id: 'squid-read-timeout', header: 'x-squid-error', pattern: /^ERR_(?:READ_TIMEOUT|LIFETIME_EXP)\b/ },
      // Squid 5 answers a name that does not resolve with ERR_READ_ERROR 0 (its bug 5294).
      { id: 'squid-read-error-0', header: 'x-squid-error', pattern: /^ERR_READ_ERROR 0$/ },
      { id: 'squid-zero-size', header: 'x-squid-error', pattern: /^ERR_ZERO_SIZE_OBJECT\b/ },
      { id: 'squid-secure-connect-fail', header: 'x-squid-error', pattern: /^ERR_SECURE_CONNECT_FAIL\b/ },
    ],
  },
  {
    id: 'bluecoat',
    vendor: 'Blue Coat ProxySG',
    kind: 'network',
    depth: 1,
    signatures: [
      { id: 'bluecoat-error-page', pattern: /<big>Network Error \([a-z_]{3,40}\)<\/big>/, wroteError: true },
      { id: 'bluecoat-dns', pattern: /Network Error \((?:dns_unresolved_hostname|dns_server_failure)\)/ },
    ],
  },
  {
    id: 'cloudflare',
    vendor: 'Cloudflare',
    kind: 'cdn',
    depth: 10,
    signatures: [
      { id: 'cf-server', header: 'server', pattern: /^cloudflare$/i },
      { id: 'cf-ray', header: 'cf-ray', pattern: /^[0-9a-f]{16}(?:-[A-Z]{3})?$/ },
      { id: 'cf-error-type', header: 'cf-error-type', pattern: /^[\w-]{1,40}$/, wroteError: true },
      { id: 'cf-error-page', pattern: /(?:Error code |class="cf-error-code">)\d{3,4}\b/, wroteError: true },
      { id: 'cf-origin-dns-page', pattern: /class="cf-error-code">1016</ },
      { id: 'cf-tunnel-down', pattern: /class="cf-error-code">1033</ },
      { id: 'cf-mitigated', header: 'cf-mitigated', pattern: /^challenge$/i, wroteError: true, challenge: true },
      {
        id: 'cf-challenge-page',
        pattern: /<title>Just a moment\.\.\.<\/title>|Checking your browser before accessing|window\._cf_chl_opt/,
        wroteError: true,
        challenge: true,
      },
    ],
  },
  {
    id: 'cloudflare-workers',
    vendor: 'Cloudflare Workers',
    kind: 'edge-code',
    depth: 12,
    signatures: [
      {
        id: 'cf-worker-error',
        pattern: /class="cf-error-code">110[12]<|<title>Worker (?:threw exception|exceeded resource limits) \|/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'akamai',
    vendor: 'Akamai',
    kind: 'cdn',
    depth: 10,
    signatures: [
      { id: 'akamai-server', header: 'server', pattern: /^AkamaiGHost$/i },
      { id: 'akamai-request-id', header: 'x-akamai-request-id', pattern: /^[\w.-]{1,64}$/ },
      {
        id: 'akamai-reference',
        pattern: /Reference(?:\s|&#32;)(?:#|&#35;)\d{1,3}(?:\.|&#46;)[0-9a-f]{1,16}/i,
        wroteError: true,
      },
      {
        id: 'akamai-challenge',
        pattern: /\/_sec\/cp_challenge\/|id="sec-if-cpt-container"/,
        wroteError: true,
        challenge: true,
      },
    ],
  },
  {
    id: 'fastly',
    vendor: 'Fastly',
    kind: 'cdn',
    depth: 10,
    autoRetryAfter: true,
    signatures: [
      { id: 'fastly-served-by', header: 'x-served-by', pattern: /\bcache-[a-z0-9-]{1,40}-[A-Z]{3}$/ },
      // Fastly's Via is a bare `1.1 varnish`; a self-hosted Varnish names its version.
      { id: 'fastly-via', header: 'via', pattern: /^1\.1 varnish$/ },
      { id: 'fastly-request-id', header: 'x-fastly-request-id', pattern: /^[0-9a-f]{20,64}$/i },
      { id: 'fastly-error-page', pattern: /Guru Mediation:/, wroteError: true },
      // Fastly's synthetic 503s put the reason in the page's heading (and the status line).
      { id: 'fastly-unhealthy', pattern: /Error 503 Backend is unhealthy/, wroteError: true },
      { id: 'fastly-first-byte-timeout', pattern: /Error 503 first byte timeout/i, wroteError: true },
      { id: 'fastly-refused', pattern: /Error 503 Connection refused/i, wroteError: true },
      { id: 'fastly-read-error', pattern: /Error 503 backend read error/i, wroteError: true },
      {
        id: 'fastly-tls',
        pattern:
          /Error 503 (?:certificate has expired|certificate verify failed|unable to get local issuer certificate|SSL handshake error|hostname doesn't match)/i,
        wroteError: true,
      },
    ],
  },
  {
    id: 'cloudfront',
    vendor: 'Amazon CloudFront',
    kind: 'cdn',
    depth: 10,
    signatures: [
      { id: 'cloudfront-via', header: 'via', pattern: /\.cloudfront\.net \(CloudFront\)$/ },
      { id: 'cloudfront-server', header: 'server', pattern: /^CloudFront$/, wroteError: true },
      { id: 'cloudfront-x-cache', header: 'x-cache', pattern: /\bfrom cloudfront$/i },
      { id: 'cloudfront-id', header: 'x-amz-cf-id', pattern: /^[\w=-]{20,100}$/ },
      { id: 'cloudfront-error-page', pattern: /Generated by cloudfront \(CloudFront\)/, wroteError: true },
      { id: 'cloudfront-connect-failed', pattern: new RegExp(`CloudFront wasn${APOS}t able to connect to the origin`) },
    ],
  },
  {
    id: 'lambda-edge',
    vendor: 'Lambda@Edge',
    kind: 'edge-code',
    depth: 12,
    signatures: [
      {
        id: 'lambda-edge-x-cache',
        header: 'x-cache',
        pattern: /^Lambda(?:Execution|Validation|Limit)Error from cloudfront$/i,
      },
      {
        id: 'lambda-edge-error',
        pattern: /The Lambda function (?:returned|associated with the CloudFront distribution is invalid)/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'azure-front-door',
    vendor: 'Azure Front Door',
    kind: 'cdn',
    depth: 10,
    signatures: [
      { id: 'azure-ref', header: 'x-azure-ref', pattern: /^[\w-]{10,120}$/ },
      {
        id: 'azure-error-page',
        pattern: new RegExp(`Our services aren${APOS}t available right now`),
        wroteError: true,
      },
    ],
  },
  {
    id: 'bunny',
    vendor: 'Bunny CDN',
    kind: 'cdn',
    depth: 10,
    signatures: [
      { id: 'bunny-server', header: 'server', pattern: /^BunnyCDN(?:-[A-Z]{2}\d{0,2})?(?:-\d{1,6})?$/ },
      { id: 'bunny-request-id', header: 'cdn-requestid', pattern: /^[0-9a-f]{32}$/ },
      // Bunny's answer when its pull from the origin failed: the error is Bunny's own.
      { id: 'bunny-pull-failed', header: 'cdn-requestpullsuccess', pattern: /^False$/, wroteError: true },
    ],
  },
  {
    id: 'imperva',
    vendor: 'Imperva',
    kind: 'firewall',
    depth: 14,
    signatures: [
      { id: 'imperva-iinfo', header: 'x-iinfo', pattern: /^[\d-]{5,40}\b/ },
      { id: 'imperva-x-cdn', header: 'x-cdn', pattern: /^(?:Incapsula|Imperva)$/i },
      { id: 'imperva-challenge', pattern: /\/_Incapsula_Resource\?/, wroteError: true, challenge: true },
    ],
  },
  {
    id: 'sucuri',
    vendor: 'Sucuri',
    kind: 'firewall',
    depth: 14,
    signatures: [
      { id: 'sucuri-server', header: 'server', pattern: /^Sucuri\/Cloudproxy$/i },
      { id: 'sucuri-id', header: 'x-sucuri-id', pattern: /^\d{1,10}$/ },
    ],
  },
  {
    id: 'datadome',
    vendor: 'DataDome',
    kind: 'firewall',
    depth: 14,
    signatures: [
      { id: 'datadome-challenge', pattern: /\b(?:geo|ct)\.captcha-delivery\.com\b/, wroteError: true, challenge: true },
    ],
  },
];
