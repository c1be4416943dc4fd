// What the trust tournament shows for the trust game's own settings (DESIGN 5, 10): every
// sentence the game says about noise or about which strategy does well is built here from a
// tournament of all thirteen strategies at the game's length and noise, with Axelrod's payoffs
// and at least 50 repetitions, so no sentence claims what the game's own tournament contradicts.
import { STRATEGY_NAMES, type StrategyName } from '../bots/strategies';
import { trustTournament, type RankingEntry } from '../bots/tournament';
import { DEFAULT_CONTINUE, expectedRounds } from '../engine/setup';
import { AXELROD_PAYOFFS } from './scenario';
import { noiseText, STRATEGY_TITLES } from './words';

/** The noise settings the trust game offers (0: none). */
export const OFFERED_NOISE = [0, 0.01, 0.02, 0.05, 0.1] as const;

/** Repetitions of every match (DESIGN 10 asks for at least 50) and a fixed seed, so a sentence never changes between runs. */
export const FINDINGS_REPETITIONS = 100;
export const FINDINGS_SEED = 1;

/** The strategies that forgive a defection by design (the ones a "forgive under noise" lesson would praise). */
export const FORGIVING: readonly StrategyName[] = ['generous-tit-for-tat', 'tit-for-two-tats'];

const memo = new Map<string, RankingEntry[]>();

/** The tournament's ranking at `turns` rounds and `noise` (memoised: each setting is played once per process). */
export function rankingAt(noise: number, turns: number): RankingEntry[] {
  const key = `${noise}|${turns}`;
  let ranking = memo.get(key);
  if (!ranking) {
    ranking = trustTournament({
      strategies: STRATEGY_NAMES,
      turns,
      repetitions: FINDINGS_REPETITIONS,
      noise,
      seed: FINDINGS_SEED,
      payoffs: AXELROD_PAYOFFS,
    }).ranking;
    memo.set(key, ranking);
  }
  return ranking;
}

export function rankOf(ranking: readonly RankingEntry[], strategy: StrategyName): number {
  return ranking.find((e) => e.strategy === strategy)!.rank;
}

function ordinal(n: number): string {
  const s =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${s}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const title = (s: StrategyName) => STRATEGY_TITLES[s];
const score = (e: RankingEntry) => e.medianScorePerTurn.toFixed(2);

/**
 * One sentence on the tournament at one length and noise: who scores most, who follows, and
 * where `focus` strategies (the bots of a game, say) rank.
 */
export function findingSentence(noise: number, turns: number, focus: readonly StrategyName[] = []): string {
  const ranking = rankingAt(noise, turns);
  const [first, second, third] = ranking;
  let text =
    `In the tournament of all 13 strategies at ${turns} rounds with ${noiseText(noise)} (${FINDINGS_REPETITIONS} repetitions), ` +
    `${title(first.strategy)} scores most (${score(first)} a round against each other strategy), ahead of ${title(second.strategy)} (${score(second)}) and ${title(third.strategy)} (${score(third)}).`;
  const others = focus.filter((s) => s !== first.strategy && s !== second.strategy && s !== third.strategy);
  if (others.length > 0)
    text += ` Of the 13, ${others.map((s) => `${title(s)} ranks ${ordinal(rankOf(ranking, s))}`).join('; ')}.`;
  return text;
}

/** The chance of each length of a game with this horizon (DESIGN 2), lengths min to max. */
export function lengthChances(rounds: {
  min: number;
  max: number;
  continue?: number;
}): { turns: number; chance: number }[] {
  const c = rounds.continue ?? DEFAULT_CONTINUE;
  const out: { turns: number; chance: number }[] = [];
  let reach = 1;
  for (let turns = rounds.min; turns <= rounds.max; turns++) {
    out.push({ turns, chance: turns === rounds.max ? reach : reach * (1 - c) });
    reach *= c;
  }
  return out;
}

export interface HorizonEntry {
  strategy: StrategyName;
  /** Points per round against each other strategy, over every length the game may have, by its chance. */
  perRound: number;
  rank: number;
}

/**
 * The tournament over a game's hidden horizon: each length's tournament weighted by the chance
 * of that length, ranked by the points a strategy can expect per round played (its expected
 * total over the expected length), since nobody knows the length in advance.
 */
export function horizonRanking(noise: number, rounds: { min: number; max: number; continue?: number }): HorizonEntry[] {
  const totals = new Map<StrategyName, number>(STRATEGY_NAMES.map((s) => [s, 0]));
  let expectedTurns = 0;
  for (const { turns, chance } of lengthChances(rounds)) {
    if (chance < 1e-4) continue;
    expectedTurns += chance * turns;
    for (const e of rankingAt(noise, turns))
      totals.set(e.strategy, totals.get(e.strategy)! + chance * turns * e.meanScorePerTurn);
  }
  return [...totals.entries()]
    .map(([strategy, total]) => ({ strategy, perRound: total / expectedTurns }))
    .sort((a, b) => b.perRound - a.perRound || STRATEGY_NAMES.indexOf(a.strategy) - STRATEGY_NAMES.indexOf(b.strategy))
    .map((e, i) => ({ ...e, rank: i + 1 }));
}

/**
 * What the tournament shows for a game that ends at random with this horizon and noise: who can
 * expect the most per round, who follows, and how the forgiving strategies rank. Names no
 * minimum or cap, which players are not told (DESIGN 2).
 */
export function horizonSentence(noise: number, rounds: { min: number; max: number; continue?: number }): string {
  const ranking = horizonRanking(noise, rounds);
  const [first, second, third] = ranking;
  const about = Math.round(expectedRounds(rounds));
  const forgiving = FORGIVING.map((s) => `${title(s)} ranks ${ordinal(ranking.find((e) => e.strategy === s)!.rank)}`);
  return (
    `In games that end at random after about ${about} rounds, with ${noiseText(noise)}, ${title(first.strategy)} earns most in the tournament of all 13 strategies ` +
    `(${first.perRound.toFixed(2)} a round against each other strategy), ahead of ${title(second.strategy)} (${second.perRound.toFixed(2)}) and ${title(third.strategy)} (${third.perRound.toFixed(2)}). ` +
    `Of the forgiving strategies, ${list(forgiving)}.`
  );
}
