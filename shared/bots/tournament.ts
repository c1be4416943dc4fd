// The trust tournament and its evolution (DESIGN.md section 5: "the basis of bot tournaments").
//
// trustTournament plays a round robin like Axelrod's: every pair of strategies and every strategy
// against itself, each match `repetitions` times, each repetition with its own generator derived
// from the seed and the match, so a match's result does not depend on which other strategies play
// or in what order they are listed.
// evolve turns the tournament's payoffs into replicator dynamics: how the shares of a population
// playing these strategies change when each grows in proportion to what it earns.

import type { TrustPayoffs } from '../engine/types';
import { Rng, deriveRng } from '../engine/rng';
import { DEFAULT_TRUST_PAYOFFS, STRATEGIES, isStrategyName, playMatch, type StrategyName } from './strategies';

export interface TournamentOptions {
  strategies: readonly StrategyName[];
  /** Rounds in every match (Axelrod's standard: 200). */
  turns: number;
  /** How many times every match is played. */
  repetitions: number;
  /** Probability that a chosen move is flipped. */
  noise: number;
  seed: number;
  payoffs?: TrustPayoffs;
  /** Called after each match (all its repetitions) with the matches done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface TournamentMatch {
  players: [StrategyName, StrategyName];
  /** Each player's total payoff over the turns of one match, averaged over the repetitions. */
  scores: [number, number];
}

export interface RankingEntry {
  /** 1 for the winner. */
  rank: number;
  strategy: StrategyName;
  /**
   * Axelrod's normalised score, the ranking measure: payoff per turn averaged over the other
   * strategies (self-play excluded, as in Axelrod), median over the repetitions.
   */
  medianScorePerTurn: number;
  /** The same, mean over the repetitions. */
  meanScorePerTurn: number;
  /** Matches won (more payoff than the opponent, self-play excluded), mean per repetition. */
  wins: number;
  /** Share of its moves (as played) that honoured, self-play excluded. */
  cooperation: number;
}

export interface TournamentResult {
  /** Every pair in the order given, then every strategy against itself. */
  matches: TournamentMatch[];
  ranking: RankingEntry[];
}

