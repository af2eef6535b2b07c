import type { LayerKind } from '../model';
import { CLOUDFLARE_CAUSES } from './causes-cloudflare';

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
  /** A bot-challenge signature matched. */
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
  /** A bot challenge or the visitor's network: the site is not down. */
  falseAlarm?: boolean;
}

/** Gateways and edges: the layers that pass a visit on to a server behind them. */
const GATEWAYS: readonly LayerKind[] = ['cdn', 'firewall', 'load-balancer', 'platform', 'proxy'];

/** A proxy that fails this fast did not wait for anything: nothing was listening behind it. */
const FAST_FAILURE_MS = 1000;

/** Said when no row applies: honest about what we cannot tell. */
export const UNKNOWN_CAUSE: CauseRow = {
  id: 'unknown',
  rank: 0,
  when: [],
  blame: 'none',
};

/** The likely causes, each with a fixture in test/fixtures/responses/. */
export const CAUSES: readonly CauseRow[] = [
  {
    id: 'challenge',
    rank: 200,
    when: [{ challenge: true }],
    blame: 'none',
    falseAlarm: true,
  },
  {
    id: 'captive-portal',
    rank: 150,
    when: [{ status: [511] }],
    blame: 'network',
    falseAlarm: true,
  },
  {
    id: 'wp-database',
    rank: 90,
    when: [{ signature: ['wp-db-error'] }],
    blame: 'database',
  },
  {
    id: 'wp-critical',
    rank: 85,
    when: [{ signature: ['wp-critical-error'] }],
    blame: 'self',
  },
  ...CLOUDFLARE_CAUSES,
  {
    id: 'heroku-app-error',
    rank: 80,
    when: [{ signature: ['heroku-error-page'] }, { vendor: 'heroku', status: [503] }],
    blame: 'behind',
  },
  {
    id: 'vercel-function-timeout',
    rank: 80,
    when: [{ signature: ['vercel-function-timeout'] }],
    blame: 'behind',
  },
  {
    id: 'vercel-function-failed',
    rank: 80,
    when: [{ signature: ['vercel-function-failed'] }],
    blame: 'behind',
  },
  {
    id: 'bandwidth-limit',
    rank: 80,
    when: [{ status: [509] }],
    blame: 'self',
  },
  {
    id: 'maintenance',
    rank: 75,
    when: [{ status: [503], retryAfter: true }],
    blame: 'self',
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
  },
  {
    id: 'edge-origin-error',
    rank: 65,
    when: [{ writerKind: ['cdn'], status: [500, 503] }],
    blame: 'behind',
  },
  {
    id: 'upstream-timeout',
    rank: 70,
    when: [{ signature: ['envoy-upstream-timeout', 'fastly-first-byte-timeout'] }, { status: [504] }],
    blame: 'behind',
  },
  {
    id: 'upstream-bad-answer',
    rank: 60,
    when: [{ signature: ['varnish-fetch-failed', 'apache-proxy-error', 'iis-gateway-error'] }, { status: [502] }],
    blame: 'behind',
  },
  {
    id: 'app-error',
    rank: 50,
    when: [{ status: [500] }],
    blame: 'app',
  },
  {
    id: 'overloaded',
    rank: 40,
    when: [{ status: [503, 529] }],
    blame: 'self',
  },
];
