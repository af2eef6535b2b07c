import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium against the failure lab.
export default defineConfig({
  test: {
    root: 'test/e2e',
    include: ['**/*.e2e.ts'],
    // TODO(issue 12): the real-server suite joins when the issue-12 model lands (vitest.real.config.ts).
    exclude: ['real-servers.e2e.ts', ...configDefaults.exclude],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
