// Trust strategies for the iterated prisoner's dilemma (DESIGN.md sections 2.3, 5 and 6),
// defined as the Axelrod Python library (version 4.13) defines them. Honour is Axelrod's C
// (cooperate) and defect is D.
//
// A strategy is a pure function of the history of one pairing (its own moves and the partner's,
// as played, i.e. after any noise), a random generator and the payoffs. It returns its move and a
// one-line human reason, which the debrief shows (section 6). Random draws are made only where
// Axelrod makes them: a probability of exactly 0 or 1 decides without drawing.

import type { TrustMove, TrustPayoffs } from '../engine/types';
import { Rng } from '../engine/rng';

/** The default trust payoffs (DESIGN.md 2.3): temptation, reward, punishment, sucker. */
export const DEFAULT_TRUST_PAYOFFS: Readonly<TrustPayoffs> = Object.freeze({ T: 5, R: 3, P: 1, S: 0 });

/** One pairing's history as one side sees it: its own moves and its partner's, oldest first. */
export interface TrustHistory {
  own: readonly TrustMove[];
  partner: readonly TrustMove[];
}

export interface TrustDecision {
  move: TrustMove;
  /** One line for a person: "honoured: you honoured me last round". */
  reason: string;
}

export type Strategy = (history: TrustHistory, rng: Rng, payoffs: TrustPayoffs) => TrustDecision;

export const STRATEGY_NAMES = [
  'tit-for-tat',
  'generous-tit-for-tat',
  'grudger',
  'win-stay-lose-shift',
  'tit-for-two-tats',
  'two-tits-for-tat',
  'suspicious-tit-for-tat',
  'detective',
  'prober',
  'alternator',
  'always-cooperate',
  'always-defect',
  'random',
] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export function isStrategyName(name: unknown): name is StrategyName {
  return typeof name === 'string' && (STRATEGY_NAMES as readonly string[]).includes(name);
}

// Decisions that never change are built once, so a long tournament allocates nothing for them.
function decide(move: TrustMove, reason: string): TrustDecision {
  return Object.freeze({ move, reason });
}

const OPEN_HONOUR = decide('honour', 'honoured: I open by honouring');
const TFT_HONOUR = decide('honour', 'honoured: you honoured me last round');
const TFT_DEFECT = decide('defect', 'defected: you defected on me last round');

/** Tit-for-tat's reply to the partner's last move (the history is not empty). */
function copyLast(partner: readonly TrustMove[]): TrustDecision {
  return partner[partner.length - 1] === 'defect' ? TFT_DEFECT : TFT_HONOUR;
}

/**
 * Generous tit-for-tat's forgiveness: the probability of honouring after the partner defected,
 * min(1 − (T−R)/(R−S), (R−P)/(T−P)) as Axelrod computes it from the game (1/3 for 5, 3, 1, 0),
 * kept within [0, 1] for unusual payoffs.
 */
export function gtftForgiveness(payoffs: TrustPayoffs): number {
  const { T, R, P, S } = payoffs;
  const p = Math.min(1 - (T - R) / (R - S), (R - P) / (T - P));
  if (Number.isNaN(p)) return 0;
  return Math.min(1, Math.max(0, p));
}

/** Axelrod's random_choice: honour with probability p; no draw when p is 0 or 1. */
function honourWithProbability(p: number, rng: Rng): boolean {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return rng.float() < p;
}

function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

// ---------------------------------------------------------------------------
// The strategies

/** Tit-for-tat: honour first, then copy the partner's last move. */
const titForTat: Strategy = ({ partner }) => (partner.length === 0 ? OPEN_HONOUR : copyLast(partner));

const GTFT_DEFECT = decide('defect', 'defected: you defected on me last round and I did not forgive it this time');

/**
 * Generous tit-for-tat: honour first and after the partner honours; after a defection, forgive
 * (honour anyway) with probability gtftForgiveness(payoffs), as Axelrod's GTFT with four-vector
 * (1, p, 1, p).
 */
const generousTitForTat: Strategy = ({ partner }, rng, payoffs) => {
  if (partner.length === 0) return OPEN_HONOUR;
  if (partner[partner.length - 1] === 'honour') return TFT_HONOUR;
  const p = gtftForgiveness(payoffs);
  if (honourWithProbability(p, rng)) {
    return {
      move: 'honour',
      reason: `honoured: you defected on me last round, but I forgive ${percent(p)} of the time`,
    };
  }
  return GTFT_DEFECT;
};