function checkOptions(
  o: { strategies: readonly string[]; turns: number; noise: number; seed: number },
  repetitions: number,
): void {
  if (o.strategies.length === 0) throw new Error('a tournament needs at least one strategy');
  const seen = new Set<string>();
  for (const s of o.strategies) {
    if (!isStrategyName(s)) throw new Error(`unknown strategy "${s}"`);
    if (seen.has(s)) throw new Error(`strategy "${s}" is listed twice`);
    seen.add(s);
  }
  if (!Number.isInteger(o.turns) || o.turns < 1) throw new Error(`turns must be a whole number ≥ 1, not ${o.turns}`);
  if (!Number.isInteger(repetitions) || repetitions < 1) {
    throw new Error(`repetitions must be a whole number ≥ 1, not ${repetitions}`);
  }
  if (!(o.noise >= 0 && o.noise <= 1)) throw new Error(`noise must be between 0 and 1, not ${o.noise}`);
  if (!Number.isInteger(o.seed)) throw new Error(`seed must be a whole number, not ${o.seed}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The generator for one repetition of one match, independent of every other match. The tournament
 * plays each match with its players in name order (a < b), a as the first player.
 */
export function matchRng(seed: number, a: StrategyName, b: StrategyName, repetition: number): Rng {
  return new Rng(deriveRng(seed, `${a}|${b}|${repetition}`));
}

/**
 * A round robin over every pair of `strategies` and every strategy against itself, each match
 * played `repetitions` times. Ranked as Axelrod ranks: by the median over repetitions of the
 * normalised score (payoff per turn per opponent, self-play excluded), ties by the mean, then by
 * the order given.
 */
export function trustTournament(options: TournamentOptions): TournamentResult {
  const { strategies, turns, repetitions, noise, seed } = options;
  checkOptions(options, repetitions);
  const payoffs = options.payoffs ?? DEFAULT_TRUST_PAYOFFS;
  const n = strategies.length;

  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  for (let i = 0; i < n; i++) pairs.push([i, i]);

  // Per strategy and repetition: payoff summed over the other strategies, wins; and honours.
  const totals = strategies.map(() => new Array<number>(repetitions).fill(0));
  const wins = strategies.map(() => new Array<number>(repetitions).fill(0));
  const honours = new Array<number>(n).fill(0);

  const matches: TournamentMatch[] = [];
  pairs.forEach(([i, j], index) => {
    const a = strategies[i];
    const b = strategies[j];
    const fa = STRATEGIES[a];
    const fb = STRATEGIES[b];
    let sumA = 0;
    let sumB = 0;
    // Played in name order, so a pair's result does not depend on the order of the list.
    const swap = b < a;
    for (let r = 0; r < repetitions; r++) {
      const m = swap
        ? playMatch(fb, fa, turns, matchRng(seed, b, a, r), { noise, payoffs })
        : playMatch(fa, fb, turns, matchRng(seed, a, b, r), { noise, payoffs });
      const [x, y] = swap ? [m.scores[1], m.scores[0]] : m.scores;
      const [movesA, movesB] = swap ? [m.moves[1], m.moves[0]] : m.moves;
      sumA += x;
      sumB += y;
      if (i !== j) {
        totals[i][r] += x;
        totals[j][r] += y;
        if (x > y) wins[i][r]++;
        else if (y > x) wins[j][r]++;
        for (let t = 0; t < turns; t++) {
          if (movesA[t] === 'honour') honours[i]++;
          if (movesB[t] === 'honour') honours[j]++;
        }
      }
    }
    matches.push({ players: [a, b], scores: [sumA / repetitions, sumB / repetitions] });
    options.onProgress?.(index + 1, pairs.length);
  });

  // With a single strategy there is no opponent but itself: rank on self-play.
  const opponents = n > 1 ? n - 1 : 1;
  if (n === 1) {
    const self = matches[0];
    for (let r = 0; r < repetitions; r++) totals[0][r] = self.scores[0];
  }
  const entries = strategies.map((strategy, i) => {
    const normalised = totals[i].map((total) => total / (turns * opponents));
    return {
      rank: 0,
      strategy,
      medianScorePerTurn: median(normalised),
      // Summed before dividing, so whole-number payoffs give the exact quotient.
      meanScorePerTurn: totals[i].reduce((s, v) => s + v, 0) / (turns * opponents * repetitions),
      wins: wins[i].reduce((s, v) => s + v, 0) / repetitions,
      cooperation: n > 1 ? honours[i] / (turns * repetitions * (n - 1)) : 0,
      index: i,
    };
  });
  entries.sort(
    (x, y) =>
      y.medianScorePerTurn - x.medianScorePerTurn || y.meanScorePerTurn - x.meanScorePerTurn || x.index - y.index,
  );
  const ranking = entries.map(({ index: _index, ...entry }, k) => ({ ...entry, rank: k + 1 }));
  return { matches, ranking };
}

/**
 * The tournament's payoff matrix: entry [i][j] is strategy i's mean payoff per turn against
 * strategy j (for self-play, the mean of both sides, which differ only for random play or noise).
 */
export function payoffMatrix(result: TournamentResult, strategies: readonly StrategyName[], turns: number): number[][] {
  const index = new Map(strategies.map((s, i) => [s, i] as const));
  const matrix = strategies.map(() => new Array<number>(strategies.length).fill(0));
  for (const { players, scores } of result.matches) {
    const i = index.get(players[0]);
    const j = index.get(players[1]);
    if (i === undefined || j === undefined) continue;
    if (i === j) {
      matrix[i][i] = (scores[0] + scores[1]) / 2 / turns;
    } else {
      matrix[i][j] = scores[0] / turns;
      matrix[j][i] = scores[1] / turns;
    }
  }
  return matrix;
}

/** Shares scaled to sum to 1 (all-zero or invalid shares are refused). */
function normalise(shares: readonly number[]): number[] {
  let sum = 0;
  for (const s of shares) {
    if (!(Number.isFinite(s) && s >= 0)) throw new Error(`a share must be a number ≥ 0, not ${s}`);
    sum += s;
  }
  if (!(sum > 0)) throw new Error('the shares must not all be zero');
  return shares.map((s) => s / sum);
}

/**
 * One generation of discrete replicator dynamics: each share grows in proportion to its expected
 * payoff against the current population, x'ᵢ = xᵢ·fᵢ / Σₖ xₖ·fₖ with fᵢ = Σⱼ Aᵢⱼ·xⱼ. Payoffs are
 * first shifted so the smallest is 0 when some are negative (fitness cannot be negative).
 */
export function replicatorStep(matrix: readonly (readonly number[])[], shares: readonly number[]): number[] {
  const n = shares.length;
  let lowest = 0;
  for (const row of matrix) for (const v of row) if (v < lowest) lowest = v;
  const fitness = new Array<number>(n).fill(0);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < n; j++) f += (matrix[i][j] - lowest) * shares[j];
    fitness[i] = f;
    mean += shares[i] * f;
  }
  if (!(mean > 0)) return [...shares];
  const next = shares.map((x, i) => (x * fitness[i]) / mean);
  // Keep the sum at exactly 1 despite rounding.
  const sum = next.reduce((s, v) => s + v, 0);
  return next.map((v) => v / sum);
}

/** Shares per generation, generation 0 being the initial shares. */
export function replicate(
  matrix: readonly (readonly number[])[],
  initial: readonly number[],
  generations: number,
): number[][] {
  if (!Number.isInteger(generations) || generations < 0) {
    throw new Error(`generations must be a whole number ≥ 0, not ${generations}`);
  }
  if (matrix.length !== initial.length || matrix.some((row) => row.length !== initial.length)) {
    throw new Error('the payoff matrix must be square, one row per share');
  }
  const history = [normalise(initial)];
  for (let g = 0; g < generations; g++) history.push(replicatorStep(matrix, history[history.length - 1]));
  return history;
}

export interface EvolutionOptions {
  strategies: readonly StrategyName[];
  generations: number;
  turns: number;
  noise: number;
  seed: number;
  /** Repetitions of each match when building the payoff matrix (default 10). */
  repetitions?: number;
  /** Starting shares, one per strategy (scaled to sum to 1); equal shares by default. */
  initialShares?: readonly number[];
  payoffs?: TrustPayoffs;
  onProgress?: (done: number, total: number) => void;
}

export interface EvolutionResult {
  strategies: StrategyName[];
  /** Mean payoff per turn of each strategy (row) against each (column). */
  payoffMatrix: number[][];
  /** shares[g][i]: the share of strategy i after g generations; shares[0] is the start. */
  shares: number[][];
}

/**
 * Replicator dynamics over the tournament's payoff matrix (with noise, if any): shows how
 * cooperation spreads or collapses in a population that copies what pays.
 */
export function evolve(options: EvolutionOptions): EvolutionResult {
  const { strategies, generations, turns, noise, seed } = options;
  const repetitions = options.repetitions ?? 10;
  checkOptions(options, repetitions);
  if (!Number.isInteger(generations) || generations < 0) {
    throw new Error(`generations must be a whole number ≥ 0, not ${generations}`);
  }
  const initial = options.initialShares ?? strategies.map(() => 1);
  if (initial.length !== strategies.length) {
    throw new Error(`${initial.length} initial shares for ${strategies.length} strategies`);
  }
  const tournament = trustTournament({
    strategies,
    turns,
    repetitions,
    noise,
    seed,
    payoffs: options.payoffs,
    onProgress: options.onProgress,
  });
  const matrix = payoffMatrix(tournament, strategies, turns);
  return { strategies: [...strategies], payoffMatrix: matrix, shares: replicate(matrix, initial, generations) };
}
