// The class debrief (DESIGN 4 and 5, issue 10 item 4): a session's tables side by side, each
// role's results across tables per round played, the moments most worth discussing across the
// class, and the class's before/after shift. Comparing tables is its centre: students who compare
// two negotiations use what was taught far more often than those who study one. Built from the
// tables' records with the single-table code (replay, timeline, moments, scoring, percentiles),
// so the class debrief and each table's own debrief agree. Pure and deterministic: no I/O, no
// clock, no randomness. A table's length or cap never appears beyond the rounds it played.
import { benchmarkKey, type Benchmark } from '../bots/benchmark';
import { percentileOf, seatOutcomes } from '../engine/percentiles';
import type { GameState, Mode, Seat } from '../engine/types';
import { replay, type GameRecord } from '../record/log';
import { median, placeTable, type HeldBy, type TablePlacements } from '../record/placements';
import { debriefData, type DebriefData } from '../record/timeline';
import { seatChoices, type SeatChoices } from './choices';
import type { ClassDebriefInput, ClassTableInput } from './input';
import { classMoments, type ClassMoment } from './moments';
import { questionShifts, type QuestionShift } from './shift';

export type { ClassMoment } from './moments';
export type { QuestionShift } from './shift';

/** One round of a table's timeline, taken from the single-table debrief's coalition timeline. */
export interface TimelineRound {
  round: number;
  /** Winning deal's members in seat order; empty when no deal won. */
  members: Seat[];
  /** Prize shares aligned with `members`. */
  split: number[];
  power: number;
  /** The terms in force, option names in the scenario's issue order. */
  terms: string[];
  /** Deals that formed but did not reach the quota. */
  otherDeals: number;
  /** Share of honour moves this round; null without trust moves. */
  cooperation: number | null;
  /** The table's joint gain so far (sum of surpluses at the end of this round). */
  jointGain: number;
  /** Every seat's points at the end of this round, by seat (the debrief's points chart). */
  points: number[];
  /** The table's headline moments of this round (the single-table debrief's top moments). */
  moments: string[];
}

export interface ClassSeat {
  seat: Seat;
  roleId: string;
  roleName: string;
  heldBy: HeldBy;
}

/** The coalition a table ended with (the last round a deal won). */
export interface TableCoalition {
  round: number;
  members: Seat[];
  memberNames: string[];
  split: number[];
  power: number;
  terms: { issue: string; option: string }[];
}

export interface ClassTable {
  id: string;
  label: string;
  /** The table's own debrief. */
  link: string;
  scenarioId: string;
  scenarioName: string;
  mode: Mode;
  /** Whether the game reached its end (an unfinished table counts the rounds it played). */
  ended: boolean;
  roundsPlayed: number;
  seats: ClassSeat[];
  /** Seats a bot held for all or part of the game. */
  botSeats: number;
  coalition: TableCoalition | null;
  /** The first round a winning deal formed; null if none ever did. */
  dealRound: number | null;
  /** Rounds with a winning deal. */
  dealRounds: number;
  jointGain: number;
  jointGainPerRound: number;
  /** Joint gain ÷ best joint gain. */
  efficiency: number;
  valueLeftPerRound: number;
  /** Share of honour moves over the game; null if nobody made one. */
  cooperation: number | null;
  /** Escalations started, and demands the target met. */
  escalations: number;
  demandsMet: number;
  /** Efficiency among the class's other tables (0–100); null when there is no other table. */
  createdInClass: number | null;
  /** Efficiency against the scenario's bot benchmark, reported apart; null when not computed. */
  createdBenchmark: number | null;
  timeline: TimelineRound[];
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  /** max − min */
  range: number;
}

export interface RoleSeat {
  table: string;
  tableLabel: string;
  seat: Seat;
  heldBy: HeldBy;
  rounds: number;
  surplus: number;
  /** Value claimed: own surplus per round played. */
  claimed: number;
  /** Mutual-gain score per round played. */
  mutualGain: number;
  /** Value created: the table's efficiency. */
  created: number;
  /** Percentiles among the same role's seats at the class's other tables; null with no other table. */
  inClass: { claimed: number; mutualGain: number } | null;
  /** Percentiles against the scenario's bot benchmark (DESIGN 4), never pooled with the class's. */
  benchmark: { claimed: number; mutualGain: number; games: number } | null;
  choices: SeatChoices;
}

export interface ClassRole {
  scenarioId: string;
  roleId: string;
  roleName: string;
  power: number;
  veto: boolean;
  /** One per table that has this role, in table order. */
  seats: RoleSeat[];
  claimed: Spread;
  mutualGain: Spread;
  /** Best and worst table for this role by mutual-gain score per round; null with fewer than two tables. */
  best: { table: string; tableLabel: string; mutualGain: number; heldBy: HeldBy } | null;
  worst: { table: string; tableLabel: string; mutualGain: number; heldBy: HeldBy } | null;
}

