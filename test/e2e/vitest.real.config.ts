import { defineConfig } from 'vitest/config';

// End-to-end against Debian's real servers (test/lab/real): `npm run test:e2e:real`.
// TODO(issue 12): joins `npm run test:e2e` (and so `npm test`) when the issue-12 diagnosis model lands.
export default defineConfig({
  test: {
    root: 'test/e2e',
    include: ['real-servers.e2e.ts'],
    testTimeout: 60_000,
    // Starting every set-up (two JVMs, five VCL compilations) takes a while on two cores.
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
