// Name-the-strategy practice: bots drawn from all 13 by the seed, and guesses graded against what
// the player could see (DESIGN 5).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/bots/simulate';
import { STRATEGY_NAMES, type StrategyName } from '../../../shared/bots/strategies';
import type { RevealedTrustPair, TrustMove } from '../../../shared/engine/types';
import { viewFor } from '../../../shared/engine/view';
import {
  fit,
  gradeGuess,
  honourProbability,
  pairingsOf,
  practiceStrategies,
} from '../../../shared/trust-game/practice';
import { AXELROD_PAYOFFS, trustGameScenario } from '../../../shared/trust-game/scenario';

const H: TrustMove = 'honour';
const D: TrustMove = 'defect';

/** Rounds of a two-seat game from each side's moves as played: the bot is seat 1, the player seat 0. */
function rounds(player: TrustMove[], bot: TrustMove[]): { round: number; trust: RevealedTrustPair[] }[] {
  return player.map((m, i) => ({
    round: i + 1,
    trust: [{ a: 0, b: 1, moveA: m, moveB: bot[i], chosenA: m, chosenB: bot[i] }],
  }));
}

describe('practiceStrategies', () => {
  it('draws different strategies by the seed, from all 13, in no fixed order by seat', () => {
    expect(practiceStrategies(5, 4)).toEqual(practiceStrategies(5, 4));
    const seen = new Set<StrategyName>();
    const firstSeat = new Set<StrategyName>();
    for (let seed = 0; seed < 200; seed++) {
      const drawn = practiceStrategies(seed, 4);
      expect(new Set(drawn).size).toBe(4);
      drawn.forEach((s) => seen.add(s));
      firstSeat.add(drawn[0]);
    }
    expect([...seen].sort()).toEqual([...STRATEGY_NAMES].sort());
    expect(firstSeat.size).toBe(13);
    expect(practiceStrategies(1, 7)).not.toEqual(practiceStrategies(2, 7));
  });

  it('repeats the draw only past 13 bots', () => {
    expect(new Set(practiceStrategies(9, 13)).size).toBe(13);
    expect(practiceStrategies(9, 15)).toHaveLength(15);
  });
});

describe('honourProbability', () => {
  it('reads each strategy’s chance of honouring off its own code', () => {
    const afterDefection = { own: [H], partner: [D] };
    expect(honourProbability('generous-tit-for-tat', afterDefection, AXELROD_PAYOFFS)).toBeCloseTo(1 / 3, 9);
    expect(honourProbability('random', afterDefection, AXELROD_PAYOFFS)).toBeCloseTo(0.5, 9);
    expect(honourProbability('tit-for-tat', afterDefection, AXELROD_PAYOFFS)).toBe(0);
    expect(honourProbability('tit-for-two-tats', afterDefection, AXELROD_PAYOFFS)).toBe(1);
  });
});