export interface ClassDebrief {
  session: string;
  /** Role names only on screen; the model never holds a student's name either way. */
  anonymous: boolean;
  scenarios: { id: string; name: string }[];
  tables: ClassTable[];
  roles: ClassRole[];
  moments: ClassMoment[];
  shifts: QuestionShift[];
  /** The pair of tables the compare view opens with (the class's highest and lowest efficiency). */
  comparePair: [string, string] | null;
}

/** A table replayed once, with everything the class debrief reads from it. */
export interface ReplayedTable {
  input: ClassTableInput;
  label: string;
  /** The table's role percentiles against its scenario's bot benchmark, when one was given. */
  benchmark: TablePlacements | null;
  data: DebriefData;
  outcomes: ReturnType<typeof seatOutcomes>;
  choices: SeatChoices[];
  table: ClassTable;
}

function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { min: 0, median: 0, max: 0, range: 0 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min, median: median(values), max, range: max - min };
}

/** The reference of the others: every value but the one at `index`. */
function others(values: readonly number[], index: number): number[] {
  return values.filter((_, i) => i !== index);
}

function timelineOf(d: DebriefData): TimelineRound[] {
  return d.coalitions.map((c, i) => {
    const points = d.points[i];
    // The scoring's baseline: walk-aways times the rounds so far (none in the trust game).
    const baseline = d.mode === 'trust' ? 0 : d.seats.reduce((sum, s) => sum + s.walkAway * c.round, 0);
    const jointGain = points.reduce((a, b) => a + b, 0) - baseline;
    return {
      round: c.round,
      members: c.members.slice(),
      split: c.split.slice(),
      power: c.power,
      terms: c.termNames.map((t) => t.option),
      otherDeals: c.otherDeals.length,
      cooperation: d.cooperation[i]?.rate ?? null,
      jointGain,
      points: points.slice(),
      moments: d.topMoments.filter((m) => m.round === c.round && m.kind !== 'unknown-end').map((m) => m.text),
    };
  });
}

function coalitionOf(d: DebriefData): TableCoalition | null {
  for (let i = d.coalitions.length - 1; i >= 0; i--) {
    const c = d.coalitions[i];
    if (c.members.length === 0) continue;
    return {
      round: c.round,
      members: c.members.slice(),
      memberNames: c.members.map((s) => d.seats[s].name),
      split: c.split.slice(),
      power: c.power,
      terms: c.termNames.map((t) => ({ ...t })),
    };
  }
  return null;
}

/** Who held a seat, in the words of the placements: a bot-held human seat was played partly by a bot. */
function heldOf(input: ClassTableInput, seat: Seat): HeldBy {
  const given = input.seats[seat];
  if (!given || given.kind === 'bot') return 'bot';
  return given.botHeld ? 'both' : 'person';
}

/** The benchmark of a table's scenario, only if it was played on that very scenario's content. */
function benchmarkFor(state: GameState, benchmarks: readonly Benchmark[], held: HeldBy[]): TablePlacements | null {
  if (state.config.mode !== 'coalition') return null;
  const b = benchmarks.find(
    (x) => x.scenarioId === state.scenario.id && x.key === benchmarkKey(state.scenario, x.games),
  );
  return b ? placeTable(state, b, held) : null;
}

function replayTable(input: ClassTableInput, index: number, benchmarks: readonly Benchmark[]): ReplayedTable {
  const record: GameRecord = { scenario: input.scenario, config: input.config, log: input.log };
  const state = replay(record);
  const data = debriefData(record);
  const outcomes = seatOutcomes(state);
  const choices = seatChoices(state, record.log);
  const label = input.label || `Table ${index + 1}`;
  const rounds = data.rounds.length;
  const firstDeal = data.coalitions.find((c) => c.members.length > 0);
  const held = record.scenario.roles.map((_, seat) => heldOf(input, seat));
  const seats: ClassSeat[] = record.scenario.roles.map((r, seat) => ({
    seat,
    roleId: r.id,
    roleName: r.name,
    heldBy: held[seat],
  }));
  const benchmark = rounds > 0 ? benchmarkFor(state, benchmarks, held) : null;
  const table: ClassTable = {
    id: input.code,
    label,
    link: `/?code=${encodeURIComponent(input.code)}`,
    scenarioId: record.scenario.id,
    scenarioName: record.scenario.name,
    mode: data.mode,
    ended: data.ended,
    roundsPlayed: rounds,
    seats,
    botSeats: seats.filter((s) => s.heldBy !== 'person').length,
    coalition: coalitionOf(data),
    dealRound: firstDeal ? firstDeal.round : null,
    dealRounds: data.coalitions.filter((c) => c.members.length > 0).length,
    jointGain: data.score.jointGain,
    jointGainPerRound: data.score.jointGain / Math.max(1, rounds),
    efficiency: data.score.efficiency,
    valueLeftPerRound: data.score.valueLeft / Math.max(1, rounds),
    cooperation: data.cooperationRate,
    escalations: choices.reduce((n, c) => n + c.escalated, 0),
    demandsMet: data.moments.filter((m) => m.kind === 'demand-met').length,
    createdInClass: null,
    createdBenchmark: benchmark ? benchmark.created.percentile : null,
    timeline: timelineOf(data),
  };
  return { input, label, benchmark, data, outcomes, choices, table };
}

