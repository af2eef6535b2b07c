import type { CauseRow } from './causes';

/**
 * Cloudflare's own 52x and 530 codes: each names how Cloudflare failed to get the page from the
 * site's own server (the origin), so each blames the layer behind Cloudflare. Cloudflare's code
 * says what happened: each is sure.
 */
export const CLOUDFLARE_CAUSES: readonly CauseRow[] = [
  {
    id: 'cf-origin-bad-answer',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [520], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-refused',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [521], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-timeout',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [522], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-unreachable',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [523], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-slow',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [524], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-tls',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [525], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-certificate',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [526], confidence: 'high' }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-dns',
    rank: 80,
    // 530 carries a 1xxx code in the page: 1016 is the origin's DNS; without the page, likely so.
    when: [
      { signature: ['cf-origin-dns-page'], confidence: 'high' },
      { vendor: 'cloudflare', status: [530], confidence: 'medium' },
    ],
    blame: 'behind',
  },
];
