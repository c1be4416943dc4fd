// A class survives a server kill in the browser too (issue 10): the students' pages and the
// console join again by themselves, and each student is back at the same seat of the same table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser as PwBrowser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';

import { createApp, type App } from '../../server/app';
import { freePort } from '../../server/free-port';
import type { SessionCreated } from '../../shared/class/setup';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';

const dir = mkdtempSync(join(tmpdir(), 'leverage-e2e-class-restart-'));
let app: App | null = null;
let port = 0;
let browser: PwBrowser;

async function boot(): Promise<App> {
  const a = createApp({
    dbPath: join(dir, 'e2e.db'),
    synchronous: 'NORMAL',
    settings: { botDelayMs: 0, displaySeconds: 1, acceptSeed: true, benchmarkGames: 0, rateBurst: 1000 },
    clientDir: inject('clientDir'),
    log: () => undefined,
  });
  await a.server.listen(port);
  return a;
}

beforeAll(async () => {
  port = await freePort();
  app = await boot();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await app?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const tableOf = (p: Page) =>
  p.evaluate(
    () => (window.__leverage!.store as { state: { welcome: { code: string; seat: number } | null } }).state.welcome,
  );

describe('a class across a server kill', () => {
  it('brings the students back to their seats and the console back to the session', async () => {
    const url = `http://127.0.0.1:${port}/`;
    const res = await fetch(`${url}api/class`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'harbour-development', rounds: 3, seeds: [7], durations: { negotiate: 600 } }),
    });
    const { code, key } = (await res.json()) as SessionCreated;
    const pages: Page[] = [];
    for (const name of ['Noor', 'Omar']) {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${url}#class/${code}`);
      await page.fill('#class-name', name);
      await page.click('#class-room button[type=submit]');
      await page.waitForSelector(`text=Welcome, ${name}.`);
      pages.push(page);
    }
    const facilitator = await (await browser.newContext()).newPage();
    await facilitator.addInitScript(([c, k]) => sessionStorage.setItem(`leverage.class.${c}.key`, k), [
      code,
      key,
    ] as const);
    await facilitator.goto(`${url}#console/${code}`);
    await facilitator.waitForSelector('.cls-waiting >> text=Omar');
    await facilitator.click('#cls-seat-all');
    for (const p of pages) await p.waitForSelector('#prepare');
    const before = await Promise.all(pages.map(tableOf));
    await facilitator.click('#cls-start-all');
    for (const p of pages) await p.waitForSelector('body.phase-negotiate');

    // The server goes down and comes back on the same address and database.
    await app!.close();
    app = await boot();
    await app.restoreTables();
    await facilitator.waitForSelector('.cls-table[data-code] >> text=negotiate', { timeout: 40_000 });
    // Each page is back in the class (no error in its class bar) and at its own seat. (The table
    // connection may come back twice: with the token it had, then with the one the class hands
    // to the new class connection.)
    for (const [i, p] of pages.entries()) {
      const seat = { code: before[i]!.code, seat: before[i]!.seat };
      await p.waitForFunction(
        (want) => {
          const s = (window.__leverage!.store as { state: { welcome: { code: string; seat: number } | null } }).state;
          const bar = document.querySelector('#class-room');
          return (
            s.welcome?.code === want.code &&
            s.welcome.seat === want.seat &&
            bar?.classList.contains('cls-bar') === true &&
            !bar.textContent?.includes('lost') &&
            document.body.classList.contains('phase-negotiate')
          );
        },
        seat,
        { timeout: 40_000, polling: 200 },
      );
    }
    await facilitator.waitForFunction(() => !document.querySelector('.cls-error'));
  });
});
