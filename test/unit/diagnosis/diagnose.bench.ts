// Speed of one diagnosis, printed rather than asserted: `npx vitest bench --run test/unit/diagnose.bench.ts`.
import { bench, describe } from 'vitest';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { FIXTURES, NOW } from '../../fixtures/responses/index';

const withBody = FIXTURES.filter((f) => f.input.body);
const headersOnly = FIXTURES.filter((f) => !f.input.body);
const worstBody = `${'<p>padding without any vendor words</p>'.repeat(400)}`.slice(0, 8192);

describe('diagnose, one response', () => {
  let i = 0;
  bench('fixture with a body (cycling the corpus)', () => {
    const f = withBody[i++ % withBody.length];
    if (f) diagnose(f.input, NOW);
  });
  bench('fixture with headers only', () => {
    const f = headersOnly[i++ % headersOnly.length];
    if (f) diagnose(f.input, NOW);
  });
  bench('8 KB body that matches nothing (every pattern scans it all)', () => {
    diagnose({ status: 502, headers: { server: 'nginx' }, body: worstBody, url: 'https://example.com/' }, NOW);
  });
});
