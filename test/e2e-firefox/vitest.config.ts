import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Firefox ESR against the failure lab.
export default defineConfig({
  test: {
    root: 'test/e2e-firefox',
    include: ['**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
