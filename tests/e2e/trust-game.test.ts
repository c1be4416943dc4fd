// The trust game with the practice of naming each bot's strategy: honour or defect with every
// seat each round, guess, and see at the end which strategies they played.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, facts, findOverlaps, gotoReady, openBrowser, shot, startServer, waitFacts, type Browser, type TestServer } from './helpers';

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser({ width: 1280, height: 720 });
});
afterAll(async () => closeAll(b, server));

describe('the trust game', () => {
  it('plays every round, names the strategies and reveals them', async () => {
    const { page } = b;
    await gotoReady(page, server.url);
    await page.selectOption('#trust-length', 'short');
    await page.click('#play-trust');
    await page.waitForSelector('#trust-intro');
    await page.click('#start');
    await waitFacts(page, (f) => f.phase === 'trust', 10_000, 'the first trust stage');
    let guessed = false;
    for (let step = 0; step < 400; step++) {
      const f = await facts(page);
      if (!f || f.phase === 'end') break;
      if (f.phase === 'trust' && f.openTrust.length) {
        // Defect once in round 2 to see who strikes back; honour otherwise.
        const move = f.round === 2 && f.openTrust.length === 4 ? 'defect' : 'honour';
        await page.click(`#${move}-${f.openTrust[0]}`, { timeout: 2000 }).catch(() => undefined);
        await page.waitForTimeout(40);
        continue;
      }
      if (f.round === 4 && !guessed) {
        guessed = true;
        await page.click('#tab-guess');
        for (const sel of await page.$$('#guess select')) await sel.selectOption('tit-for-tat');
        await page.waitForTimeout(300);
        expect(await findOverlaps(page)).toEqual([]);
        await shot(page, 'trust-game');
        await page.click('#tab-trust');
      }
      if (!f.ready) await page.click('#ready:not([disabled])', { timeout: 1000 }).catch(() => undefined);
      await page.waitForTimeout(60);
    }
    await page.waitForSelector('#guess-results', { timeout: 20_000 });
    const text = await page.textContent('#guess-results');
    expect(text).toMatch(/Your guesses: \d of 4 right/);
    expect(text).toMatch(/The bot played/);
    expect(await page.textContent('#kpis')).toMatch(/Cooperation/);
    await page.waitForTimeout(1200);
    expect(await findOverlaps(page)).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
