// The explorable's model (DESIGN 5, in the spirit of The Evolution of Trust): what the player
// sets (payoffs, noise, rounds, repetitions, generations, the strategies in play), what the
// engine's own tournament and replicator dynamics return, and a short guided path whose every
// sentence is built from the results just measured. Pure: the worker computes, the view draws.
import { STRATEGY_NAMES, type StrategyName } from '../../shared/bots/strategies';
import { payoffMatrix, replicate, trustTournament, type RankingEntry } from '../../shared/bots/tournament';
import type { TrustPayoffs } from '../../shared/engine/types';
import { noiseText, STRATEGY_TITLES } from '../../shared/trust-game/words';

export interface ExploreConfig {
  strategies: StrategyName[];
  turns: number;
  repetitions: number;
  noise: number;
  payoffs: TrustPayoffs;
  generations: number;
  seed: number;
}

export const DEFAULT_CONFIG: Readonly<ExploreConfig> = Object.freeze({
  strategies: [...STRATEGY_NAMES],
  turns: 200,
  repetitions: 20,
  noise: 0,
  payoffs: { T: 5, R: 3, P: 1, S: 0 },
  generations: 100,
  seed: 1,
});

/** Slider ranges: wide enough to explore, small enough to stay fast enough to animate. */
export const LIMITS = {
  turns: { min: 1, max: 200, step: 1 },
  repetitions: { min: 1, max: 50, step: 1 },
  noise: { min: 0, max: 0.2, step: 0.005 },
  generations: { min: 10, max: 300, step: 10 },
  payoff: { min: -2, max: 10, step: 0.5 },
} as const;

export interface ExploreResult {
  config: ExploreConfig;
  ranking: RankingEntry[];
  /** shares[g][i]: the share of config.strategies[i] after g generations, from equal shares. */
  shares: number[][];
  ms: number;
}

/** The tournament and the evolution, by the same engine code the game's bots run. */
export function compute(config: ExploreConfig): ExploreResult {
  const t0 = Date.now();
  const result = trustTournament({
    strategies: config.strategies,
    turns: config.turns,
    repetitions: config.repetitions,
    noise: config.noise,
    seed: config.seed,
    payoffs: config.payoffs,
  });
  const matrix = payoffMatrix(result, config.strategies, config.turns);
  const shares = replicate(
    matrix,
    config.strategies.map(() => 1),
    config.generations,
  );
  return { config, ranking: result.ranking, shares, ms: Date.now() - t0 };
}

/** Whether the payoffs make a prisoner's dilemma (T > R > P > S, and 2R > T + S so taking turns does not beat honouring). */
export function isDilemma(p: TrustPayoffs): boolean {
  return p.T > p.R && p.R > p.P && p.P > p.S && 2 * p.R > p.T + p.S;
}

/** One colour per strategy, distinct on the dark page, in the order of STRATEGY_NAMES. */
export const STRATEGY_COLOURS: Readonly<Record<StrategyName, string>> = Object.freeze({
  'tit-for-tat': '#56b4e9',
  'generous-tit-for-tat': '#2fbf8f',
  grudger: '#e6b85c',
  'win-stay-lose-shift': '#cc79a7',
  'tit-for-two-tats': '#9be3d5',
  'two-tits-for-tat': '#3f7fd0',
  'suspicious-tit-for-tat': '#f0e442',
  detective: '#b08a5a',
  prober: '#ff9d5c',
  alternator: '#e8543a',
  'always-cooperate': '#b7e38a',
  'always-defect': '#a0a8b0',
  random: '#9b7ee0',
});

const title = (s: StrategyName) => STRATEGY_TITLES[s];
/** A strategy's name opening a sentence. */
const Title = (s: StrategyName) => STRATEGY_TITLES[s].charAt(0).toUpperCase() + STRATEGY_TITLES[s].slice(1);

