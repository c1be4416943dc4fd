// The trust game on its own, with the practice of naming each bot's strategy: a fixed seed draws
// the bots, the player honours or defects with every seat, sees its own moves that noise flipped,
// must lock in its guesses before the game can end, and reads the graded reveal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceStrategies } from '../../shared/trust-game/practice';
import { STRATEGY_TITLES } from '../../shared/trust-game/words';
import {
  closeAll,
  findOverlaps,
  gotoReady,
  openBrowser,
  shot,
  startServer,
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

const SEED = 7;

interface TrustFacts {
  phase: string;
  round: number;
  ready: boolean;
  open: number[];
  due: boolean;
  /** Rounds in which noise flipped one of this seat's own moves (it sees its own chosen moves). */
  ownFlips: number;
}

describe('the trust game', () => {
  it('plays with bots drawn by the seed, holds the end for the guesses, and grades them against what was seen', async () => {
    const { page } = b;
    await gotoReady(page, `${server.url}?seed=${SEED}`);
    // Nothing of the coalition game in its lobby card.
    const card = (await page.textContent('section[aria-labelledby="trust-h"]'))!;
    expect(card).not.toMatch(/power|quota|walk-away|escalat|votes/i);
    await page.selectOption('#trust-length', 'short');
    await page.selectOption('#trust-noise', '0.1');
    // What the tournament shows for these settings, computed in the page.
    await page.waitForFunction(() => /earns most/.test(document.getElementById('trust-finding')!.textContent));
    expect(await page.textContent('#trust-finding')).toMatch(
      /^In games that end at random after about 4 rounds, with 10 % noise, always defect earns most/,
    );
    await page.click('#play-trust');
    await page.waitForSelector('#trust-intro');
    const intro = (await page.textContent('#ui'))!;
    expect(intro).not.toMatch(/power map|quota|walk-away|escalat|votes/i);
    await page.click('#start');

    const facts = (): Promise<TrustFacts> =>
      page.evaluate(() => {
        const s = (window.__leverage!.store as { state: { view: any; practice: any } }).state;
        const v = s.view;
        const me = v.me.seat;
        let ownFlips = 0;
        for (const r of v.history)
          for (const p of r.trust)
            if ((p.a === me && p.moveA !== p.chosenA) || (p.b === me && p.moveB !== p.chosenB)) ownFlips++;
        return {
          phase: v.phase,
          round: v.round,
          ready: v.seats[me].ready,
          open: v.phase === 'trust' ? v.trust.filter((t: any) => t.move === null).map((t: any) => t.partner) : [],
          due: s.practice?.due === true,
          ownFlips,
        };
      });
    let f = await facts();
    let shotTaken = false;
    for (let step = 0; step < 600 && !f.due; step++) {
      if (f.phase === 'trust' && f.open.length > 0) {
        if (f.round === 3 && !shotTaken) {
          shotTaken = true;
          expect(await findOverlaps(page)).toEqual([]);
          await shot(page, 'trust-game');
        }
        // Defect on everyone in round 2, to see who strikes back; honour otherwise.
        await page.click(f.round === 2 ? '#defect-all' : '#honour-all', { timeout: 2000 }).catch(() => undefined);
      } else if (f.phase === 'trust' || (f.phase === 'score' && !f.ready)) {
        await page.click('#ready:not([disabled])', { timeout: 1000 }).catch(() => undefined);
      }
      await page.waitForFunction(
        (before) => {
          const s = (window.__leverage!.store as { state: { view: any; practice: any } }).state;
          const v = s.view;
          return (
            `${v.round}:${v.phase}:${v.seats[v.me.seat].ready}:${v.trust.filter((t: any) => t.move === null).length}` !==
              before || s.practice?.due === true
          );
        },
        `${f.round}:${f.phase}:${f.ready}:${f.open.length}`,
        { timeout: 10_000 },
      );
      f = await facts();
    }
    // The last round is played: the game waits for the guesses, on the Guess tab.
    expect(f.due).toBe(true);
    expect(f.phase).toBe('score');
    await page.waitForSelector('#guesses-due');
    expect(await page.getAttribute('#tab-guess', 'aria-selected')).toBe('true');
    // The player's own flipped moves are marked in its history (seed 7 flips some at 10 % noise).
    await page.click('#tab-trust');
    expect(f.ownFlips).toBeGreaterThan(0);
    const ownFlipChips = await page.$$eval('.trust-row .history-moves:nth-child(2) .mv.flip', (els) => els.length);
    expect(ownFlipChips).toBe(f.ownFlips);
    await page.click('#tab-guess');

    const drawn = practiceStrategies(SEED, 4);
    expect(drawn).toEqual(['two-tits-for-tat', 'alternator', 'always-cooperate', 'tit-for-tat']);
    // Two right; always honour named tit-for-tat and tit-for-tat named always honour.
    const guesses = ['two-tits-for-tat', 'alternator', 'tit-for-tat', 'always-cooperate'];
    expect(await page.isDisabled('#lock-guesses')).toBe(true);
    for (let seat = 1; seat <= 4; seat++) await page.selectOption(`#guess-${seat}`, guesses[seat - 1]);
    await page.click('#lock-guesses');
    await page.waitForSelector('#guess-results', { timeout: 20_000 });
    await page.waitForFunction(() =>
      /scores most/.test(document.getElementById('tournament-finding')?.textContent ?? ''),
    );

    for (let seat = 1; seat <= 4; seat++)
      expect(await page.textContent(`#reveal-${seat} .reveal-head`)).toContain(
        `it played ${STRATEGY_TITLES[drawn[seat - 1]]}`,
      );
    expect(await page.textContent('#reveal-1 .verdict')).toMatch(/^Right: it played two-tits-for-tat\./);
    expect(await page.textContent('#reveal-2 .verdict')).toMatch(/^Right: it played alternator\./);
    // The player defected on everyone in round 2: tit-for-tat would have defected back in round 3.
    expect(await page.textContent('#reveal-3 .verdict')).toMatch(
      /^Ruled out by what you saw: in round 3 it honoured toward you, which tit-for-tat would not have done unless noise flipped it\./,
    );
    expect(await page.textContent('#reveal-4 .verdict')).toMatch(
      /^Ruled out by what you saw: in round \d it defected toward/,
    );
    expect(await page.textContent('#guess-results h2')).toMatch(/^Your guesses: 2 of 4 right/);
    expect(await page.textContent('#grading-note')).toMatch(/consistent with what you saw/);
    // The tournament at this game's length and noise, naming the bots' strategies.
    expect(await page.textContent('#tournament-finding')).toMatch(
      /at \d+ rounds with 10 % noise \(100 repetitions\), \S.* scores most/,
    );
    // Its own debrief: none of the coalition game's questions, walk-aways or baselines.
    const report = (await page.textContent('#debrief'))!;
    expect(report).not.toMatch(/walk-away|baseline|quota|Questions for the class|Harbour/i);
    await page.waitForSelector('#audit');
    expect(await findOverlaps(page)).toEqual([]);
    await shot(page, 'trust-reveal');
    expect(b.errors).toEqual([]);
  });
});
