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
  },
  {
    id: 'cf-origin-refused',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [521] }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-timeout',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [522] }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-unreachable',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [523] }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-slow',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [524] }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-tls',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [525] }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-certificate',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [526] }],
    blame: 'behind',
  },
  {
    id: 'cf-origin-dns',
    rank: 80,
    when: [{ vendor: 'cloudflare', status: [530] }],
    blame: 'behind',
  },
];
