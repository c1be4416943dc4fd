/// <reference types="vite/client" />

interface Window {
  /** Test and bench hooks (see client/main.ts). */
  __leverage?: Record<string, unknown>;
}

/** True under `vite` (dev server with a proxy), false in a build (vite.config.ts). */
declare const __LEVERAGE_DEV_PROXY__: boolean;
