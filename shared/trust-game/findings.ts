// What the trust tournament shows for the trust game's own settings (DESIGN 5, 10): every
// sentence the game says about noise or about which strategy does well is built here from a
// tournament of all thirteen strategies at the game's length and noise, with Axelrod's payoffs
// and at least 50 repetitions, so no sentence claims what the game's own tournament contradicts.
import { STRATEGY_NAMES, type StrategyName } from '../bots/strategies';
import { trustTournament, type RankingEntry } from '../bots/tournament';
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
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${s}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const title = (s: StrategyName) => STRATEGY_TITLES[s];
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
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
  if (others.length > 0) text += ` Of the 13, ${others.map((s) => `${title(s)} ranks ${ordinal(rankOf(ranking, s))}`).join('; ')}.`;
  return text;
}

/** The strategy scoring most at each length of a range. */
export function leadersOver(noise: number, min: number, max: number): { turns: number; leader: StrategyName }[] {
  const out: { turns: number; leader: StrategyName }[] = [];
  for (let turns = min; turns <= max; turns++) out.push({ turns, leader: rankingAt(noise, turns)[0].strategy });
  return out;
}

/**
 * What the tournament shows over a game's hidden range of lengths at one noise setting: the
 * leader at each length (one name when it is the same throughout), and how the forgiving
 * strategies rank.
 */
export function rangeSentence(noise: number, min: number, max: number): string {
  const leaders = leadersOver(noise, min, max);
  const span = min === max ? `${min} rounds` : `${min} to ${max} rounds`;
  const distinct = [...new Set(leaders.map((l) => l.leader))];
  let text: string;
  if (distinct.length === 1) {
    text = `At ${span} with ${noiseText(noise)}, ${title(distinct[0])} scores most in the tournament of all 13 strategies${min === max ? '' : ' at every length'}.`;
  } else {
    const parts = distinct.map((s) => {
      const at = leaders.filter((l) => l.leader === s).map((l) => l.turns);
      return `${title(s)} at ${list(at.map(String))} rounds`;
    });
    text = `At ${span} with ${noiseText(noise)}, which of the 13 strategies scores most depends on the length: ${list(parts)}.`;
  }
  const ranks = FORGIVING.map((s) => {
    const r = leaders.map((l) => rankOf(rankingAt(noise, l.turns), s));
    const lo = Math.min(...r);
    const hi = Math.max(...r);
    return `${title(s)} ranks ${lo === hi ? ordinal(lo) : `${ordinal(lo)} to ${ordinal(hi)}`}`;
  });
  return `${text} Of the forgiving strategies, ${list(ranks)}.`;
}
