import { CLOUDFLARE_CAUSES } from './causes-cloudflare';
import type { LayerKind } from './fingerprints';

/**
 * Which layer a cause blames, relative to its anchor: the layer whose signature or vendor the
 * matching condition named, else the layer that wrote the error.
 * - `self`: the anchor itself;
 * - `behind`: the next layer inward (an implied application or origin server when none signed);
 * - `app`: the innermost application (implied behind the innermost layer when none signed);
 * - `database`: an implied database behind the application;
 * - `network`: the visitor's own network, outside the site altogether;
 * - `none`: no layer failed (a false alarm).
 */
export type Blame = 'self' | 'behind' | 'app' | 'database' | 'network' | 'none';

/** A set of facts that must all hold. Absent fields are not tested. */
export interface Condition {
  /** The status is one of these. */
  status?: readonly number[];
  /** At least one of these signatures (ids from the fingerprint tables) matched. */
  signature?: readonly string[];
  /** This vendor (a fingerprint id) signed the response. */
  vendor?: string;
  /** The layer that wrote the error is of one of these kinds. */
  writerKind?: readonly LayerKind[];
  /** A Retry-After header parsed. */
  retryAfter?: boolean;
  /** A bot-check signature matched. */
  challenge?: boolean;
  /** The request's duration is known and at most this long. */
  maxDurationMs?: number;
}

/** One row per likely cause: when it applies, whom it blames, and what to tell each reader. */
export interface CauseRow {
  id: string;
  /** Higher ranks first. */
  rank: number;
  /**
   * The cause applies when any of these conditions holds; the first that holds is its evidence.
   * A condition naming a signature, vendor, writer kind or challenge is specific: when one holds,
   * causes that only a bare status (with timing or Retry-After) suggested are dropped. A vendor's
   * own words outrank what the code alone suggests (Varnish sends Retry-After: 5 on every
   * failed fetch; that is not a maintenance window).
   */
  when: readonly Condition[];
  blame: Blame;
  /** A bot check or the visitor's network: the site is not down. */
  falseAlarm?: boolean;
  /** For someone who has never heard of a proxy. `{wait}` becomes "in about 5 minutes". */
  visitor: string;
  /** For the site owner: concrete checks. `{layer}` becomes the anchor's vendor name. */
  owner: string;
}

/** Gateways and edges: the layers that pass a visit on to a server behind them. */
const GATEWAYS: readonly LayerKind[] = ['cdn', 'firewall', 'load-balancer', 'platform', 'proxy'];

/** A proxy that fails this fast did not wait for anything: nothing was listening behind it. */
export const FAST_FAILURE_MS = 1000;

/** Said when no row applies: honest about what we cannot tell. */
export const UNKNOWN_CAUSE: CauseRow = {
  id: 'unknown',
  rank: 0,
  when: [],
  blame: 'none',
  visitor:
    'We can’t tell which of the site’s servers failed, or why. The code below says what kind of error it was. It is on the site’s side, not yours.',
  owner:
    'No known vendor signature or cause matched this response. Compare the status, headers and request ID with the logs of each layer in front of the site (CDN, load balancer, proxy, application) at this time.',
};

