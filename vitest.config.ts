import { defineConfig } from 'vitest/config';

// Two projects. The server's integration tests boot real servers (each on a free port) and
// measure timers and takeovers, so their files run one at a time rather than competing for the
// CPU; everything else runs in parallel.
export default defineConfig({
  test: {
    testTimeout: 20000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/server/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
