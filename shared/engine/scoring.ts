// Scoring on mutual gain (DESIGN 4): value created together, not only value grabbed.
import { AXELROD_PAYOFFS, isWinningSet, rulesOf } from './rules';
import { RULES_VERSION, type GameState, type RulesVersion, type Scenario, type Terms } from './types';

export interface SeatScore {
  seat: number;
  roleId: string;
  points: number;
  baseline: number;
  surplus: number;
  mutualGain: number;
  reputation: number;
}

export interface GameScore {
  rounds: number;
  seats: SeatScore[];
  jointGain: number;
  bestJointGain: number;
  /** jointGain / bestJointGain; 0 when nothing could be gained. */
  efficiency: number;
  valueLeft: number;
  geometricMeanSurplus: number;
  gini: number;
  bestTerms: Terms;
}

/** The terms that are worth most to the whole table: each issue's option with the largest sum of values. */
export function bestTerms(scenario: Scenario): { terms: Terms; value: number } {
  const terms: Terms = {};
  let value = 0;
  for (const issue of scenario.issues) {
    let best = issue.options[0].id;
    let bestSum = -Infinity;
    for (const option of issue.options) {
      let sum = 0;
      for (const role of scenario.roles) sum += role.values[issue.id][option.id];
      if (sum > bestSum) {
        bestSum = sum;
        best = option.id;
      }
    }
    terms[issue.id] = best;
    value += bestSum;
  }
  return { terms, value };
}

/** λ of the mutual-gain score: the scenario's, or by default the number of seats (DESIGN 4). */
export function lambdaOf(scenario: Scenario): number {
  return scenario.lambda ?? scenario.roles.length;
}

/**
 * The most one round could add over every seat's walk-away: a winning coalition with the best
 * terms and every partner honouring. Under rules v3 only the winning deal plays the trust stage;
 * v2 let the seats outside it trust in a deal of their own, so it counted them too. Searched over
 * every coalition (at most 2^8).
 */
export function bestRoundGain(scenario: Scenario, rules: RulesVersion = RULES_VERSION): number {
  const n = scenario.roles.length;
  const { R } = scenario.trust.payoffs;
  const stake = scenario.trust.stake;
  const trust = (size: number) => (size >= 2 ? size * stake * R : 0);
  const { value } = bestTerms(scenario);
  let allWalk = 0;
  for (const role of scenario.roles) allWalk += role.walkAway;
  let best = -Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    const members: number[] = [];
    let outsideWalk = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) members.push(i);
      else outsideWalk += scenario.roles[i].walkAway;
    }
    if (!isWinningSet(scenario, members)) continue;
    const outsideTrust = rules >= 3 ? 0 : trust(n - members.length);
    const total = scenario.prize + value + outsideWalk + trust(members.length) + outsideTrust;
    if (total > best) best = total;
  }
  // With no winning coalition possible, v2 tables could still trust among themselves.
  const noDeal = allWalk + (rules >= 3 ? 0 : trust(n));
  return Math.max(best, noDeal) - allWalk;
}

/** The best joint gain of a trust game: every pair honours every round, at Axelrod's reward. */
function bestTrustGain(scenario: Scenario, rounds: number): number {
  const n = scenario.roles.length;
  return n >= 2 ? rounds * n * scenario.trust.stake * AXELROD_PAYOFFS.R : 0;
}

/** Gini coefficient of non-negative amounts (negative points count as 0). */
export function gini(amounts: readonly number[]): number {
  const xs = amounts.map((x) => Math.max(0, x)).sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * xs[i];
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Geometric mean of surpluses, 0 if any is not positive (a table that left someone behind). */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0 || values.some((v) => v <= 0)) return 0;
  let logSum = 0;
  for (const v of values) logSum += Math.log(v);
  return Math.exp(logSum / values.length);
}

/** The score of a game over the rounds played so far (the whole game once it has ended). */
export function scoreGame(state: GameState): GameScore {
  const { scenario } = state;
  const rounds = state.history.length;
  const trustMode = state.config.mode === 'trust';
  const base = state.seats.map((s) => (trustMode ? 0 : scenario.roles[s.seat].walkAway * rounds));
  const surplus = state.seats.map((s, i) => s.points - base[i]);
  const jointGain = surplus.reduce((a, b) => a + b, 0);
  const n = state.seats.length;
  const seats: SeatScore[] = state.seats.map((s, i) => ({
    seat: s.seat,
    roleId: s.roleId,
    points: s.points,
    baseline: base[i],
    surplus: surplus[i],
    mutualGain: surplus[i] + (lambdaOf(scenario) * jointGain) / n,
    reputation: s.reputation,
  }));
  const bestJointGain = trustMode ? bestTrustGain(scenario, rounds) : rounds * bestRoundGain(scenario, rulesOf(state));
  return {
    rounds,
    seats,
    jointGain,
    bestJointGain,
    efficiency: bestJointGain > 0 ? jointGain / bestJointGain : 0,
    valueLeft: bestJointGain - jointGain,
    geometricMeanSurplus: geometricMean(surplus),
    gini: gini(state.seats.map((s) => s.points)),
    bestTerms: bestTerms(scenario).terms,
  };
}
