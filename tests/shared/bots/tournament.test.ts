import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES, playMatch, type StrategyName } from '../../../shared/bots/strategies';
import {
  evolve,
  matchRng,
  payoffMatrix,
  replicate,
  replicatorStep,
  trustTournament,
} from '../../../shared/bots/tournament';

const standard = { turns: 200, repetitions: 10, noise: 0, seed: 1 };

describe('trustTournament', () => {
  it('plays every pair once and every strategy against itself: 13 strategies ⇒ 91 matches', () => {
    const result = trustTournament({ strategies: STRATEGY_NAMES, ...standard });
    expect(result.matches).toHaveLength(91);
    const self = result.matches.filter((m) => m.players[0] === m.players[1]);
    expect(self.map((m) => m.players[0])).toEqual([...STRATEGY_NAMES]);
    const keys = new Set(result.matches.map((m) => [...m.players].sort().join(' v ')));
    expect(keys.size).toBe(91);
    expect(result.ranking).toHaveLength(13);
    expect(result.ranking.map((r) => r.rank)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('gives Axelrod’s match scores for deterministic pairs: pairs first, then self-play', () => {
    const result = trustTournament({ strategies: ['tit-for-tat', 'always-defect'], ...standard });
    expect(result.matches).toEqual([
      { players: ['tit-for-tat', 'always-defect'], scores: [199, 204] },
      { players: ['tit-for-tat', 'tit-for-tat'], scores: [600, 600] },
      { players: ['always-defect', 'always-defect'], scores: [200, 200] },
    ]);
    // Self-play is not counted in the ranking (as in Axelrod): 204/200 beats 199/200.
    expect(result.ranking.map((r) => [r.strategy, r.medianScorePerTurn, r.meanScorePerTurn, r.wins])).toEqual([
      ['always-defect', 1.02, 1.02, 1],
      ['tit-for-tat', 0.995, 0.995, 0],
    ]);
  });

  it('plays each match `repetitions` times, with generators derived from the seed, and averages', () => {
    const progress: [number, number][] = [];
    const result = trustTournament({
      strategies: ['random', 'generous-tit-for-tat'],
      turns: 50,
      repetitions: 7,
      noise: 0.05,
      seed: 9,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    for (const match of result.matches) {
      // Each match is played with its players in name order.
      const [a, b] = [...match.players].sort();
      let x = 0;
      let y = 0;
      for (let r = 0; r < 7; r++) {
        const m = playMatch(a, b, 50, matchRng(9, a, b, r), { noise: 0.05 });
        x += m.scores[0];
        y += m.scores[1];
      }
      const scores = a === match.players[0] ? [x / 7, y / 7] : [y / 7, x / 7];
      expect(match.scores).toEqual(scores);
    }
  });

  it('is deterministic for a seed, and a match does not depend on the other strategies', () => {
    const options = { strategies: STRATEGY_NAMES, turns: 100, repetitions: 3, noise: 0.02, seed: 5 };
    const one = trustTournament(options);
    expect(trustTournament(options)).toEqual(one);
    expect(trustTournament({ ...options, seed: 6 })).not.toEqual(one);
    const small = trustTournament({ ...options, strategies: ['random', 'tit-for-tat'] });
    const pair = one.matches.find((m) => m.players[0] === 'tit-for-tat' && m.players[1] === 'random');
    expect(small.matches[0]).toEqual({
      players: ['random', 'tit-for-tat'],
      scores: [pair!.scores[1], pair!.scores[0]],
    });
  });

  it('scores a strategy per turn per opponent, self-play excluded', () => {
    const strategies = STRATEGY_NAMES.filter((s) => s !== 'random');
    const result = trustTournament({ strategies, ...standard });
    const tft = result.ranking.find((r) => r.strategy === 'tit-for-tat')!;
    // Against the 11 others: 600 (GTFT, grudger, WSLS, TF2T, TTFT, ALLC) ×6, STFT 500, detective 599,
    // prober 599, alternator 498, ALLD 199.
    const total = 600 * 6 + 500 + 599 + 599 + 498 + 199;
    expect(tft.medianScorePerTurn).toBeCloseTo(total / (200 * 11), 12);
    // Without noise tit-for-tat honours every round except after a defection: never "wins" a match.
    expect(tft.wins).toBe(0);
    // Always-defect beats everyone but suspicious tit-for-tat, which draws 200 / 200.
    expect(result.ranking.find((r) => r.strategy === 'always-defect')!.wins).toBe(10);
    expect(result.ranking.find((r) => r.strategy === 'always-cooperate')!.cooperation).toBe(1);
  });

  it('ranks all 13 without noise as Axelrod would: tit-for-tat first, always-defect last', () => {
    // Tit-for-tat leads by a margin no coin toss of `random` closes, for any seed tried.
    for (const seed of [1, 2, 3, 42]) {
      const { ranking } = trustTournament({ strategies: STRATEGY_NAMES, ...standard, seed });
      const order = ranking.map((r) => r.strategy);
      expect(order[0]).toBe('tit-for-tat');
      expect(order[1]).toBe('generous-tit-for-tat');
      expect(order[12]).toBe('always-defect');
      // Nice, retaliating strategies do better than the unconditional ones.
      expect(order.indexOf('grudger')).toBeLessThan(order.indexOf('always-cooperate'));
      expect(order.indexOf('win-stay-lose-shift')).toBeLessThan(order.indexOf('random'));
    }
  });

  it('with noise, the median is taken over repetitions that differ', () => {
    const { ranking } = trustTournament({ strategies: STRATEGY_NAMES, ...standard, noise: 0.05 });
    const sorted = [...ranking].sort((a, b) => b.medianScorePerTurn - a.medianScorePerTurn);
    expect(ranking.map((r) => r.strategy)).toEqual(sorted.map((r) => r.strategy));
    // Noise costs always-cooperate more than anyone: it is still last.
    expect(ranking[12].strategy).toBe('always-cooperate');
  });

  it('refuses bad options with a sentence', () => {
    const base = { strategies: ['tit-for-tat'] as StrategyName[], ...standard };
    expect(() => trustTournament({ ...base, strategies: [] })).toThrow(/at least one/);
    expect(() => trustTournament({ ...base, strategies: ['nobody' as StrategyName] })).toThrow(/unknown strategy/);
    expect(() => trustTournament({ ...base, strategies: ['grudger', 'grudger'] })).toThrow(/twice/);
    expect(() => trustTournament({ ...base, turns: 0 })).toThrow(/turns/);
    expect(() => trustTournament({ ...base, repetitions: 1.5 })).toThrow(/repetitions/);
    expect(() => trustTournament({ ...base, noise: 2 })).toThrow(/noise/);
  });

  it('runs a lone strategy on its self-play', () => {
    const { matches, ranking } = trustTournament({ strategies: ['prober'], ...standard });
    expect(matches).toEqual([{ players: ['prober', 'prober'], scores: [204, 204] }]);
    expect(ranking[0].medianScorePerTurn).toBeCloseTo(204 / 200, 12);
  });

  it('runs the standard tournament (13 strategies, 200 turns, 10 repetitions) in well under a second', () => {
    trustTournament({ strategies: STRATEGY_NAMES, ...standard });
    const started = performance.now();
    trustTournament({ strategies: STRATEGY_NAMES, ...standard });
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('payoffMatrix', () => {
  it('holds each strategy’s payoff per turn against each other', () => {
    const strategies: StrategyName[] = ['tit-for-tat', 'always-defect'];
    const m = payoffMatrix(trustTournament({ strategies, ...standard }), strategies, 200);
    expect(m).toEqual([
      [3, 0.995],
      [1.02, 1],
    ]);
  });
});

describe('evolution', () => {
  it('starts from equal shares and keeps them summing to 1', () => {
    const result = evolve({
      strategies: STRATEGY_NAMES,
      generations: 50,
      turns: 100,
      noise: 0,
      seed: 1,
      repetitions: 2,
    });
    expect(result.shares).toHaveLength(51);
    expect(result.shares[0]).toEqual(STRATEGY_NAMES.map(() => 1 / 13));
    for (const row of result.shares) {
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(row.every((v) => v >= 0)).toBe(true);
    }
  });

  it('lets cooperation spread from a small foothold and collapse from a smaller one', () => {
    // Tit-for-tat v always-defect: 3 and 0.995 against 1.02 and 1 per turn. Tit-for-tat grows as
    // soon as its share passes 0.005 / 1.985 ≈ 0.25%.
    const strategies: StrategyName[] = ['tit-for-tat', 'always-defect'];
    const run = (tft: number) =>
      evolve({ strategies, generations: 200, turns: 200, noise: 0, seed: 1, initialShares: [tft, 1 - tft] }).shares;
    const spreads = run(0.01);
    expect(spreads[200][0]).toBeGreaterThan(0.99);
    const collapses = run(0.001);
    expect(collapses[200][0]).toBeLessThan(0.001);
  });

  it('drives out always-defect among the 13 without noise', () => {
    const { shares } = evolve({ strategies: STRATEGY_NAMES, generations: 100, turns: 200, noise: 0, seed: 1 });
    const last = shares[100];
    expect(last[STRATEGY_NAMES.indexOf('always-defect')]).toBeLessThan(1e-3);
    expect(last[STRATEGY_NAMES.indexOf('tit-for-tat')]).toBeGreaterThan(1 / 13);
  });

  it('is deterministic for a seed, and the seed is what decides the noisy matches', () => {
    const options = { strategies: STRATEGY_NAMES, generations: 20, turns: 50, noise: 0.05, seed: 3, repetitions: 2 };
    const once = evolve(options);
    expect(evolve({ ...options })).toEqual(once);
    const other = evolve({ ...options, seed: 4 });
    expect(other.payoffMatrix).not.toEqual(once.payoffMatrix);
    expect(other.shares[20]).not.toEqual(once.shares[20]);
  });

  it('refuses bad shares', () => {
    const base = {
      strategies: ['tit-for-tat', 'random'] as StrategyName[],
      generations: 5,
      turns: 10,
      noise: 0,
      seed: 1,
    };
    expect(() => evolve({ ...base, initialShares: [1] })).toThrow(/initial shares/);
    expect(() => evolve({ ...base, initialShares: [0, 0] })).toThrow(/zero/);
    expect(() => evolve({ ...base, initialShares: [-1, 2] })).toThrow(/share/);
    expect(() => evolve({ ...base, generations: -1 })).toThrow(/generations/);
  });

  it('keeps shares non-negative and summing to 1 for any payoffs and starting shares (property)', () => {
    const size = fc.integer({ min: 1, max: 6 });
    const input = size.chain((n) =>
      fc.record({
        matrix: fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }), {
          minLength: n,
          maxLength: n,
        }),
        shares: fc
          .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n })
          .filter((xs) => xs.some((x) => x > 1e-9)),
        generations: fc.integer({ min: 0, max: 30 }),
      }),
    );
    fc.assert(
      fc.property(input, ({ matrix, shares, generations }) => {
        const history = replicate(matrix, shares, generations);
        expect(history).toHaveLength(generations + 1);
        for (const row of history) {
          expect(row.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
          expect(Math.abs(row.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('keeps evolve’s shares valid for any strategies, noise and starting shares (property)', () => {
    const input = fc
      .uniqueArray(fc.constantFrom(...STRATEGY_NAMES), { minLength: 1, maxLength: 5 })
      .chain((strategies) =>
        fc.record({
          strategies: fc.constant(strategies),
          noise: fc.double({ min: 0, max: 1, noNaN: true }),
          seed: fc.integer(),
          shares: fc
            .array(fc.integer({ min: 0, max: 100 }), { minLength: strategies.length, maxLength: strategies.length })
            .filter((xs) => xs.some((x) => x > 0)),
        }),
      );
    fc.assert(
      fc.property(input, ({ strategies, noise, seed, shares }) => {
        const result = evolve({
          strategies,
          generations: 10,
          turns: 20,
          noise,
          seed,
          repetitions: 2,
          initialShares: shares,
        });
        for (const row of result.shares) {
          expect(row.every((v) => v >= 0)).toBe(true);
          expect(Math.abs(row.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('leaves a population whose members all earn the same unchanged', () => {
    expect(
      replicatorStep(
        [
          [3, 3],
          [3, 3],
        ],
        [0.25, 0.75],
      ),
    ).toEqual([0.25, 0.75]);
  });
});
