// Role percentiles (DESIGN 4): a seat is placed only among seats of the same role, never against
// the other seats of its own table, and every score is taken per round played, because tables
// last different numbers of rounds. Pure arithmetic over outcomes; the references (a benchmark of
// seeded bot tables, or the other tables of a class) are built elsewhere and reported apart.
import { scoreGame } from './scoring';
import type { GameState } from './types';

/** What one seat did in one game, per round played. */
export interface SeatOutcome {
  roleId: string;
  /** Value claimed: own surplus ÷ rounds. */
  claimed: number;
  /** Mutual-gain score ÷ rounds. */
  mutualGain: number;
  /** Value created: the table's efficiency (joint gain ÷ best joint gain). */
  created: number;
}

/** The three placements of the headline: "you claimed more than 60 % of Dockworkers' Union players". */
export interface RolePlacement {
  claimed: number;
  created: number;
  mutualGain: number;
}

/** The same measures for every seat of a finished (or running) game. */
export function seatOutcomes(state: GameState): SeatOutcome[] {
  const score = scoreGame(state);
  const rounds = Math.max(1, score.rounds);
  return score.seats.map((s) => ({
    roleId: s.roleId,
    claimed: s.surplus / rounds,
    mutualGain: s.mutualGain / rounds,
    created: score.efficiency,
  }));
}

/**
 * Where `value` stands among `reference` (sorted or not), 0–100: the share of the reference below
 * it, counting ties as half (the mid-rank), so a value equal to every reference value stands at 50.
 */
export function percentileOf(value: number, reference: readonly number[]): number {
  if (reference.length === 0) return 50;
  let below = 0;
  let equal = 0;
  for (const x of reference) {
    if (x < value - 1e-9) below++;
    else if (Math.abs(x - value) <= 1e-9) equal++;
  }
  return (100 * (below + equal / 2)) / reference.length;
}

/** Per-role references: every seat outcome of one role, and every table's value created. */
export interface RoleReference {
  /** roleId → that role's claimed and mutual-gain values, one per seat-game. */
  roles: Record<string, { claimed: number[]; mutualGain: number[] }>;
  /** One value created (efficiency) per table. */
  created: number[];
}

export function emptyReference(): RoleReference {
  return { roles: {}, created: [] };
}

/** Adds one table's seats to a reference. */
export function addTable(ref: RoleReference, outcomes: readonly SeatOutcome[]): void {
  for (const o of outcomes) {
    const r = (ref.roles[o.roleId] ??= { claimed: [], mutualGain: [] });
    r.claimed.push(o.claimed);
    r.mutualGain.push(o.mutualGain);
  }
  if (outcomes.length > 0) ref.created.push(outcomes[0].created);
}

/** Places a seat's outcome among the same role's seats (and its table among the tables). */
export function placeSeat(ref: RoleReference, outcome: SeatOutcome): RolePlacement {
  const role = ref.roles[outcome.roleId] ?? { claimed: [], mutualGain: [] };
  return {
    claimed: percentileOf(outcome.claimed, role.claimed),
    created: percentileOf(outcome.created, ref.created),
    mutualGain: percentileOf(outcome.mutualGain, role.mutualGain),
  };
}