describe('gradeGuess', () => {
  it('counts a strategy that plays alike on the moves seen as consistent, and rules out one the moves contradict', () => {
    // Nobody defected: tit-for-tat played exactly as always honour would have.
    const seen = pairingsOf(rounds([H, H, H, H], [H, H, H, H]), 1);
    expect(gradeGuess(1, 'tit-for-tat', 'tit-for-tat', seen, 0, AXELROD_PAYOFFS).grade).toBe('right');
    const cooperator = gradeGuess(1, 'tit-for-tat', 'always-cooperate', seen, 0, AXELROD_PAYOFFS);
    expect(cooperator.grade).toBe('consistent');
    expect(cooperator.alsoConsistent).toEqual(
      expect.arrayContaining([
        'always-cooperate',
        'grudger',
        'tit-for-two-tats',
        'generous-tit-for-tat',
        'win-stay-lose-shift',
      ]),
    );
    expect(cooperator.alsoConsistent).not.toContain('always-defect');
    const alternator = gradeGuess(1, 'tit-for-tat', 'alternator', seen, 0, AXELROD_PAYOFFS);
    expect(alternator.grade).toBe('ruled-out');
    expect(alternator.guessFit!.misfits[0]).toEqual({ round: 2, partner: 0, played: H });
  });

  it('lets the player’s defection tell tit-for-tat from always honour', () => {
    const seen = pairingsOf(rounds([H, D, H, H], [H, H, D, H]), 1);
    const g = gradeGuess(1, 'tit-for-tat', 'always-cooperate', seen, 0, AXELROD_PAYOFFS);
    expect(g.grade).toBe('ruled-out');
    expect(g.guessFit!.misfits).toEqual([{ round: 3, partner: 0, played: D }]);
    expect(g.alsoConsistent).not.toContain('always-cooperate');
    // Two-tits-for-tat would have defected in round 4 as well.
    expect(gradeGuess(1, 'tit-for-tat', 'two-tits-for-tat', seen, 0, AXELROD_PAYOFFS).grade).toBe('ruled-out');
  });

  it('with noise, weighs a contradicting move as an unlikely flip instead of ruling the guess out outright', () => {
    // Tit-for-tat honoured in round 3 after the player's defection: only a flip explains it.
    const seen = pairingsOf(rounds([H, D, H, H, H], [H, H, H, H, H]), 1);
    expect(Number.isFinite(fit('tit-for-tat', seen, 0.05, AXELROD_PAYOFFS).logLikelihood)).toBe(true);
    expect(fit('tit-for-tat', seen, 0, AXELROD_PAYOFFS).logLikelihood).toBe(-Infinity);
    // The true strategy needed a flip; always honour explains every move without one: consistent.
    const g = gradeGuess(1, 'tit-for-tat', 'always-cooperate', seen, 0.05, AXELROD_PAYOFFS);
    expect(g.actualFit.misfits).toHaveLength(1);
    expect(g.grade).toBe('consistent');
    // Always defect needs a flip for every move: ruled out.
    expect(gradeGuess(1, 'tit-for-tat', 'always-defect', seen, 0.05, AXELROD_PAYOFFS).grade).toBe('ruled-out');
  });

  it('reads the moves toward the other seats too', () => {
    // Seat 1 honours the player but defects on seat 2, who always honoured it: not always honour.
    const history = [1, 2, 3].map((round) => ({
      round,
      trust: [
        { a: 0, b: 1, moveA: H, moveB: H, chosenA: H, chosenB: H },
        { a: 1, b: 2, moveA: D, moveB: H, chosenA: D, chosenB: H },
        { a: 0, b: 2, moveA: H, moveB: H, chosenA: H, chosenB: H },
      ],
    }));
    const g = gradeGuess(1, 'random', 'always-cooperate', pairingsOf(history, 1), 0, AXELROD_PAYOFFS);
    expect(g.grade).toBe('ruled-out');
    expect(g.guessFit!.misfits[0]).toEqual({ round: 1, partner: 2, played: D });
  });

  it('grades every bot of a real game right by its own strategy, and only better or equal explanations as consistent', () => {
    const strategies = practiceStrategies(77, 4);
    const seats = [
      { kind: 'strategy' as const, strategy: 'tit-for-tat' as const },
      ...strategies.map((strategy) => ({ kind: 'strategy' as const, strategy })),
    ];
    const game = simulate(trustGameScenario(5), seats, 77, { mode: 'trust', rounds: 10, noise: 0.05 });
    const view = viewFor(game.state, 0);
    strategies.forEach((actual, i) => {
      const seen = pairingsOf(view.history, i + 1);
      expect(seen.map((p) => p.partner)).toEqual([0, 1, 2, 3, 4].filter((s) => s !== i + 1));
      const g = gradeGuess(i + 1, actual, actual, seen, 0.05, AXELROD_PAYOFFS);
      expect(g.grade).toBe('right');
      expect(Number.isFinite(g.actualFit.logLikelihood)).toBe(true);
      for (const other of STRATEGY_NAMES) {
        if (other === actual) continue;
        const better = fit(other, seen, 0.05, AXELROD_PAYOFFS).logLikelihood >= g.actualFit.logLikelihood - 1e-6;
        expect(g.alsoConsistent.includes(other)).toBe(better);
      }
    });
  });
});
