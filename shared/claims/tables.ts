// The tables the claims play: the benchmark's rotation of personas with some seats changed, on
// seeds of their own (never the benchmark's), so a claim is measured out of sample.
import { benchmarkSeats } from '../bots/benchmark';
import type { BotSpec } from '../bots/bot';
import type { PersonaTweak } from '../bots/personas';
import { simulate, type SimulationResult } from '../bots/simulate';
import { isWinningSet, termsValue } from '../engine/rules';
import { scoreGame } from '../engine/scoring';
import type { GameState, Scenario, Seat } from '../engine/types';
import type { StudentName } from '../students';

export const CLAIM_SEED = 0x5eed_c1a1;

export type Roster = BotSpec[];

/** The benchmark's roster for game `g`, every persona tweaked the same way if asked. */
export function roster(scenario: Scenario, g: number, tweak?: PersonaTweak): Roster {
  return benchmarkSeats(scenario, g).map((b) => (tweak && b.kind === 'persona' ? { ...b, tweak } : b));
}

export function withSeats(base: Roster, seats: readonly Seat[], spec: BotSpec): Roster {
  const out = base.slice();
  for (const s of seats) out[s] = spec;
  return out;
}

export const student = (name: StudentName): BotSpec => ({ kind: 'student', student: name });
export const persona = (
  name: 'incumbent' | 'builder' | 'opportunist' | 'hardliner' | 'reciprocator',
  tweak?: PersonaTweak,
): BotSpec =>
  tweak
    ? { kind: 'persona', persona: name, difficulty: 'normal', tweak }
    : { kind: 'persona', persona: name, difficulty: 'normal' };

export function play(scenario: Scenario, seats: Roster, g: number): SimulationResult {
  return simulate(scenario, seats, CLAIM_SEED + g);
}

/** Joint gain per round played. */
export function jointGainPerRound(state: GameState): number {
  const score = scoreGame(state);
  return score.jointGain / Math.max(1, score.rounds);
}

/** A seat's surplus per round played (value claimed). */
export function claimedPerRound(state: GameState, seat: Seat): number {
  const score = scoreGame(state);
  return score.seats[seat].surplus / Math.max(1, score.rounds);
}

/** What the winning deals' terms were worth to the whole table, per round, from round `from` on. */
export function termsValuePerRound(state: GameState, from: number): number {
  const rounds = state.history.filter((h) => h.round >= from);
  if (rounds.length === 0) return 0;
  let sum = 0;
  for (const h of rounds) for (const role of state.scenario.roles) sum += termsValue(role, h.terms);
  return sum / rounds.length;
}

/** A seat's income from every source per round from round `from` on. */
export function incomePerRound(state: GameState, seat: Seat, from: number): number {
  const rounds = state.history.filter((h) => h.round >= from);
  if (rounds.length === 0) return 0;
  let sum = 0;
  for (const h of rounds) {
    const i = h.income[seat];
    sum += i.prize + i.walkAway + i.values + i.trust + i.concessions + i.escalation;
  }
  return sum / rounds.length;
}

/** The seat with the veto, or the heaviest seat (the strongest). */
export function strongestSeat(scenario: Scenario): Seat {
  const veto = scenario.roles.findIndex((r) => r.veto);
  if (veto >= 0) return veto;
  let best = 0;
  scenario.roles.forEach((r, i) => {
    if (r.power > scenario.roles[best].power) best = i;
  });
  return best;
}

export function hasVeto(scenario: Scenario): boolean {
  return scenario.roles.some((r) => r.veto);
}

/**
 * Two seats whose absence still leaves a winning coalition among the others: the two weakest
 * non-veto seats for which that holds (DESIGN 10's "two silent seats").
 */
export function silentPair(scenario: Scenario): [Seat, Seat] | null {
  const n = scenario.roles.length;
  const order = scenario.roles
    .map((_, i) => i)
    .filter((i) => !scenario.roles[i].veto)
    .sort((a, b) => scenario.roles[a].power - scenario.roles[b].power || a - b);
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      const rest = Array.from({ length: n }, (_, k) => k).filter((k) => k !== order[i] && k !== order[j]);
      if (isWinningSet(scenario, rest)) return [Math.min(order[i], order[j]), Math.max(order[i], order[j])];
    }
  return null;
}
