import type { Confidence, LayerKind } from '../model';
import { CLOUDFLARE_CAUSES } from './causes-cloudflare';

/**
 * Which layer a cause blames, relative to its anchor: the layer whose signature or vendor the
 * matching condition named, else the layer that wrote the error.
 * - `self`: the anchor itself (none when nothing signed);
 * - `behind`: the next layer inward (an implied one when none signed: `origin` behind a CDN,
 *   firewall, edge code or the visitor's proxy, `app` behind anything else; behind an unsigned
 *   gateway error, an implied front server first);
 * - `app`: the innermost application (implied behind the innermost layer when none signed);
 * - `database`: an implied database behind the application;
 * - `network`: the visitor's own network, outside the site altogether;
 * - `none`: no layer failed (a false alarm).
 */
export type Blame = 'self' | 'behind' | 'app' | 'database' | 'network' | 'none';

/** What an implied layer behind the anchor is, when the condition knows better than the anchor's kind. */
export type ImpliedBehind = 'origin' | 'app';

/** A set of facts that must all hold, and how sure they make us. Absent fields are not tested. */
export interface Condition {
  /** The status is one of these. */
  status?: readonly number[];
  /** At least one of these signatures (fingerprint tables) or words (./words.ts) matched. */
  signature?: readonly string[];
  /** This vendor (a fingerprint id) signed the response. */
  vendor?: string;
  /** The layer that wrote the error is one of these vendors. */
  writer?: readonly string[];
  /** The layer that wrote the error is of one of these kinds. */
  writerKind?: readonly LayerKind[];
  /** The layer that wrote the error is signed (true), or nothing signed it (false). */
  writerSigned?: boolean;
  /** The layer that wrote the error is one no fingerprint knows (a `generic:` layer). */
  writerGeneric?: boolean;
  /** A Retry-After that names a window: parsed, more than 0 s, not one the writer adds to every error. */
  retryAfter?: boolean;
  /** A bot-challenge signature matched. */
  challenge?: boolean;
  /** The time taken is known and below this. */
  maxDurationMs?: number;
  /** The time taken is known and at least this. */
  minDurationMs?: number;
  confidence: Confidence;
  /** Overrides the row's blame. */
  blame?: Blame;
  /** Overrides what an implied layer behind the anchor is. */
  behind?: ImpliedBehind;
  /** Overrides the row's rank: these words outrank what the row's other conditions would. */
  rank?: number;
}

/** One row per likely cause: when it applies and whom it blames. Its words are in public/_locales. */
export interface CauseRow {
  id: string;
  /** Higher ranks first. */
  rank: number;
  /** The cause applies when any of these conditions holds; the first that holds is its evidence and confidence. */
  when: readonly Condition[];
  blame: Blame;
  /** A bot challenge or the visitor's Wi-Fi login: the site is not down. */
  falseAlarm?: boolean;
  /** Said only when nothing else applies. */
  fallback?: boolean;
}

/**
 * Proxies that sit next to the servers they pass visits to: a refusal behind them comes back
 * within milliseconds, and they answer a timeout with 504, so the time a 502 took tells a server
 * that is down from one that broke its answer. (A CDN's or platform's way to the app crosses
 * networks: its timing says nothing of the kind.)
 */
const NEXT_TO_APP = ['nginx', 'caddy', 'lighttpd', 'apache', 'haproxy', 'envoy', 'traefik', 'kong', 'iis'];

/** Faster than this, a proxy did not wait for anything: nothing was listening behind it. */
const FAST_MS = 1000;

