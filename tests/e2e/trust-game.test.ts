// The trust game with the practice of naming each bot's strategy: honour or defect with every
// seat each round, guess, and see at the end which strategies they played.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyName } from '../../shared/bots/strategies';
import { clickNow, closeAll, facts, findOverlaps, fixSeed, gotoReady, openBrowser, shot, startServer, tableCode, tableRecord, waitFacts, type Browser, type TestServer } from './helpers';

/** The game every run plays. */
const SEED = 3;

let server: TestServer;
let b: Browser;

beforeAll(async () => {
  server = await startServer();
  b = await openBrowser({ width: 1280, height: 720 });
  await fixSeed(b.page, SEED);
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
    const code = await tableCode(page);
    const record = tableRecord(server, code);
    expect(record.config.seed).toBe(SEED);
    // What each bot really plays, from the server: name two of them right and two wrong.
    const truth = record.seats.map((s) => (s.bot?.kind === 'strategy' ? s.bot.strategy : null));
    expect(truth[0]).toBeNull();
    const guesses = new Map<number, StrategyName>();
    for (const seat of [1, 2, 3, 4]) {
      const actual = truth[seat]!;
      guesses.set(seat, seat <= 2 ? actual : actual === 'always-defect' ? 'always-cooperate' : 'always-defect');
    }
    await page.click('#tab-guess');
    for (const [seat, guess] of guesses) await page.selectOption(`#guess-${seat}`, guess);
    await page.waitForTimeout(300);
    expect(await findOverlaps(page)).toEqual([]);
    await shot(page, 'trust-game');
    await page.click('#tab-trust');

    // Defect on seat 1 in round 2 to see who strikes back; honour otherwise. The score between
    // rounds closes on its own clock.
    for (let step = 0; step < 1000; step++) {
      const f = await facts(page);
      if (!f || f.phase === 'end') break;
      if (f.phase === 'trust' && f.openTrust.length) {
        const partner = f.openTrust[0];
        await clickNow(page, `#${f.round === 2 && partner === 1 ? 'defect' : 'honour'}-${partner}`, f);
      } else if (f.phase === 'trust' && !f.ready) await clickNow(page, '#ready', f);
      await page.waitForTimeout(50);
    }
    await page.waitForSelector('#guess-results', { timeout: 20_000 });

    // Every round the player moved with all four bots, defecting once: on seat 1 in round 2.
    const total = server.app.ctx.store.getTable(code)!;
    const rounds = (total.results as { totalRounds: number }).totalRounds;
    expect(rounds).toBeGreaterThanOrEqual(3);
    // A move may be changed until the reveal: the last one toward each partner counts.
    const moves = new Map<string, string>();
    for (const e of server.app.ctx.store.log(code)) {
      if (e.actor === 0 && e.action.type === 'trust') moves.set(`${e.round}:${e.action.partner}`, e.action.move);
    }
    const expected = new Map<string, string>();
    for (let round = 1; round <= rounds; round++) for (const partner of [1, 2, 3, 4]) expected.set(`${round}:${partner}`, 'honour');
    expected.set('2:1', 'defect');
    expect(new Map([...moves].sort())).toEqual(new Map([...expected].sort()));

    expect(await page.textContent('#guess-results h2')).toBe('Your guesses: 2 of 4 right');
    const rows = await page.$$eval('#guess-results tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(rows).toHaveLength(4);
    for (const [i, seat] of [1, 2, 3, 4].entries()) {
      const [, said, played] = rows[i];
      expect(said).toBe(`${seat <= 2 ? '✓' : '✗'} ${guesses.get(seat)}`);
      expect(played.startsWith(truth[seat]!)).toBe(true);
    }
    expect(await page.textContent('#kpis')).toMatch(/Cooperation/);
    await page.waitForTimeout(1200);
    expect(await findOverlaps(page)).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