const GRUDGER_HONOUR = decide('honour', 'honoured: you have never defected on me');

/** Grudger: honour until the partner defects once, then defect for ever. */
const grudger: Strategy = ({ partner }) => {
  const first = partner.indexOf('defect');
  if (first < 0) return partner.length === 0 ? OPEN_HONOUR : GRUDGER_HONOUR;
  return { move: 'defect', reason: `defected: you defected on me in round ${first + 1}, and I never forgive` };
};

const WSLS = {
  hh: decide('honour', 'honoured: we both honoured last round, so I stay'),
  hd: decide('defect', 'defected: I honoured and you defected last round, so I shift'),
  dh: decide('defect', 'defected: my defection paid off last round, so I stay'),
  dd: decide('honour', 'honoured: we both defected last round, so I shift'),
};

/**
 * Win-stay-lose-shift (Pavlov): honour first; then repeat the last move if it earned R or T,
 * switch if it earned P or S (Axelrod's four-vector (1, 0, 0, 1)).
 */
const winStayLoseShift: Strategy = ({ own, partner }) => {
  if (partner.length === 0) return OPEN_HONOUR;
  const mine = own[own.length - 1] === 'honour';
  const theirs = partner[partner.length - 1] === 'honour';
  if (mine) return theirs ? WSLS.hh : WSLS.hd;
  return theirs ? WSLS.dh : WSLS.dd;
};

const TF2T_DEFECT = decide('defect', 'defected: you defected on me two rounds running');
const TF2T_FORGIVE = decide('honour', 'honoured: I let a single defection pass');
const TF2T_HONOUR = decide('honour', 'honoured: you have not defected on me twice in a row');

/** Tit-for-two-tats: honour unless the partner defected in both of the last two rounds. */
const titForTwoTats: Strategy = ({ partner }) => {
  const n = partner.length;
  if (n === 0) return OPEN_HONOUR;
  const last = partner[n - 1] === 'defect';
  if (last && n >= 2 && partner[n - 2] === 'defect') return TF2T_DEFECT;
  return last ? TF2T_FORGIVE : TF2T_HONOUR;
};

const TTFT_DEFECT_LAST = decide('defect', 'defected: you defected on me last round');
const TTFT_DEFECT_AGAIN = decide(
  'defect',
  'defected: you defected on me two rounds ago, and I punish each defection twice',
);
const TTFT_HONOUR = decide('honour', 'honoured: you have not defected on me in the last two rounds');

/** Two-tits-for-tat: defect if the partner defected in either of the last two rounds. */
const twoTitsForTat: Strategy = ({ partner }) => {
  const n = partner.length;
  if (n === 0) return OPEN_HONOUR;
  if (partner[n - 1] === 'defect') return TTFT_DEFECT_LAST;
  if (n >= 2 && partner[n - 2] === 'defect') return TTFT_DEFECT_AGAIN;
  return TTFT_HONOUR;
};

const STFT_OPEN = decide('defect', 'defected: I open by defecting, to test you');

/** Suspicious tit-for-tat: defect first, then copy the partner's last move. */
const suspiciousTitForTat: Strategy = ({ partner }) => (partner.length === 0 ? STFT_OPEN : copyLast(partner));

/** Detective's opening test, Axelrod's default initial actions. */
const DETECTIVE_OPENING: readonly TrustMove[] = ['honour', 'defect', 'honour', 'honour'];
const DETECTIVE_TEST = DETECTIVE_OPENING.map((move, i) =>
  decide(
    move,
    `${move === 'honour' ? 'honoured' : 'defected'}: move ${i + 1} of my opening test (honour, defect, honour, honour)`,
  ),
);
const DETECTIVE_EXPLOIT = decide('defect', 'defected: you never struck back during my test, so I exploit you');
const DETECTIVE_TFT_HONOUR = decide(
  'honour',
  'honoured: you struck back during my test, so I copy you, and you honoured last round',
);
const DETECTIVE_TFT_DEFECT = decide(
  'defect',
  'defected: you struck back during my test, so I copy you, and you defected last round',
);

