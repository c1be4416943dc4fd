// Headless Chromium for the browser tests and the bench: Debian's chromium driven by
// playwright-core, with the software-WebGL flags of ../shared/STACK-NOTES.md and a fresh profile.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.LEVERAGE_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context on a fresh --user-data-dir (Chromium's own flag, as the notes ask). */
export async function launch(
  viewport = { width: 1280, height: 720 },
  extra: { isMobile?: boolean; hasTouch?: boolean; deviceScaleFactor?: number } = {},
): Promise<Launched> {
  const dir = mkdtempSync(join(tmpdir(), 'leverage-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    ...extra,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function newPage(l: Launched): Promise<Page> {
  const pages = l.context.pages();
  const page = pages.length > 0 && pages[0].url() === 'about:blank' ? pages[0] : await l.context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return page;
}

export type { Browser, BrowserContext, Page };