/** The likely causes, each with a fixture in test/fixtures/responses/. */
export const CAUSES: readonly CauseRow[] = [
  {
    id: 'challenge',
    rank: 200,
    when: [{ challenge: true }],
    blame: 'none',
    falseAlarm: true,
    visitor:
      'This is a check that you are a real person. It does not mean the site is down. Wait a few seconds, or do what the page asks. If it keeps coming back, turn off your VPN or ad blocker and try again.',
    owner:
      '{layer} answered with a bot-check page and a 5xx status; the site behind it may be healthy. Do not count these as downtime. If real visitors get stuck here, review the bot and security rules for this path.',
  },
  {
    id: 'captive-portal',
    rank: 150,
    when: [{ status: [511] }],
    blame: 'network',
    falseAlarm: true,
    visitor:
      'The Wi-Fi you are on wants you to sign in before you can use the web. Hotels, cafés, trains and offices often do this. Open your Wi-Fi settings or any page to find the sign-in page. The site itself is fine.',
    owner:
      'Status 511 comes from a captive portal on the visitor’s network (RFC 6585), not from your servers. Nothing on the site needs fixing.',
  },
  {
    id: 'wp-database',
    rank: 90,
    when: [{ signature: ['wp-db-error'] }],
    blame: 'database',
    visitor:
      'The site keeps its pages in a database, and it could not reach that database just now. The site’s owner needs to fix this. Try again in a few minutes.',
    owner:
      'WordPress could not connect to its database. Check that MySQL or MariaDB is running and not out of connections, memory or disk, and that DB_NAME, DB_USER, DB_PASSWORD and DB_HOST in wp-config.php are right.',
  },
  {
    id: 'wp-critical',
    rank: 85,
    when: [{ signature: ['wp-critical-error'] }],
    blame: 'self',
    visitor:
      'The site’s software hit an error it could not get past. A recent update to an add-on or theme is often to blame. The site’s owner needs to fix it.',
    owner:
      'A PHP fatal error stopped WordPress. Read the recovery-mode email sent to the admin address and wp-content/debug.log, then disable the plugin or theme that changed most recently.',
  },
  ...CLOUDFLARE_CAUSES,
  {
    id: 'heroku-app-error',
    rank: 80,
    when: [{ signature: ['heroku-error-page'] }, { vendor: 'heroku', status: [503] }],
    blame: 'behind',
    visitor:
      'The program that runs this site has stopped or crashed. The site’s owner needs to start it again or fix it.',
    owner:
      'Heroku’s router got no usable response from your dynos. Run `heroku logs --tail` and read the router code: H10 app crashed, H12 request took over 30 s, H13 connection closed, H14 no web dynos running, H20 boot timeout.',
  },
  {
    id: 'vercel-function-timeout',
    rank: 80,
    when: [{ signature: ['vercel-function-timeout'] }],
    blame: 'behind',
    visitor: 'The site’s code took too long to build this page, so it was stopped. Try again in a little while.',
    owner:
      'A Vercel function ran past its maximum duration. Find the slow call in the function’s logs; raise maxDuration, or move the work to a background job or a streamed response.',
  },
  {
    id: 'vercel-function-failed',
    rank: 80,
    when: [{ signature: ['vercel-function-failed'] }],
    blame: 'behind',
    visitor: 'The site’s code crashed while it was building this page. The site’s owner needs to fix it.',
    owner:
      'A Vercel function threw an unhandled error or exited early. Open the deployment’s function logs and search for this request’s x-vercel-id.',
  },
  {
    id: 'bandwidth-limit',
    rank: 80,
    when: [{ status: [509] }],
    blame: 'self',
    visitor:
      'The site has used up all the traffic its host allows for now. It should come back when the limit resets. It is not your fault.',
    owner:
      'The hosting account hit its bandwidth allowance (509 is a cPanel/Apache code). Check usage in the hosting panel, raise the limit, or serve static files from a CDN.',
  },
  {
    id: 'maintenance',
    rank: 75,
    when: [{ status: [503], retryAfter: true }],
    blame: 'self',
    visitor:
      'The site is closed for a short time. It may be getting fixed, or too many people may be using it. It says it should be back {wait}.',
    owner:
      '{layer} answered 503 with Retry-After: planned maintenance or deliberate load shedding. If it is not planned, look for a maintenance switch left on, a rate limit, or health checks that took every backend out.',
  },
  {
    id: 'upstream-down',
    rank: 70,
    when: [
      { signature: ['envoy-no-healthy-upstream', 'envoy-connect-error', 'haproxy-no-server', 'fastly-unhealthy'] },
      { vendor: 'aws-alb', status: [503] },
      { status: [502], maxDurationMs: FAST_FAILURE_MS, writerKind: GATEWAYS },
    ],
    blame: 'behind',
    visitor:
      'The part of the site that makes this page is down or keeps crashing. The site’s front server had nowhere to send your visit. Try again in a few minutes.',
    owner:
      '{layer} could not connect to any server behind it, and failed fast: nothing was listening. The app is stopped or crash-looping, failing its health checks, or {layer} points at the wrong address or port. Check the app’s process or container status and restarts, then {layer}’s log.',
  },
  {
    id: 'edge-origin-error',
    rank: 65,
    when: [{ writerKind: ['cdn'], status: [500, 503] }],
    blame: 'behind',
    visitor:
      'The service in front of this site could not get the page from the site’s own server. The problem is on the site’s side. Try again in a few minutes.',
    owner:
      '{layer} got no usable response from your origin: refused, timed out, empty or invalid. Check the origin’s health and logs at this time, firewall rules that may block {layer}’s address ranges, and the origin settings in {layer} (host, port, TLS).',
  },
  {
    id: 'upstream-timeout',
    rank: 70,
    when: [{ signature: ['envoy-upstream-timeout', 'fastly-first-byte-timeout'] }, { status: [504] }],
    blame: 'behind',
    visitor:
      'The part of the site that makes this page is too slow right now. The site’s front server gave up waiting for it. Try again in a few minutes.',
    owner:
      'The server behind {layer} is slower than {layer}’s timeout. Find the slow requests in the app’s logs (slow database queries, calls to other APIs, locks, a full worker pool) before raising the timeout.',
  },
  {
    id: 'upstream-bad-answer',
    rank: 60,
    when: [{ signature: ['varnish-fetch-failed', 'apache-proxy-error', 'iis-gateway-error'] }, { status: [502] }],
    blame: 'behind',
    visitor:
      'The site’s front server passed your visit on, but got a broken answer back. It is not your fault. Try again in a few minutes.',
    owner:
      '{layer} got no valid reply from the server behind it: the app closed the connection, crashed part way, or sent malformed or oversized headers. Read the app’s logs and {layer}’s logs at this time.',
  },
  {
    id: 'app-error',
    rank: 50,
    when: [{ status: [500] }],
    blame: 'app',
    visitor:
      'The site’s own software ran into a problem while making this page. It is not your fault. Trying again later may work.',
    owner:
      'The application failed with an error it did not handle. Read its error log (the stack trace) at this time and check the latest deploy and configuration change. If the page is the web server’s own, a broken .htaccess or a crashed PHP or CGI handler gives the same code.',
  },
  {
    id: 'overloaded',
    rank: 40,
    when: [{ status: [503, 529] }],
    blame: 'self',
    visitor:
      'The site is too busy right now, or it is being worked on. It should be back soon. Try again in a few minutes.',
    owner:
      '{layer} refused the request on purpose: a rate or connection limit, a full queue, or a maintenance mode. Check load and limits at this time; send Retry-After so that browsers and people know when to come back.',
  },
];