function ordinal(n: number): string {
  const s =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${s}`;
}

const perRound = (e: RankingEntry) => e.medianScorePerTurn.toFixed(2);
const rankOf = (r: ExploreResult, s: StrategyName) => r.ranking.find((e) => e.strategy === s);

/** The shares after the last generation, largest first, those above `floor`. */
export function survivors(r: ExploreResult, floor = 0.01): { strategy: StrategyName; share: number }[] {
  const last = r.shares[r.shares.length - 1];
  return r.config.strategies
    .map((strategy, i) => ({ strategy, share: last[i] }))
    .filter((x) => x.share > floor)
    .sort((a, b) => b.share - a.share);
}

/** "With only 4 rounds, always defect scores most (2.83 a round)." */
const leads = (r: ExploreResult, setting: string) =>
  `${setting}, ${title(r.ranking[0].strategy)} scores most (${perRound(r.ranking[0])} a round).`;

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;

/** One stop of the guided path: the settings it runs and what it reads from the result. */
export interface Step {
  id: string;
  title: string;
  view: 'tournament' | 'evolution';
  config: Partial<ExploreConfig>;
  /** What the measured result shows, in sentences built from it (never a fixed claim). */
  read: (r: ExploreResult) => string[];
}

export const STEPS: readonly Step[] = [
  {
    id: 'tournament',
    title: 'A tournament',
    view: 'tournament',
    config: { turns: 200, noise: 0 },
    read: (r) => {
      const lead = r.ranking[0];
      const n = r.ranking.length;
      const mostWins = [...r.ranking].sort((a, b) => b.wins - a.wins)[0];
      const out = [
        `Every strategy meets every other and itself for ${r.config.turns} rounds, ${r.config.repetitions} times. ${Title(lead.strategy)} scores most (${perRound(lead)} a round against each other strategy).`,
        `It won ${lead.wins.toFixed(lead.wins % 1 ? 1 : 0)} of its ${n - 1} matches on average. ${Title(mostWins.strategy)} won the most (${mostWins.wins.toFixed(mostWins.wins % 1 ? 1 : 0)}) and ranks ${ordinal(mostWins.rank)} of ${n}.`,
      ];
      if (mostWins.strategy !== lead.strategy && mostWins.wins > lead.wins)
        out.push(
          lead.wins === 0
            ? 'Scoring most and beating others are different things here: the leader beat nobody, it did well with everyone.'
            : 'Scoring most and beating others are different things here: the strategy that won most matches is not the one that scored most.',
        );
      return out;
    },
  },
  {
    id: 'short',
    title: 'When the game is short',
    view: 'tournament',
    config: { turns: 4, noise: 0 },
    read: (r) => {
      const tft = rankOf(r, 'tit-for-tat');
      const out = [leads(r, `With only ${r.config.turns} rounds`)];
      if (tft && tft.rank > 1)
        out.push(
          `Tit-for-tat ranks ${ordinal(tft.rank)}: there is too little future for answering in kind to pay back.`,
        );
      out.push(
        'Move the rounds slider up and watch the order change: how long the game runs decides which strategy pays.',
      );
      return out;
    },
  },
  {
    id: 'noise',
    title: 'When moves can be flipped',
    view: 'tournament',
    config: { turns: 200, noise: 0.05 },
    read: (r) => {
      const lead = r.ranking[0];
      const tft = rankOf(r, 'tit-for-tat');
      const gtft = rankOf(r, 'generous-tit-for-tat');
      const out = [leads(r, `With ${noiseText(r.config.noise)} at ${r.config.turns} rounds`)];
      if (tft && gtft && tft.rank > 1 && gtft.rank > 1)
        out.push(
          `Tit-for-tat ranks ${ordinal(tft.rank)} and generous tit-for-tat ${ordinal(gtft.rank)}: a flipped move sets strict avengers feuding, and forgiving does not make up for it here.`,
        );
      if (
        lead.strategy === 'alternator' &&
        r.config.turns === 200 &&
        r.config.strategies.length === STRATEGY_NAMES.length
      )
        out.push(
          'Axelrod’s library (version 4.13) ranks the alternator first in this field too: a strategy that never reacts cannot be drawn into a feud by a flipped move.',
        );
      return out;
    },
  },
  {
    id: 'noise-short',
    title: 'Noise in a short game',
    view: 'tournament',
    config: { turns: 10, noise: 0.1 },
    read: (r) => {
      const forgiving = (['generous-tit-for-tat', 'tit-for-two-tats'] as const)
        .map((s) => rankOf(r, s))
        .filter((e): e is RankingEntry => !!e);
      const out = [leads(r, `At ${r.config.turns} rounds with ${noiseText(r.config.noise)}`)];
      if (forgiving.length > 0 && forgiving.every((e) => e.rank > 1))
        out.push(
          `The forgiving strategies rank ${forgiving.map((e) => `${title(e.strategy)} ${ordinal(e.rank)}`).join(' and ')}: a rule of thumb such as “forgive when it is noisy” is worth measuring before you trust it.`,
        );
      return out;
    },
  },
  {
    id: 'evolution',
    title: 'A population that copies what pays',
    view: 'evolution',
    config: { turns: 200, noise: 0, generations: 100 },
    read: (r) => {
      const alive = survivors(r);
      const alld = r.config.strategies.indexOf('always-defect');
      const start = 1 / r.config.strategies.length;
      const out = [
        `Each generation, every strategy's share grows in proportion to what it earns against the population (replicator dynamics), starting from equal shares of ${pct(start)}.`,
        `After ${r.config.generations} generations: ${alive.map((a) => `${title(a.strategy)} ${pct(a.share)}`).join(', ')}.`,
      ];
      if (alld >= 0) {
        const peak = Math.max(...r.shares.map((g) => g[alld]));
        const end = r.shares[r.shares.length - 1][alld];
        if (peak > start + 1e-9 && end < start)
          out.push(
            `Always defect first grew to ${pct(peak)}, then fell to ${pct(end)} as the strategies it exploits died out.`,
          );
        else if (end < start) out.push(`Always defect fell from ${pct(start)} to ${pct(end)}.`);
      }
      return out;
    },
  },
  {
    id: 'evolution-noise',
    title: 'Evolution under noise, in short games',
    view: 'evolution',
    config: { turns: 10, noise: 0.1, generations: 200 },
    read: (r) => {
      const alive = survivors(r);
      const lead = r.ranking[0];
      const out = [
        `At ${r.config.turns} rounds with ${noiseText(r.config.noise)}, the tournament's leader is ${title(lead.strategy)}. After ${r.config.generations} generations the population holds ${alive.map((a) => `${title(a.strategy)} ${pct(a.share)}`).join(', ')}.`,
      ];
      if (alive.length > 0 && alive[0].strategy !== lead.strategy) {
        out.push('A ranking against a fixed field and a population that changes as it goes can disagree.');
        const i = r.config.strategies.indexOf(lead.strategy);
        const end = r.shares[r.shares.length - 1][i];
        if (lead.strategy === 'always-defect' && end < r.shares[0][i])
          out.push(`Always defect ends at ${pct(end)}: as the strategies it exploits die out, so does its income.`);
      }
      return out;
    },
  },
];

/** A step's settings applied over the defaults (the guided path always starts from the standard game). */
export function stepConfig(step: Step, base: ExploreConfig = DEFAULT_CONFIG): ExploreConfig {
  return {
    ...base,
    ...DEFAULT_CONFIG,
    strategies: [...STRATEGY_NAMES],
    payoffs: { ...DEFAULT_CONFIG.payoffs },
    repetitions: base.repetitions,
    ...step.config,
  };
}
