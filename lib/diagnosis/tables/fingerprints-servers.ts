import type { Fingerprint } from './fingerprints';

/** Caches, reverse proxies, load balancers and web servers: the layers on a site's own servers. */
export const SERVER_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'varnish',
    vendor: 'Varnish',
    kind: 'proxy',
    depth: 35,
    autoRetryAfter: true,
    signatures: [
      { id: 'varnish-via', header: 'via', pattern: /\(Varnish\/[\d.]{1,12}\)$/ },
      { id: 'varnish-server', header: 'server', pattern: /^Varnish$/ },
      { id: 'varnish-xid', header: 'x-varnish', pattern: /^\d{1,12}(?: \d{1,12})?$/ },
      // Varnish spells it "Meditation"; Fastly's fork writes "Mediation".
      { id: 'varnish-error-page', pattern: /Guru Meditation:/, wroteError: true },
      // Varnish's builtin VCL answers refusals and timeouts alike: only the time taken tells them apart.
      { id: 'varnish-fetch-failed', pattern: /Error 503 Backend fetch failed/, wroteError: true },
      { id: 'varnish-fetch-failed-status', in: 'status', pattern: /^Backend fetch failed$/, wroteError: true },
    ],
  },
  {
    id: 'haproxy',
    vendor: 'HAProxy',
    kind: 'load-balancer',
    depth: 20,
    signatures: [
      { id: 'haproxy-no-server', pattern: /No server is available to handle this request\./, wroteError: true },
      {
        id: 'haproxy-timeout',
        pattern: /<h1>504 Gateway Time-out<\/h1>\r?\nThe server didn't respond in time\./,
        wroteError: true,
      },
      {
        id: 'haproxy-bad-answer',
        pattern: /<h1>502 Bad Gateway<\/h1>\r?\nThe server returned an invalid or incomplete response\./,
        wroteError: true,
      },
    ],
  },
  {
    id: 'envoy',
    vendor: 'Envoy',
    kind: 'proxy',
    depth: 38,
    signatures: [
      { id: 'envoy-server', header: 'server', pattern: /^(?:istio-)?envoy$/ },
      { id: 'envoy-service-time', header: 'x-envoy-upstream-service-time', pattern: /^\d{1,9}$/ },
      { id: 'envoy-overloaded', header: 'x-envoy-overloaded', pattern: /^true$/ },
      { id: 'envoy-no-healthy-upstream', pattern: /^no healthy upstream/, wroteError: true },
      {
        id: 'envoy-connect-error',
        pattern: /^upstream connect error or disconnect\/reset before headers/,
        wroteError: true,
      },
      { id: 'envoy-upstream-timeout', pattern: /^upstream request timeout/, wroteError: true },
      // Envoy's reset reasons, as its page names them.
      {
        id: 'envoy-connect-failure',
        pattern: /reset reason: (?:remote )?connection failure|delayed connect error: 111/,
      },
      { id: 'envoy-termination', pattern: /reset reason: connection termination/ },
      { id: 'envoy-overflow', pattern: /reset reason: overflow/ },
      { id: 'envoy-tls', pattern: /transport failure reason: TLS error/ },
    ],
  },
  {
    id: 'traefik',
    vendor: 'Traefik',
    kind: 'proxy',
    depth: 38,
    signatures: [{ id: 'traefik-no-server', pattern: /^no available server\n?$/, wroteError: true }],
  },
  {
    id: 'kong',
    vendor: 'Kong',
    kind: 'proxy',
    depth: 38,
    signatures: [
      { id: 'kong-server', header: 'server', pattern: /^kong\/[\d.]{1,12}$/ },
      { id: 'kong-request-id', header: 'x-kong-request-id', pattern: /^[0-9a-f]{32}$/ },
      // Kong sets X-Kong-Response-Latency only on answers it made itself (proxied ones get Upstream/Proxy latencies).
      { id: 'kong-response-latency', header: 'x-kong-response-latency', pattern: /^\d{1,9}$/, wroteError: true },
      { id: 'kong-bad-answer', pattern: /An invalid response was received from the upstream server/ },
      { id: 'kong-unavailable', pattern: /The upstream server is currently unavailable/ },
      { id: 'kong-timeout', pattern: /The upstream server is timing out/ },
    ],
  },
  {
    id: 'nginx',
    vendor: 'nginx',
    kind: 'proxy',
    depth: 40,
    signatures: [
      {
        id: 'nginx-server',
        header: 'server',
        pattern: /^(?:nginx|openresty)(?:\/[\d.]{1,12})?(?: \([\w .-]{1,40}\))?$/i,
      },
      {
        id: 'nginx-error-page',
        pattern: /<hr><center>(?:nginx|openresty)(?:\/[\d.]{1,12})?(?: \([\w .-]{1,40}\))?<\/center>/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'caddy',
    vendor: 'Caddy',
    kind: 'proxy',
    depth: 40,
    signatures: [{ id: 'caddy-server', header: 'server', pattern: /^Caddy$/ }],
  },
  {
    id: 'lighttpd',
    vendor: 'lighttpd',
    kind: 'proxy',
    depth: 42,
    signatures: [{ id: 'lighttpd-server', header: 'server', pattern: /^lighttpd(?:\/[\d.]{1,12})?$/ }],
  },
  {
    id: 'apache',
    vendor: 'Apache',
    kind: 'proxy',
    depth: 45,
    signatures: [
      // Not Tomcat's connector (`Apache-Coyote/1.1`).
      { id: 'apache-server', header: 'server', pattern: /^Apache(?:\/[\d.]{1,12})?(?:\s|$)/ },
      {
        id: 'apache-error-page',
        // The lookahead checks the rest of the line without quoting its free text (host, OS).
        pattern: /<address>Apache(?:\/[\d.]{1,12})?(?=(?: \([\w .-]{1,40}\))? Server at )/,
        wroteError: true,
      },
      { id: 'apache-proxy-error', pattern: /<title>50\d Proxy Error<\/title>/, wroteError: true },
      // mod_proxy's Reason lines and timeout page.
      { id: 'apache-dns-failure', pattern: /Reason: <strong>DNS lookup failure for: / },
      { id: 'apache-error-reading', pattern: /Reason: <strong>Error reading from remote server<\/strong>/ },
      {
        id: 'apache-gateway-timeout',
        pattern: /The gateway did not receive a timely response\s+from the upstream server/,
      },
    ],
  },
  {
    id: 'iis',
    vendor: 'Microsoft IIS',
    kind: 'proxy',
    depth: 45,
    signatures: [
      { id: 'iis-server', header: 'server', pattern: /^Microsoft-IIS\/[\d.]{1,8}$/ },
      // IIS adds this to every answer by default, whatever runs behind it.
      { id: 'iis-powered-by', header: 'x-powered-by', pattern: /^ASP\.NET$/ },
      {
        id: 'iis-gateway-error',
        pattern: /Web server received an invalid response while acting as a gateway or proxy server/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'http-sys',
    vendor: 'Windows HTTP.sys',
    kind: 'server',
    depth: 46,
    signatures: [
      { id: 'http-sys-server', header: 'server', pattern: /^Microsoft-HTTPAPI\/[\d.]{1,8}$/ },
      {
        id: 'http-sys-unavailable',
        pattern: /<p>HTTP Error 503\. The service is unavailable\.<\/p>/,
        wroteError: true,
      },
    ],
  },
  {
    id: 'litespeed',
    vendor: 'LiteSpeed',
    kind: 'proxy',
    depth: 45,
    signatures: [
      { id: 'litespeed-server', header: 'server', pattern: /^LiteSpeed$/i },
      {
        id: 'litespeed-page',
        pattern: /Proudly powered by {1,4}<a [^<>]{1,120}>LiteSpeed Web Server<\/a>/,
        wroteError: true,
      },
      { id: 'litespeed-busy', pattern: /The server is temporarily busy, try again later!/ },
    ],
  },
  {
    id: 'tomcat',
    vendor: 'Apache Tomcat',
    kind: 'server',
    depth: 50,
    signatures: [
      // Tomcat's ErrorReportValve: "HTTP Status 500 – Internal Server Error" (an en dash), and its footer.
      { id: 'tomcat-report', pattern: /<h1>HTTP Status \d{3} – [\w ]{1,40}<\/h1>/, wroteError: true },
      { id: 'tomcat-footer', pattern: /<h3>Apache Tomcat\/[\d.]{1,12}(?: \([\w .-]{1,40}\))?<\/h3>/, wroteError: true },
      { id: 'tomcat-exception', pattern: /<p><b>Type<\/b> Exception Report<\/p>/ },
    ],
  },
  {
    id: 'jetty',
    vendor: 'Jetty',
    kind: 'server',
    depth: 50,
    signatures: [
      { id: 'jetty-server', header: 'server', pattern: /^Jetty\([\w.-]{1,40}\)$/ },
      { id: 'jetty-page', pattern: /Powered by Jetty:\/\//, wroteError: true },
      { id: 'jetty-exception', pattern: /<h2>HTTP ERROR 500 [\w.$]{1,80}(?:Exception|Error)\b/ },
    ],
  },
  {
    id: 'kestrel',
    vendor: 'Kestrel',
    kind: 'server',
    depth: 50,
    signatures: [{ id: 'kestrel-server', header: 'server', pattern: /^Kestrel$/ }],
  },
  {
    id: 'puma',
    vendor: 'Puma',
    kind: 'server',
    depth: 50,
    signatures: [
      {
        id: 'puma-lowlevel-error',
        pattern: /^An unhandled lowlevel error occurred\. The application logs may have details\./,
        wroteError: true,
      },
    ],
  },
  {
    id: 'gunicorn',
    vendor: 'gunicorn',
    kind: 'server',
    depth: 50,
    signatures: [{ id: 'gunicorn-server', header: 'server', pattern: /^gunicorn(?:\/[\d.]{1,12})?$/ }],
  },
];