/**
 * Detective: open honour, defect, honour, honour; if the partner defected during those four
 * rounds play tit-for-tat, otherwise defect for ever.
 */
const detective: Strategy = ({ own, partner }) => {
  const turn = own.length;
  if (turn < DETECTIVE_OPENING.length) return DETECTIVE_TEST[turn];
  for (let i = 0; i < DETECTIVE_OPENING.length; i++) {
    if (partner[i] === 'defect') {
      return partner[partner.length - 1] === 'defect' ? DETECTIVE_TFT_DEFECT : DETECTIVE_TFT_HONOUR;
    }
  }
  return DETECTIVE_EXPLOIT;
};

const PROBER_OPEN = decide('defect', 'defected: I open with a probe');
const PROBER_FOLLOW = decide('honour', 'honoured: after my probe I honour twice to see how you react');
const PROBER_EXPLOIT = decide('defect', 'defected: you did not punish my probe, so I exploit you');
const PROBER_TFT_HONOUR = decide(
  'honour',
  'honoured: you punished my probe, so I copy you, and you honoured last round',
);
const PROBER_TFT_DEFECT = decide(
  'defect',
  'defected: you punished my probe, so I copy you, and you defected last round',
);

/**
 * Prober: open defect, honour, honour; if the partner honoured in rounds 2 and 3 defect for ever,
 * otherwise play tit-for-tat.
 */
const prober: Strategy = ({ own, partner }) => {
  const turn = own.length;
  if (turn === 0) return PROBER_OPEN;
  if (turn < 3) return PROBER_FOLLOW;
  if (partner[1] === 'honour' && partner[2] === 'honour') return PROBER_EXPLOIT;
  return partner[partner.length - 1] === 'defect' ? PROBER_TFT_DEFECT : PROBER_TFT_HONOUR;
};

const ALTERNATOR_OPEN = decide('honour', 'honoured: I alternate, starting with honour');
const ALTERNATOR_DEFECT = decide('defect', 'defected: I alternate, and I honoured last round');
const ALTERNATOR_HONOUR = decide('honour', 'honoured: I alternate, and I defected last round');

/** Alternator: honour first, then do the opposite of its own last move. */
const alternator: Strategy = ({ own }) => {
  if (own.length === 0) return ALTERNATOR_OPEN;
  return own[own.length - 1] === 'honour' ? ALTERNATOR_DEFECT : ALTERNATOR_HONOUR;
};

const ALWAYS_HONOUR = decide('honour', 'honoured: I always honour');

/** Always cooperate (Axelrod's Cooperator): honour every round. */
const alwaysCooperate: Strategy = () => ALWAYS_HONOUR;

const ALWAYS_DEFECT = decide('defect', 'defected: I always defect');

/** Always defect (Axelrod's Defector): defect every round. */
const alwaysDefect: Strategy = () => ALWAYS_DEFECT;

const RANDOM_HONOUR = decide('honour', 'honoured: I tossed a coin');
const RANDOM_DEFECT = decide('defect', 'defected: I tossed a coin');

/** Random: honour or defect with probability 1/2 each, every round. */
const random: Strategy = (_history, rng) => (rng.float() < 0.5 ? RANDOM_HONOUR : RANDOM_DEFECT);

export const STRATEGIES: Readonly<Record<StrategyName, Strategy>> = Object.freeze({
  'tit-for-tat': titForTat,
  'generous-tit-for-tat': generousTitForTat,
  grudger,
  'win-stay-lose-shift': winStayLoseShift,
  'tit-for-two-tats': titForTwoTats,
  'two-tits-for-tat': twoTitsForTat,
  'suspicious-tit-for-tat': suspiciousTitForTat,
  detective,
  prober,
  alternator,
  'always-cooperate': alwaysCooperate,
  'always-defect': alwaysDefect,
  random,
});

