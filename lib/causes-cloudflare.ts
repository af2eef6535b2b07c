import type { CauseRow } from './causes';

/**
 * Cloudflare's own 52x and 530 codes: each names how Cloudflare failed to get the page from the
 * site's own server (the origin), so each blames the layer behind Cloudflare.
 */
export const CLOUDFLARE_CAUSES: readonly CauseRow[] = [
  {
    id: 'cf-origin-bad-answer',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [520] }],
    blame: 'behind',
    visitor:
      'Cloudflare, a service in front of this site, asked the site’s own server for the page. The answer was empty or garbled. The problem is on the site’s server, not with you.',
    owner:
      'Your origin sent Cloudflare an empty, reset or malformed response. Check the origin’s logs for crashes at this time, headers or cookies over Cloudflare’s size limits, and firewalls that reset Cloudflare’s connections.',
  },
  {
    id: 'cf-origin-refused',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [521] }],
    blame: 'behind',
    visitor:
      'Cloudflare, a service in front of this site, tried to reach the site’s own server. That server turned it away, so it may be switched off. The site’s owner needs to fix this.',
    owner:
      'Your origin refused Cloudflare’s connection. Check that the web server is running and listening on 80 and 443, and that the host’s firewall or security plugin does not block Cloudflare’s IP ranges.',
  },
  {
    id: 'cf-origin-timeout',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [522] }],
    blame: 'behind',
    visitor:
      'Cloudflare, a service in front of this site, could not reach the site’s own server. That server may be down or too busy. Try again in a few minutes.',
    owner:
      'Cloudflare’s TCP connection to your origin timed out. Check that the origin is up and not overloaded, that its firewall does not drop or rate-limit Cloudflare’s IP ranges, and that the DNS record in Cloudflare points at the right address.',
  },
  {
    id: 'cf-origin-unreachable',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [523] }],
    blame: 'behind',
    visitor:
      'Cloudflare, a service in front of this site, could not find a way to the site’s own server. The site’s owner may need to fix a setting.',
    owner:
      'Cloudflare found no route to your origin. Check the DNS records in Cloudflare for a wrong or old origin IP address, and the routing of the origin’s network.',
  },
  {
    id: 'cf-origin-slow',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [524] }],
    blame: 'behind',
    visitor:
      'Cloudflare reached the site’s own server, but that server took too long to send the page. Try again later. If you sent a form, check if it went through before you send it again.',
    owner:
      'Your origin accepted the connection but sent no HTTP response within Cloudflare’s 100-second limit. Find the slow request in the origin’s logs; run long jobs in the background and poll for the result.',
  },
  {
    id: 'cf-origin-tls',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [525] }],
    blame: 'behind',
    visitor:
      'Cloudflare could not set up a safe link to the site’s own server. The site’s owner needs to fix a setting.',
    owner:
      'The TLS handshake between Cloudflare and your origin failed. Check that the origin serves TLS on 443 with SNI for this host name, and that its protocols and ciphers overlap with Cloudflare’s.',
  },
  {
    id: 'cf-origin-certificate',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [526] }],
    blame: 'behind',
    visitor:
      'Cloudflare did not trust the security pass of the site’s own server. The site’s owner needs to renew it or fix it.',
    owner:
      'In Full (strict) mode Cloudflare rejected your origin’s certificate. Check that it is not expired, comes from a public CA or Cloudflare’s Origin CA, and covers this host name.',
  },
  {
    id: 'cf-origin-dns',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [530] }],
    blame: 'behind',
    visitor: 'Cloudflare could not find the site’s own server by its name. The site’s owner needs to fix a setting.',
    owner:
      'Cloudflare could not resolve or reach the origin host name; the page shows a 1xxx error (1016: origin DNS error, 1033: tunnel not connected). Check the origin’s DNS record or the Cloudflare Tunnel’s status.',
  },
];