function rolesOf(tables: readonly ReplayedTable[]): ClassRole[] {
  const roles: ClassRole[] = [];
  const byKey = new Map<string, ClassRole>();
  for (const t of tables) {
    const scenario = t.input.scenario;
    scenario.roles.forEach((r, seat) => {
      const key = `${scenario.id}\u0000${r.id}`;
      let role = byKey.get(key);
      if (!role) {
        role = {
          scenarioId: scenario.id,
          roleId: r.id,
          roleName: r.name,
          power: r.power,
          veto: r.veto,
          seats: [],
          claimed: spread([]),
          mutualGain: spread([]),
          best: null,
          worst: null,
        };
        byKey.set(key, role);
        roles.push(role);
      }
      const o = t.outcomes[seat];
      const bench = t.benchmark?.seats[seat];
      role.seats.push({
        table: t.table.id,
        tableLabel: t.label,
        seat,
        heldBy: t.table.seats[seat].heldBy,
        rounds: t.table.roundsPlayed,
        surplus: t.data.score.seats[seat].surplus,
        claimed: o.claimed,
        mutualGain: o.mutualGain,
        created: o.created,
        inClass: null,
        benchmark:
          bench && t.benchmark
            ? { claimed: bench.claimed.percentile, mutualGain: bench.mutualGain.percentile, games: t.benchmark.games }
            : null,
        choices: t.choices[seat],
      });
    });
  }
  for (const role of roles) {
    const claimed = role.seats.map((s) => s.claimed);
    const mutual = role.seats.map((s) => s.mutualGain);
    role.claimed = spread(claimed);
    role.mutualGain = spread(mutual);
    if (role.seats.length >= 2) {
      role.seats.forEach((s, i) => {
        s.inClass = {
          claimed: percentileOf(s.claimed, others(claimed, i)),
          mutualGain: percentileOf(s.mutualGain, others(mutual, i)),
        };
      });
      // Ties go to the earlier table, so the choice is deterministic.
      let best = role.seats[0];
      let worst = role.seats[0];
      for (const s of role.seats) {
        if (s.mutualGain > best.mutualGain + 1e-9) best = s;
        if (s.mutualGain < worst.mutualGain - 1e-9) worst = s;
      }
      if (best !== worst) {
        const pick = (s: RoleSeat) => ({
          table: s.table,
          tableLabel: s.tableLabel,
          mutualGain: s.mutualGain,
          heldBy: s.heldBy,
        });
        role.best = pick(best);
        role.worst = pick(worst);
      }
    }
  }
  return roles;
}

/** The pair with the highest and the lowest efficiency (the first of equals), or null with one table. */
function extremes(tables: readonly ClassTable[]): [ClassTable, ClassTable] | null {
  if (tables.length < 2) return null;
  let hi = tables[0];
  let lo = tables[0];
  for (const t of tables) {
    if (t.efficiency > hi.efficiency + 1e-9) hi = t;
    if (t.efficiency < lo.efficiency - 1e-9) lo = t;
  }
  if (hi === lo) lo = tables.find((t) => t !== hi)!;
  return [hi, lo];
}

export interface ClassDebriefOptions {
  /**
   * Bot benchmarks of the session's scenarios (the server's cached ones): each table's seats are
   * also placed against them, reported apart from the class. A benchmark counts only for the
   * scenario content it was played on (its key).
   */
  benchmarks?: readonly Benchmark[];
}

/** The class debrief of a session. */
export function classDebrief(input: ClassDebriefInput, options: ClassDebriefOptions = {}): ClassDebrief {
  const replayed = input.tables.map((t, i) => replayTable(t, i, options.benchmarks ?? []));
  const tables = replayed.map((r) => r.table);
  // A table that played no round is listed but compared with nothing: it has no results to compare.
  const played = replayed.filter((r) => r.table.roundsPlayed > 0);
  const compared = played.map((r) => r.table);
  // Value created among the class's other tables of the same scenario.
  for (const t of compared) {
    const peers = compared.filter((x) => x !== t && x.scenarioId === t.scenarioId).map((x) => x.efficiency);
    t.createdInClass = peers.length > 0 ? percentileOf(t.efficiency, peers) : null;
  }
  const roles = rolesOf(played);
  const scenarios: { id: string; name: string }[] = [];
  for (const t of tables)
    if (!scenarios.some((s) => s.id === t.scenarioId)) scenarios.push({ id: t.scenarioId, name: t.scenarioName });
  const pair = extremes(compared);
  return {
    session: input.session.code,
    anonymous: input.session.anonymous,
    scenarios,
    tables,
    roles,
    moments: classMoments(played, roles, pair),
    shifts: questionShifts(input.questions ?? [], input.answers ?? []),
    comparePair: pair ? [pair[0].id, pair[1].id] : null,
  };
}