/** One line per strategy for people (the CLI's help, the trust-game practice's reveal). */
export const STRATEGY_SUMMARIES: Readonly<Record<StrategyName, string>> = Object.freeze({
  'tit-for-tat': 'honours first, then copies your last move',
  'generous-tit-for-tat': 'plays like tit-for-tat, but forgives a defection some of the time',
  grudger: 'honours until you defect once, then defects for ever',
  'win-stay-lose-shift': 'repeats its move after a good round, switches after a bad one',
  'tit-for-two-tats': 'defects only after you defect twice in a row',
  'two-tits-for-tat': 'answers each defection with two defections',
  'suspicious-tit-for-tat': 'defects first, then copies your last move',
  detective: 'tests you with honour, defect, honour, honour; exploits you if you never strike back',
  prober: 'tests you with defect, honour, honour; exploits you if you do not punish the probe',
  alternator: 'honours and defects by turns',
  'always-cooperate': 'always honours',
  'always-defect': 'always defects',
  random: 'tosses a coin every round',
});

// ---------------------------------------------------------------------------
// A match

export interface MatchOptions {
  /** Probability that each chosen move is flipped before it is played (default 0). */
  noise?: number;
  payoffs?: TrustPayoffs;
}

export interface MatchResult {
  /** Each player's total payoff over the match. */
  scores: [number, number];
  /** The moves as played (after noise), oldest first. */
  moves: [TrustMove[], TrustMove[]];
  /** How many moves noise flipped, per player. */
  flips: [number, number];
  /** Each decision's reason, aligned with `moves` (it explains the chosen move, before noise). */
  reasons: [string[], string[]];
}

function resolveStrategy(s: StrategyName | Strategy): Strategy {
  if (typeof s === 'function') return s;
  const strategy = STRATEGIES[s];
  if (!strategy) throw new Error(`unknown strategy "${String(s)}"`);
  return strategy;
}

/**
 * Plays `turns` rounds between two strategies, both choosing at the same time. As in Axelrod's
 * Match, noise flips each chosen move with probability `noise` after the strategy has chosen, and
 * both strategies then see the flipped moves. Draws come from `rng` in a fixed order (player a's
 * strategy, player b's, a's noise, b's noise), so a match replays from the generator's state.
 */
export function playMatch(
  a: StrategyName | Strategy,
  b: StrategyName | Strategy,
  turns: number,
  rng: Rng,
  options: MatchOptions = {},
): MatchResult {
  const noise = options.noise ?? 0;
  const payoffs = options.payoffs ?? DEFAULT_TRUST_PAYOFFS;
  if (!Number.isInteger(turns) || turns < 0) throw new Error(`turns must be a whole number ≥ 0, not ${turns}`);
  if (!(noise >= 0 && noise <= 1)) throw new Error(`noise must be between 0 and 1, not ${noise}`);
  const first = resolveStrategy(a);
  const second = resolveStrategy(b);
  const movesA: TrustMove[] = [];
  const movesB: TrustMove[] = [];
  const reasonsA: string[] = [];
  const reasonsB: string[] = [];
  // The two views share the move arrays, which grow as the match goes on.
  const viewA: TrustHistory = { own: movesA, partner: movesB };
  const viewB: TrustHistory = { own: movesB, partner: movesA };
  const { T, R, P, S } = payoffs;
  let scoreA = 0;
  let scoreB = 0;
  let flipsA = 0;
  let flipsB = 0;
  for (let turn = 0; turn < turns; turn++) {
    const da = first(viewA, rng, payoffs);
    const db = second(viewB, rng, payoffs);
    let ma = da.move;
    let mb = db.move;
    if (noise > 0) {
      if (rng.float() < noise) {
        ma = ma === 'honour' ? 'defect' : 'honour';
        flipsA++;
      }
      if (rng.float() < noise) {
        mb = mb === 'honour' ? 'defect' : 'honour';
        flipsB++;
      }
    }
    movesA.push(ma);
    movesB.push(mb);
    reasonsA.push(da.reason);
    reasonsB.push(db.reason);
    if (ma === 'honour') {
      if (mb === 'honour') {
        scoreA += R;
        scoreB += R;
      } else {
        scoreA += S;
        scoreB += T;
      }
    } else if (mb === 'honour') {
      scoreA += T;
      scoreB += S;
    } else {
      scoreA += P;
      scoreB += P;
    }
  }
  return { scores: [scoreA, scoreB], moves: [movesA, movesB], flips: [flipsA, flipsB], reasons: [reasonsA, reasonsB] };
}
