// Name-the-strategy practice (DESIGN 5, "Solo"): the bots of a trust table play strategies drawn
// from all thirteen by the game's seed, and each guess is graded against what the player could
// see — every move the bot played, toward the player and toward the other seats, as played
// (after noise), which is also all the bot itself reads.
import { deriveRng, Rng } from '../engine/rng';
import type { RevealedTrustPair, Seat, TrustMove, TrustPayoffs } from '../engine/types';
import { STRATEGIES, STRATEGY_NAMES, type StrategyName, type TrustHistory } from '../bots/strategies';

/**
 * `count` different strategies drawn from all thirteen by the game's seed (a shuffle on a
 * stream of its own), one per bot seat in seat order. More than thirteen bots repeat the draw.
 */
export function practiceStrategies(seed: number, count: number): StrategyName[] {
  const rng = new Rng(deriveRng(seed, 'practice-strategies'));
  const out: StrategyName[] = [];
  while (out.length < count) {
    const deck = [...STRATEGY_NAMES];
    for (let i = deck.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [deck[i], deck[j]] = [deck[j], deck[i]];
    }
    out.push(...deck.slice(0, count - out.length));
  }
  return out;
}

/** A generator that returns one number every time, to read off how a strategy decides. */
class FixedRng extends Rng {
  draws = 0;
  constructor(private readonly u: number) {
    super(0);
  }
  float(): number {
    this.draws++;
    return this.u;
  }
}

/**
 * The probability that `strategy` chooses honour after `history`. Every strategy draws at most
 * one number per decision and honours below a threshold (generous tit-for-tat's forgiveness,
 * random's coin), so the threshold is found by bisection on the strategy's own code rather
 * than written down a second time.
 */
export function honourProbability(strategy: StrategyName, history: TrustHistory, payoffs: TrustPayoffs): number {
  const decideAt = (u: number) => {
    const rng = new FixedRng(u);
    const move = STRATEGIES[strategy](history, rng, payoffs).move;
    if (rng.draws > 1) throw new Error(`${strategy} drew ${rng.draws} numbers for one decision`);
    return { move, drew: rng.draws > 0 };
  };
  const low = decideAt(0);
  if (!low.drew) return low.move === 'honour' ? 1 : 0;
  const high = decideAt(1 - 1e-12);
  if (low.move === high.move) return low.move === 'honour' ? 1 : 0;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 48; i++) {
    const mid = (lo + hi) / 2;
    if (decideAt(mid).move === low.move) lo = mid;
    else hi = mid;
  }
  const p = (lo + hi) / 2;
  return low.move === 'honour' ? p : 1 - p;
}

/** One pairing of a bot as everyone saw it: the bot's moves and its partner's, as played. */
export interface Pairing {
  partner: Seat;
  rounds: number[];
  history: TrustHistory;
}

/** Every pairing of `bot` in the revealed rounds, in partner order. */
export function pairingsOf(
  rounds: readonly { round: number; trust: readonly RevealedTrustPair[] }[],
  bot: Seat,
): Pairing[] {
  const byPartner = new Map<Seat, { rounds: number[]; own: TrustMove[]; partner: TrustMove[] }>();
  for (const r of rounds) {
    for (const p of r.trust) {
      if (p.a !== bot && p.b !== bot) continue;
      const partner = p.a === bot ? p.b : p.a;
      const entry = byPartner.get(partner) ?? { rounds: [], own: [], partner: [] };
      entry.rounds.push(r.round);
      entry.own.push(p.a === bot ? p.moveA : p.moveB);
      entry.partner.push(p.a === bot ? p.moveB : p.moveA);
      byPartner.set(partner, entry);
    }
  }
  return [...byPartner.entries()]
    .sort(([a], [b]) => a - b)
    .map(([partner, e]) => ({ partner, rounds: e.rounds, history: { own: e.own, partner: e.partner } }));
}

/** A move the strategy could not have chosen: only noise explains it. */
export interface Misfit {
  round: number;
  partner: Seat;
  played: TrustMove;
}

export interface Fit {
  strategy: StrategyName;
  /** Natural log of the probability that this strategy, with the table's noise, plays what was seen. */
  logLikelihood: number;
  /** Moves it could not have chosen, oldest first (each needs a flip by noise). */
  misfits: Misfit[];
}

/**
 * How well `strategy` explains the pairings: each seen move has probability q·(1−ε) + (1−q)·ε,
 * q the chance that the strategy chooses it after the history as played, ε the noise.
 */
export function fit(strategy: StrategyName, pairings: readonly Pairing[], noise: number, payoffs: TrustPayoffs): Fit {
  let logLikelihood = 0;
  const misfits: Misfit[] = [];
  for (const p of pairings) {
    for (let t = 0; t < p.history.own.length; t++) {
      const prefix = { own: p.history.own.slice(0, t), partner: p.history.partner.slice(0, t) };
      const honour = honourProbability(strategy, prefix, payoffs);
      const played = p.history.own[t];
      const q = played === 'honour' ? honour : 1 - honour;
      if (q === 0) misfits.push({ round: p.rounds[t], partner: p.partner, played });
      logLikelihood += Math.log(q * (1 - noise) + (1 - q) * noise);
    }
  }
  misfits.sort((a, b) => a.round - b.round || a.partner - b.partner);
  return { strategy, logLikelihood, misfits };
}

export type Grade = 'right' | 'consistent' | 'ruled-out' | 'no-guess';

export interface GradedGuess {
  bot: Seat;
  actual: StrategyName;
  guess: StrategyName | null;
  grade: Grade;
  /** Every other strategy that explains what was seen at least as well as the real one. */
  alsoConsistent: StrategyName[];
  actualFit: Fit;
  guessFit: Fit | null;
}

// Log-likelihoods of strategies that play alike are equal up to rounding in the bisection.
const TIE = 1e-6;

/**
 * Grades a guess against what the player could see. The real strategy is right. Another is
 * "consistent" when it explains every move the bot played, toward every seat, at least as well
 * as the real one: with those moves nobody could have told them apart (tit-for-tat and always
 * honour, before anyone defects on them). Anything else is ruled out by what was seen.
 */
export function gradeGuess(
  bot: Seat,
  actual: StrategyName,
  guess: StrategyName | null,
  pairings: readonly Pairing[],
  noise: number,
  payoffs: TrustPayoffs,
): GradedGuess {
  const actualFit = fit(actual, pairings, noise, payoffs);
  const consistent = (f: Fit) => f.logLikelihood >= actualFit.logLikelihood - TIE;
  const alsoConsistent = STRATEGY_NAMES.filter((s) => s !== actual && consistent(fit(s, pairings, noise, payoffs)));
  const guessFit = guess === null ? null : guess === actual ? actualFit : fit(guess, pairings, noise, payoffs);
  const grade: Grade =
    guess === null
      ? 'no-guess'
      : guess === actual
        ? 'right'
        : alsoConsistent.includes(guess)
          ? 'consistent'
          : 'ruled-out';
  return { bot, actual, guess, grade, alsoConsistent, actualFit, guessFit };
}
