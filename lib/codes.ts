/** What a 5xx status code means, for the person looking at the page. */
export interface CodeMeaning {
  code: number;
  /** The registered (or vendor) name, as servers print it. */
  name: string;
  /** A short human title for the card. */
  title: string;
  /** One or two plain sentences for a visitor who has never heard of a proxy. */
  visitor: string;
  /** What the code tells a site owner, and where to look first. May be technical. */
  owner: string;
}

/** One row per code: the IANA registry (500–511) and the vendor codes seen in the wild. */
export const CODE_MEANINGS: readonly CodeMeaning[] = [
  {
    code: 500,
    name: 'Internal Server Error',
    title: 'The site hit an error',
    visitor: 'The site’s own software ran into a problem while making this page. It is not your fault.',
    owner:
      'The application threw an error it did not handle. Its error log at this time will name the failing route and the exception; check recent deploys and configuration changes first.',
  },
  {
    code: 501,
    name: 'Not Implemented',
    title: 'The site can’t do this',
    visitor: 'The site does not know how to handle this kind of request. Trying again will not help.',
    owner:
      'The server does not support this request method or feature. Check that the route and HTTP method are meant to exist, and that no proxy rewrites the method.',
  },
  {
    code: 502,
    name: 'Bad Gateway',
    title: 'The site didn’t answer properly',
    visitor:
      'Big sites use a front server that passes your visit on to the server with the page. That server sent back something broken. It is not your fault.',
    owner:
      'A proxy or gateway got no valid reply from the server behind it. Check that the upstream process is running and listening on the address and port the proxy is configured to use, and read the proxy’s error log for the upstream error.',
  },
  {
    code: 503,
    name: 'Service Unavailable',
    title: 'The site is down for now',
    visitor: 'The site is too busy or is being worked on. It should be back soon.',
    owner:
      'The server refused the request on purpose: maintenance mode, a rate or connection limit, or no healthy backend left. Check health checks, capacity and any maintenance switch; send Retry-After so clients know when to come back.',
  },
  {
    code: 504,
    name: 'Gateway Timeout',
    title: 'The site took too long',
    visitor: 'The server with the page took too long to answer, so the front server gave up waiting.',
    owner:
      'A proxy or gateway waited for the server behind it longer than its timeout. Find the slow route in the application’s logs (slow queries, stuck calls to other APIs) before raising the proxy timeout.',
  },
  {
    code: 505,
    name: 'HTTP Version Not Supported',
    title: 'The site can’t talk to your browser',
    visitor: 'The site does not accept the way your browser asked for the page.',
    owner:
      'The server rejected the HTTP version of the request. Check which protocol versions the server and any proxy in front of it are configured to accept.',
  },
  {
    code: 506,
    name: 'Variant Also Negotiates',
    title: 'The site is set up wrong',
    visitor: 'The site’s setup points in a circle, so it could not pick a page to send.',
    owner:
      'Content negotiation is misconfigured: a chosen variant negotiates again. Review the server’s negotiation (MultiViews, type maps) settings.',
  },
  {
    code: 507,
    name: 'Insufficient Storage',
    title: 'The site ran out of space',
    visitor: 'The site’s server is out of room to save or build this page.',
    owner:
      'The server could not store what it needed to finish the request. Check free disk space and quotas on the server and its storage volumes.',
  },
  {
    code: 508,
    name: 'Loop Detected',
    title: 'The site went in circles',
    visitor: 'The site got stuck going round in a loop and stopped.',
    owner:
      'The server found an endless loop while handling the request, often a WebDAV binding or a redirect or proxy pointing back at itself. Check rewrite and proxy rules for self-references.',
  },
  {
    code: 509,
    name: 'Bandwidth Limit Exceeded',
    title: 'The site used up its traffic',
    visitor: 'The site used all the traffic its host allows for now. It may come back later.',
    owner:
      'The hosting account has used its bandwidth allowance (an Apache/cPanel code, not a standard one). Check the hosting panel’s usage figures, raise the limit or put a CDN in front.',
  },
  {
    code: 510,
    name: 'Not Extended',
    title: 'The site wants more from the request',
    visitor: 'The site wants extra details your browser did not send.',
    owner:
      'The server requires an HTTP extension the client did not use (RFC 2774, now obsolete). Check whether the server really needs it; almost nothing does.',
  },
  {
    code: 511,
    name: 'Network Authentication Required',
    title: 'Your network wants you to sign in',
    visitor:
      'The Wi-Fi you are on (a hotel, café or office) wants you to sign in first. The site itself is not the problem.',
    owner:
      'This code comes from a captive portal on the visitor’s own network, not from your site. Nothing on your servers needs fixing; a client on a hotel, café or office network has to sign in first.',
  },
  {
    code: 520,
    name: 'Web Server Returned an Unknown Error',
    title: 'The site’s server gave a strange answer',
    visitor: 'The site’s own server sent back an empty or strange answer to the service in front of it.',
    owner:
      'Cloudflare got an empty, reset or malformed reply from your origin. Check the origin’s logs for crashes, and look for oversized headers or cookies and firewalls that reset Cloudflare’s connections.',
  },
  {
    code: 521,
    name: 'Web Server Is Down',
    title: 'The site’s server is off',
    visitor: 'The service in front of the site tried to reach the site’s server, and it said no.',
    owner:
      'Your origin refused Cloudflare’s connection. Check that the web server is running, and that the origin’s firewall or host allows Cloudflare’s IP ranges on ports 80 and 443.',
  },
  {
    code: 522,
    name: 'Connection Timed Out',
    title: 'The site’s server can’t be reached',
    visitor: 'The service in front of the site could not reach the site’s own server in time.',
    owner:
      'Cloudflare’s TCP connection to your origin timed out. Check that the origin is up and not overloaded, that Cloudflare’s IP ranges are not blocked or rate-limited, and that the DNS record points at the right address.',
  },
  {
    code: 523,
    name: 'Origin Is Unreachable',
    title: 'The site’s server can’t be found',
    visitor: 'The service in front of the site could not find a way to the site’s own server.',
    owner:
      'Cloudflare found no route to your origin. Check the DNS records in Cloudflare for a wrong or stale origin IP, and the origin network’s routing.',
  },
  {
    code: 524,
    name: 'A Timeout Occurred',
    title: 'The site took too long',
    visitor: 'The site’s server started to answer but took far too long to finish.',
    owner:
      'Cloudflare connected to your origin but got no HTTP response within 100 seconds. Find the slow request in the origin’s logs, or move long jobs to a background task and poll for the result.',
  },
  {
    code: 525,
    name: 'SSL Handshake Failed',
    title: 'A secure link failed',
    visitor: 'Two of the site’s servers could not set up a secure link with each other.',
    owner:
      'The TLS handshake between Cloudflare and your origin failed. Check that the origin listens for TLS on 443 with SNI, and that its ciphers and protocols overlap with Cloudflare’s.',
  },
  {
    code: 526,
    name: 'Invalid SSL Certificate',
    title: 'The site’s security pass is bad',
    visitor: 'The site’s server showed a security pass that the service in front of it would not trust.',
    owner:
      'Cloudflare’s Full (strict) mode rejected your origin’s certificate. Check that the certificate is valid, not expired, issued by a trusted CA or Cloudflare Origin CA, and covers the host name.',
  },
  {
    code: 527,
    name: 'Railgun Error',
    title: 'A link inside the site failed',
    visitor: 'A link between two of the site’s servers broke.',
    owner:
      'The Railgun connection between Cloudflare and your origin failed. Railgun is retired; remove it and connect Cloudflare to the origin directly.',
  },
  {
    code: 529,
    name: 'Site Is Overloaded',
    title: 'The site is too busy',
    visitor: 'Too many people are using the site right now.',
    owner:
      'The service reports that it is overloaded. Check capacity and load on the service, and queue or shed work until it recovers.',
  },
  {
    code: 530,
    name: 'Origin DNS Error',
    title: 'The site’s server can’t be found',
    visitor: 'The service in front of the site could not look up where the site’s server is.',
    owner:
      'Cloudflare could not resolve or reach your origin host name; the page names a 1xxx error (1016: origin DNS error, 1033: tunnel not connected). Check the origin DNS record or the Cloudflare Tunnel’s status.',
  },
];

const BY_CODE = new Map(CODE_MEANINGS.map((row) => [row.code, row]));

/** The meaning of a status; an honest generic one for codes no table knows. */
export function codeMeaning(status: number): CodeMeaning {
  return (
    BY_CODE.get(status) ?? {
      code: status,
      name: 'Server Error',
      title: 'The site had a problem',
      visitor: 'The site answered with an error code we don’t know. Something went wrong on the site’s side.',
      owner: `${status} is not a registered status code and not one of the vendor codes we know. Look it up in the documentation of the server, proxy or CDN that sent it, and in its logs at this time.`,
    }
  );
}
