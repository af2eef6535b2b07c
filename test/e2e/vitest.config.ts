import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium against the failure lab, and against
// Debian's real servers (real-servers.e2e.ts, whose start-up takes its own longer hook timeout).
export default defineConfig({
  test: {
    root: 'test/e2e',
    include: ['**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
