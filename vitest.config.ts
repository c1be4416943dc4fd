import { defineConfig } from 'vitest/config';

// Two projects: the server's integration tests boot a real server, and @colyseus/testing always
// listens on port 2568, so their files run one at a time; everything else runs in parallel.
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
