// Builds the game client once for the whole browser suite, into a temporary directory that the
// test servers serve (LEVERAGE_CLIENT_DIR's role): the tests never touch dist/ of a running server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, hasChromium } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    clientDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!hasChromium())
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (or set LEVERAGE_CHROMIUM).`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'leverage-e2e-client-'));
  await build({
    configFile: join(process.cwd(), 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  project.provide('clientDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
