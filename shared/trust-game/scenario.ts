// The trust game's own table (DESIGN 5, "Trust game"): the iterated prisoner's dilemma alone,
// every pair of seats, Axelrod's payoffs. It is built here, not read from a coalition scenario,
// so the trust game shows no power, quota, walk-away or escalation, and it keeps Axelrod's
// 5, 3, 1, 0 whatever the coalition game's trust stage pays (DESIGN 2.3 counts that one from
// mutual defection). The engine plays it like any scenario: in trust mode it reads only the
// roles, `trust` and `rounds` of it.
import { AXELROD_PAYOFFS } from '../engine/rules';
import type { Role, Scenario } from '../engine/types';

export { AXELROD_PAYOFFS };

export const TRUST_GAME_ID = 'trust-game';

/** Seats at a trust table: the player and up to seven others. */
export const TRUST_SEATS = { min: 2, max: 8, default: 5 } as const;

/**
 * The hidden horizon (DESIGN 2): at least `min` rounds, then each further one with chance
 * `continue`, capped at a `max` that under 10 % of games reach. The standard game is the
 * coalition game's default; the short one lasts about 4 rounds for a quick session.
 */
export const TRUST_ROUNDS = {
  standard: { min: 4, continue: 0.8, max: 18 },
  short: { min: 3, continue: 0.6, max: 8 },
} as const;

/** Neutral names: nothing in a name hints at a strategy. */
const NAMES = ['Ash', 'Birch', 'Cedar', 'Elm', 'Hazel', 'Larch', 'Maple', 'Rowan'] as const;

export const TRUST_BRIEFING =
  'Each round you play every other seat at once: honour (deliver) or defect. Moves are chosen at the same time and revealed together. ' +
  'Both honour: 3 points each. You defect on a seat that honours: 5 for you, 0 for it. Both defect: 1 each. ' +
  'Your points for a round are your average over the seats you play. Nobody knows which round is the last.';

export const TRUST_DEBRIEF =
  'The trust game is the iterated prisoner’s dilemma of Axelrod’s tournaments, with his payoffs: 3 each when both honour, ' +
  '5 and 0 when one defects on the other, 1 each when both defect. Defecting pays more in any single round, whatever the other does; ' +
  'honouring pays more over many rounds only with a partner who answers what you do.\n\n' +
  'Questions to take away:\n' +
  '1. Which seats answered your defections, and how soon did they honour again?\n' +
  '2. Which seats could not be taught anything by your moves, and what was the best reply to them?\n' +
  '3. Where a move was flipped by noise, did the feud that followed end, and who ended it?';

function role(i: number): Role {
  return {
    id: NAMES[i].toLowerCase(),
    name: NAMES[i],
    power: 1,
    veto: false,
    walkAway: 0,
    briefing: TRUST_BRIEFING,
    values: {},
  };
}

/**
 * The trust table for `seats` seats (the player and the others), with the hidden horizon
 * `rounds`. Throws a RangeError outside TRUST_SEATS.
 */
export function trustGameScenario(
  seats: number = TRUST_SEATS.default,
  rounds: Scenario['rounds'] = TRUST_ROUNDS.standard,
): Scenario {
  if (!Number.isInteger(seats) || seats < TRUST_SEATS.min || seats > TRUST_SEATS.max)
    throw new RangeError(`A trust table has ${TRUST_SEATS.min} to ${TRUST_SEATS.max} seats, not ${seats}.`);
  return {
    id: TRUST_GAME_ID,
    name: 'Trust game',
    summary: 'The iterated prisoner’s dilemma alone: honour or defect with every seat, every round.',
    roles: Array.from({ length: seats }, (_, i) => role(i)),
    issues: [],
    // One vote each and a simple majority: the trust game never resolves a deal, so this only
    // keeps the table a valid scenario.
    quota: Math.floor(seats / 2) + 1,
    prize: 0,
    rounds: { ...rounds },
    // Stake 1: a round's points are the mean of Axelrod's payoffs over the seat's partners, his
    // normalised score, so a two-seat game scores exactly as his Match does.
    trust: { stake: 1, payoffs: { ...AXELROD_PAYOFFS } },
    escalation: {
      stageCost: [0, 0, 0, 0],
      cosignCost: 0,
      mobiliseDrop: 0,
      complaintDrop: 0,
      actionTargetLoss: 0,
      actionEscalatorLoss: 0,
    },
    // Reputation is the coalition game's; here the history of moves is all there is to read.
    reputation: {
      start: 50,
      answer: 0,
      labelledPerCostShare: 0,
      labelledMax: 0,
      silentFactor: 0,
      honour: 0,
      defectOnHonour: 0,
      ignoreDemand: 0,
      refuseDemand: 0,
      demandMet: 0,
      breakDeclaration: 0,
    },
    // Points are the score: no walk-away, so no baseline, and no share of a joint gain.
    lambda: 0,
    durations: { negotiate: 60, trust: 20 },
    debrief: TRUST_DEBRIEF,
  };
}
