// A finished table's role percentiles (DESIGN 4): each seat placed among the same role's seats of
// the scenario's benchmark, per round played, and the table among the benchmark's tables. Never a
// ranking of one table's seats against each other: a strong and a weak seat are not compared.
// Pure: the server computes these once a game ends, the client and the coach only word them.
import { percentileOf, seatOutcomes, type RoleReference } from '../engine/percentiles';
import type { GameState, Seat } from '../engine/types';
import type { LogEntry } from './log';

/** Who played a seat: a person throughout, a bot throughout, or a bot for part of the game. */
export type HeldBy = 'person' | 'bot' | 'both';

/** One measure of the headline: the value per round, where it stands (0–100), and the reference's median. */
export interface Measure {
  value: number;
  percentile: number;
  median: number;
}

export interface SeatPlacement {
  seat: Seat;
  roleId: string;
  roleName: string;
  heldBy: HeldBy;
  /** Value claimed: own surplus per round played, among the same role's benchmark seats. */
  claimed: Measure;
  /** Mutual-gain score per round played, among the same role's benchmark seats. */
  mutualGain: Measure;
}

export interface TablePlacements {
  scenarioId: string;
  /** How many seeded bot tables the benchmark played. */
  games: number;
  /** Value created: the table's efficiency (joint gain ÷ best joint gain) among the benchmark's tables. */
  created: Measure;
  seats: SeatPlacement[];
}

/** What the server answers for a finished table's placements. */
export type PlacementsAnswer =
  | { status: 'ready'; placements: TablePlacements }
  /** The benchmark is still being played: `done` of `total` tables. */
  | { status: 'pending'; done: number; total: number }
  /** No placements for this table, and why (the trust game, or benchmarks turned off). */
  | { status: 'none'; reason: string };

/** The facts about a seat that tell who played it, as the table's record keeps them. */
export interface SeatFacts {
  seat: Seat;
  kind: 'human' | 'bot';
  /** The person's name once someone claimed the seat; null when nobody ever did. */
  name: string | null;
}

/** A change of who plays a seat, as the server records it beside the log. */
export interface SeatChange {
  seat: Seat;
  kind: string;
}

/**
 * Who held each seat. A bot seat, or a seat no person ever claimed, is the bot's. A claimed seat
 * is the person's unless a bot acted for it (the log's `by`) or stood in for it (a takeover, or a
 * stand-in before the person arrived): then both played it, and its placement is partly the bot's.
 */
export function heldBy(
  seats: readonly SeatFacts[],
  log: readonly LogEntry[],
  changes: readonly SeatChange[],
): HeldBy[] {
  return seats.map((s) => {
    if (s.kind === 'bot' || s.name === null) return 'bot';
    const botActed = log.some((e) => e.actor === s.seat && e.by === 'bot');
    const stoodIn = changes.some((c) => c.seat === s.seat && (c.kind === 'takeover' || c.kind === 'stand-in'));
    return botActed || stoodIn ? 'both' : 'person';
  });
}

/** The median of a list (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measure(value: number, reference: readonly number[]): Measure {
  return { value, percentile: percentileOf(value, reference), median: median(reference) };
}

/** Places every seat of a finished game against a benchmark of its scenario. */
export function placeTable(
  state: GameState,
  reference: RoleReference & { games: number },
  held: readonly HeldBy[],
): TablePlacements {
  const outcomes = seatOutcomes(state);
  return {
    scenarioId: state.scenario.id,
    games: reference.games,
    created: measure(outcomes[0]?.created ?? 0, reference.created),
    seats: outcomes.map((o, seat) => {
      const role = reference.roles[o.roleId] ?? { claimed: [], mutualGain: [] };
      return {
        seat,
        roleId: o.roleId,
        roleName: state.scenario.roles[seat].name,
        heldBy: held[seat] ?? 'person',
        claimed: measure(o.claimed, role.claimed),
        mutualGain: measure(o.mutualGain, role.mutualGain),
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// Words, shared by the debrief, the coach and the export

/** "against 300 seeded bot tables of this scenario" */
export function benchmarkNote(games: number): string {
  return `against ${games} seeded bot table${games === 1 ? '' : 's'} of this scenario`;
}

/** The ways a percentile is worded: in a sentence, after "beat", on a tile, in a table cell. */
export interface ShareWords {
  /** "more than 60 % of" (followed by whom), "more than all", "less than nearly all". */
  clause: string;
  /** "more than 60 %", "all", "nearly none" (followed by "of theirs"). */
  beat: string;
  /** "more than 60 %", "more than all", "fewer than 1 %". */
  tile: string;
  /** "> 60 %", "all", "< 1 %". */
  cell: string;
}

/**
 * How a percentile is said. Percentiles count ties as half, so the share is rounded down: a
 * sentence never claims more than the numbers show ("more than 60 %" for 60.9).
 */
export function shareWords(percentile: number): ShareWords {
  const p = Math.floor(percentile);
  if (p >= 100) return { clause: 'more than all', beat: 'all', tile: 'more than all', cell: 'all' };
  if (p >= 1)
    return { clause: `more than ${p} % of`, beat: `more than ${p} %`, tile: `more than ${p} %`, cell: `> ${p} %` };
  return { clause: 'less than nearly all', beat: 'nearly none', tile: 'fewer than 1 %', cell: '< 1 %' };
}

/** The plural of a role's players: "Dockworkers' Union players". */
export function rolePlayers(roleName: string): string {
  return `${roleName} players`;
}

/**
 * The headline of one seat, in the words of DESIGN 4: "You claimed more than 60 % of Dockworkers'
 * Union players; your table created more than 80 % of tables; your mutual-gain score beat more
 * than 55 % of theirs."
 */
export function placementHeadline(p: TablePlacements, seat: Seat): string {
  const s = p.seats[seat];
  return (
    `You claimed ${shareWords(s.claimed.percentile).clause} ${rolePlayers(s.roleName)}; ` +
    `your table created ${shareWords(p.created.percentile).clause} tables; ` +
    `your mutual-gain score beat ${shareWords(s.mutualGain.percentile).beat} of theirs.`
  );
}

/** The headline of a table, for someone who watched it: "This table created more than 80 % of tables." */
export function tableHeadline(p: TablePlacements): string {
  return `This table created ${shareWords(p.created.percentile).clause} tables.`;
}
