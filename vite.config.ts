// The game client: Vite builds client/ (Phaser 4 scenes, DOM forms) into dist/client, which the
// game server serves. In development (npm run dev) the dev server proxies the Colyseus
// endpoint (under /colyseus) and the HTTP API to a game server started alongside.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const target = `http://127.0.0.1:${process.env.LEVERAGE_DEV_SERVER_PORT ?? '2567'}`;

export default defineConfig(({ command }) => ({
  root: 'client',
  // The dev server reaches the game server through its proxy (/colyseus); a build is served by
  // the game server itself. Decided by the command, not NODE_ENV (a test runner sets that).
  define: { __LEVERAGE_DEV_PROXY__: JSON.stringify(command === 'serve') },
  publicDir: false,
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    // Phaser alone is about 1.3 MB before gzip: the budget that matters is the gzipped total
    // (npm run bench, client.jsGzipKB), not Vite's per-chunk warning.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // Phaser's loader reads data: URLs as base64, and Vite inlines small SVGs URL-encoded: emit
    // the art as files instead (it also lets the boot screen's progress bar mean something).
    assetsInlineLimit: 0,
  },
  server: {
    fs: { allow: [root] },
    proxy: {
      '/api': target,
      '/health': target,
      '/colyseus': { target, ws: true, rewrite: (path) => path.replace(/^\/colyseus/, '') },
    },
  },
}));