/** Heroku's router gives up on a dyno after 30 s (its H12). */
const HEROKU_TIMEOUT_MS = 29_000;

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
    when: [{ challenge: true, confidence: 'high' }],
    blame: 'none',
    falseAlarm: true,
  },
  {
    id: 'captive-portal',
    rank: 150,
    when: [{ status: [511], confidence: 'high' }],
    blame: 'network',
    falseAlarm: true,
  },
  {
    id: 'edge-code',
    rank: 95,
    when: [
      {
        signature: ['cf-worker-error', 'lambda-edge-error', 'lambda-edge-x-cache', 'vercel-edge-error'],
        confidence: 'high',
      },
    ],
    blame: 'self',
  },
  {
    id: 'wp-database',
    rank: 92,
    when: [{ signature: ['wp-db-error'], confidence: 'high' }],
    blame: 'database',
  },
  {
    id: 'database',
    rank: 90,
    when: [{ signature: ['database-words'], confidence: 'high' }],
    blame: 'database',
  },
  {
    id: 'network-proxy-dns',
    rank: 88,
    when: [
      { signature: ['squid-dns-fail', 'bluecoat-dns'], writerKind: ['network'], confidence: 'high' },
      // Squid 5 says ERR_READ_ERROR 0 when a name does not resolve; fast, it had no path at all.
      { signature: ['squid-read-error-0'], writerKind: ['network'], maxDurationMs: FAST_MS, confidence: 'low' },
    ],
    blame: 'self',
  },
  {
    id: 'network-proxy-unreachable',
    rank: 88,
    when: [{ signature: ['squid-connect-fail', 'squid-read-timeout'], writerKind: ['network'], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'wp-critical',
    rank: 85,
    when: [{ signature: ['wp-critical-error'], confidence: 'high' }],
    blame: 'self',
  },
  ...CLOUDFLARE_CAUSES,
  {
    id: 'vercel-function-timeout',
    rank: 80,
    when: [{ signature: ['vercel-function-timeout'], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'vercel-function-failed',
    rank: 80,
    when: [{ signature: ['vercel-function-failed'], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'bandwidth-limit',
    rank: 80,
    when: [{ status: [509], confidence: 'high' }],
    blame: 'self',
  },
  {
    id: 'upstream-dns',
    rank: 80,
    when: [
      { signature: ['apache-dns-failure', 'squid-dns-fail'], confidence: 'high' },
      // A rewrite to another site: what is behind is not the app's own code.
      { signature: ['vercel-dns-not-found'], confidence: 'high', behind: 'origin' },
    ],
    blame: 'behind',
  },
  {
    id: 'upstream-tls',
    rank: 76,
    when: [{ signature: ['envoy-tls', 'fastly-tls', 'squid-secure-connect-fail'], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'maintenance',
    rank: 75,
    when: [
      { signature: ['maintenance-words', 'heroku-maintenance'], status: [503], confidence: 'high' },
      // Laravel answers 503 only in maintenance mode (`php artisan down`).
      { signature: ['laravel-error-page'], status: [503], retryAfter: true, confidence: 'high' },
      { status: [503], retryAfter: true, writerSigned: true, confidence: 'medium' },
      { status: [503], retryAfter: true, confidence: 'low' },
    ],
    blame: 'self',
  },
  {
    id: 'overloaded',
    rank: 74,
    when: [
      {
        signature: ['envoy-overflow', 'envoy-overloaded', 'litespeed-busy', 'resource-limit-words'],
        confidence: 'high',
      },
      { signature: ['rate-limit-words'], confidence: 'high', blame: 'self' },
      { status: [529], confidence: 'medium', blame: 'self' },
    ],
    blame: 'behind',
  },
  {
    id: 'upstream-down',
    rank: 70,
    when: [
      // A Cloudflare Tunnel that is not connected: a 530, but no DNS problem.
      { signature: ['cf-tunnel-down'], confidence: 'high', rank: 85 },
      {
        signature: [
          'envoy-no-healthy-upstream',
          'envoy-connect-failure',
          'haproxy-no-server',
          'fastly-unhealthy',
          'fastly-refused',
          'kong-unavailable',
          'traefik-no-server',
          'github-no-server',
          'http-sys-unavailable',
          'cloudfront-connect-failed',
          'refused-words',
        ],
        confidence: 'high',
      },
      // The site's own Squid (its accelerator): on the visitor's, see network-proxy-unreachable.
      { signature: ['squid-connect-fail'], writerKind: ['proxy'], confidence: 'high' },
      { vendor: 'aws-alb', status: [503], confidence: 'medium' },
      {
        signature: ['varnish-fetch-failed', 'varnish-fetch-failed-status'],
        maxDurationMs: FAST_MS,
        confidence: 'medium',
      },
      { status: [502], writer: NEXT_TO_APP, maxDurationMs: FAST_MS, confidence: 'medium' },
      { signature: ['squid-read-error-0'], writerKind: ['proxy'], maxDurationMs: FAST_MS, confidence: 'low' },
      // mod_proxy and lighttpd's mod_proxy answer a refused backend with a bare 503.
      { status: [503], writer: ['apache', 'lighttpd'], retryAfter: false, confidence: 'low' },
      // A 503 no one signs that took seconds: a front server waited for a server behind it that never came.
      { status: [503], writerSigned: false, retryAfter: false, minDurationMs: FAST_MS, confidence: 'low' },
    ],
    blame: 'behind',
  },
  {
    id: 'upstream-timeout',
    rank: 70,
    when: [
      {
        signature: [
          'envoy-upstream-timeout',
          'fastly-first-byte-timeout',
          'haproxy-timeout',
          'kong-timeout',
          'apache-gateway-timeout',
        ],
        confidence: 'high',
      },
      { signature: ['squid-read-timeout'], writerKind: ['proxy'], confidence: 'high' },
      // Apache's "Error reading from remote server" and Varnish's "Backend fetch failed" after its timeout.
      {
        signature: ['varnish-fetch-failed', 'varnish-fetch-failed-status', 'apache-error-reading'],
        minDurationMs: FAST_MS,
        confidence: 'medium',
      },
      { signature: ['heroku-application-error'], minDurationMs: HEROKU_TIMEOUT_MS, confidence: 'medium' },
      { status: [504], writerSigned: true, confidence: 'medium' },
      { status: [504], confidence: 'low' },
    ],
    blame: 'behind',
  },
  {
    id: 'upstream-bad-answer',
    rank: 60,
    when: [
      {
        signature: [
          'haproxy-bad-answer',
          'kong-bad-answer',
          'iis-gateway-error',
          'envoy-termination',
          'cloud-run-malformed',
          'vercel-no-response',
          'fastly-read-error',
          'squid-zero-size',
        ],
        confidence: 'high',
      },
      { signature: ['apache-error-reading'], confidence: 'medium' },
      // A proxy next to the app that waited, then gave up with 502 (its timeout would be a 504): a broken answer.
      { status: [502], writer: NEXT_TO_APP, minDurationMs: FAST_MS, confidence: 'medium' },
    ],
    blame: 'behind',
  },
  {
    id: 'heroku-app-error',
    rank: 58,
    when: [
      { signature: ['heroku-application-error'], confidence: 'medium' },
      { vendor: 'heroku', status: [503], confidence: 'medium' },
    ],
    blame: 'behind',
  },
  {
    id: 'upstream-failed',
    rank: 55,
    when: [
      { signature: ['railway-no-answer'], confidence: 'high' },
      {
        signature: ['envoy-connect-error', 'varnish-fetch-failed', 'varnish-fetch-failed-status'],
        confidence: 'medium',
      },
      { status: [502], writerSigned: true, confidence: 'medium' },
      { status: [502], confidence: 'low' },
    ],
    blame: 'behind',
  },
  {
    id: 'edge-origin-error',
    rank: 52,
    when: [{ writerKind: ['cdn'], status: [500, 503], confidence: 'medium' }],
    blame: 'behind',
  },
  {
    id: 'app-error',
    rank: 50,
    when: [
      {
        signature: [
          'tomcat-exception',
          'jetty-exception',
          'django-500-page',
          'werkzeug-500-page',
          'spring-whitelabel',
          'express-error-page',
          'rails-500-page',
          'laravel-error-page',
          'puma-lowlevel-error',
        ],
        status: [500],
        confidence: 'high',
      },
      { signature: ['canned-500-page'], writerGeneric: true, status: [500], confidence: 'high' },
      { status: [500], writerSigned: true, confidence: 'medium' },
      { status: [500], confidence: 'low' },
    ],
    blame: 'app',
  },
  {
    id: 'unavailable',
    rank: 30,
    when: [
      { status: [503], writerSigned: true, confidence: 'low' },
      { status: [503], confidence: 'low' },
    ],
    blame: 'self',
    fallback: true,
  },
];
