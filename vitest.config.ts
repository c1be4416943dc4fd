import { defineConfig } from 'vitest/config';

// Three projects, each ending with a check that the working tree is as it found it
// (tests/tree-clean.ts). The server's integration tests boot real servers (each on a free port) and
// measure timers and takeovers, so their files run one at a time rather than competing for the
// CPU; the browser tests (tests/e2e) drive headless Chromium against a real server and a client
// built once by their global setup, also one file at a time; everything else runs in parallel.
export default defineConfig({
  test: {
    testTimeout: 20000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/server/**', 'tests/e2e/**', '**/node_modules/**'],
          globalSetup: ['tests/tree-clean.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          fileParallelism: false,
          globalSetup: ['tests/tree-clean.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          globalSetup: ['tests/tree-clean.ts', 'tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // After the other projects, so Chromium does not compete with the server's timing tests.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
