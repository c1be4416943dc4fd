// The explorable (issue 9.9): reached from the lobby by keyboard, loaded only then, it runs a
// tournament and an evolution of the 13 strategies with the engine's code, follows the sliders,
// animates the population's shares and walks a guided path; Escape goes back to the lobby.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAll,
  findOverlaps,
  gotoReady,
  openBrowser,
  shot,
  startServer,
  tabTo,
  type Browser,
  type TestServer,
} from './helpers';

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser({ width: 1280, height: 720 });
});
afterAll(async () => closeAll(b, server));

const scripts = (page: Browser['page']) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.js')),
  );

describe('the explorable', () => {
  it('keeps its code out of the lobby bundle', () => {
    const assets = join(inject('clientDir'), 'assets');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const entry = files.find((f) => f.startsWith('index-'))!;
    expect(files.some((f) => f.startsWith('explore-'))).toBe(true);
    expect(files.some((f) => f.startsWith('worker-'))).toBe(true);
    // The page's entry does not contain the explorable's strings; it loads it with import().
    const entryText = readFileSync(join(assets, entry), 'utf8');
    expect(entryText).not.toContain('A population that copies what pays');
    expect(gzipSync(readFileSync(join(assets, entry)), { level: 9 }).length / 1024).toBeLessThan(500);
  });

  it('runs the tournament and the evolution from the lobby, by keyboard', async () => {
    const { page } = b;
    await gotoReady(page, server.url);
    expect((await scripts(page)).some((s) => s.includes('/explore-'))).toBe(false);
    await tabTo(page, '#open-explore');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tournament-bars .bar-row:not(.head)');
    expect((await scripts(page)).some((s) => s.includes('/explore-'))).toBe(true);
    expect(await page.$$eval('#tournament-bars .bar-row:not(.head)', (rows) => rows.length)).toBe(13);
    // The measured leader heads the bars and the step's text names it.
    const leader = (await page.textContent('#tournament-bars .bar-row:not(.head) .name'))!.trim();
    expect(await page.textContent('#step-text')).toContain(
      `${leader.charAt(0).toUpperCase()}${leader.slice(1)} scores most`,
    );
    expect(new URL(page.url()).hash).toBe('#explore');

    // A slider moved by keyboard runs the tournament again with the new noise.
    await page.focus('#noise');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('noise-value')?.textContent === '0.5 %');
    // Each press is one step of 0.5 %; the label follows on the next frame.
    for (let i = 0; i < 40 && Number(await page.inputValue('#noise')) < 0.05 - 1e-9; i++)
      await page.keyboard.press('ArrowRight');
    expect(await page.inputValue('#noise')).toBe('0.05');
    await page.waitForFunction(() => document.getElementById('noise-value')?.textContent === '5 %');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noise');
    await page.waitForFunction(() => /, 5 % noise,/.test(document.getElementById('explore-timing')?.textContent ?? ''));

    // The guided path: to the evolution, whose chart animates to the last generation.
    for (let step = 2; step <= 5; step++) {
      await page.click('#step-next');
      await page.waitForFunction(
        (k) => document.getElementById('explore-step-title')!.textContent.startsWith(`${k} of`),
        step,
      );
    }
    await page.waitForSelector('#evo-chart');
    // The evolution step's own run (not the last step's result still on screen).
    await page.waitForFunction(() =>
      /^13 strategies, 200 rounds, no noise/.test(document.getElementById('explore-timing')?.textContent ?? ''),
    );
    await page.waitForFunction(
      () => /^After 100 generations/.test(document.getElementById('survivors')?.textContent ?? ''),
      null,
      { timeout: 15_000 },
    );
    const painted = await page.evaluate(() => {
      const c = document.getElementById('evo-chart') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<string>();
      for (let i = 0; i < d.length; i += 4 * 97) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
      return colours.size;
    });
    expect(painted).toBeGreaterThan(5);
    expect(await page.textContent('#step-text')).toMatch(/After 100 generations: tit-for-tat \d/);
    expect(await findOverlaps(page)).toEqual([]);
    await shot(page, 'explore-evolution');

    // Escape goes back to the lobby, where the explorable's button has the focus again.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#play-trust');
    expect(new URL(page.url()).hash).toBe('');
    await page.waitForFunction(() => document.activeElement?.id === 'open-explore');
    expect(b.errors).toEqual([]);
  });
});
