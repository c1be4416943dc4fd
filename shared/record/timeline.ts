// What the debrief draws (DESIGN.md sections 4, 6 and 8), computed from a record by replaying
// its log, and the log as CSV for a facilitator's export. Pure: no I/O, no clock.
import { scoreGame, type GameScore } from '../engine/scoring';
import type { ActionType, Income, Mode, Phase, Seat, Terms } from '../engine/types';
import { replay, type ActedBy, type GameRecord } from './log';
import { findMoments, topMoments, type Moment } from './moments';

export interface DebriefSeat {
  seat: Seat;
  roleId: string;
  name: string;
  power: number;
  veto: boolean;
  /** The scenario's walk-away, opened in the debrief. */
  walkAway: number;
}

/** The winning coalition of one round: the coalition timeline. */
export interface CoalitionRound {
  round: number;
  /** The winning deal's proposal, or null when no deal won. */
  proposalId: number | null;
  /** Members in seat order; empty when no deal won. */
  members: Seat[];
  /** Prize shares aligned with `members`. */
  split: number[];
  power: number;
  terms: Terms | null;
  /** The terms in words, in the scenario's issue order. */
  termNames: { issue: string; option: string }[];
  /** Deals that formed but did not reach the quota. */
  otherDeals: { members: Seat[]; power: number }[];
}

export interface CooperationRound {
  round: number;
  honours: number;
  moves: number;
  /** Share of honour moves, or null in a round without trust moves. */
  rate: number | null;
}

/** One log entry for the audit of who decided what, and why (bots' reasons, DESIGN 6). */
export interface AuditEntry {
  seq: number;
  round: number;
  phase: Phase;
  /** The acting seat; null for a phase change. */
  seat: Seat | null;
  by: ActedBy;
  type: ActionType;
  reason: string | null;
}

export interface DebriefData {
  scenarioId: string;
  scenarioName: string;
  mode: Mode;
  /** Rounds the game was to last (the rounds played so far if it has not ended). */
  totalRounds: number;
  ended: boolean;
  seats: DebriefSeat[];
  /** Rounds played, 1-based, aligned with the arrays below. */
  rounds: number[];
  /** points[i][seat]: every seat's points at the end of rounds[i]. */
  points: number[][];
  /** reputation[i][seat], at the end of rounds[i]. */
  reputation: number[][];
  startReputation: number;
  /** income[i][seat]: what each seat earned from each source in rounds[i]. */
  income: Income[][];
  cooperation: CooperationRound[];
  /** Share of honour moves over the whole game; null if nobody made one. */
  cooperationRate: number | null;
  /** Each seat's share of honour moves over the game; null for a seat that never made one. */
  cooperationBySeat: (number | null)[];
  coalitions: CoalitionRound[];
  /** Bots' decisions (and any other entry with a reason), for the audit. */
  audit: AuditEntry[];
  score: GameScore;
  moments: Moment[];
  topMoments: Moment[];
}

/** How many moments the debrief headlines. */
export const TOP_MOMENTS = 8;

/** Everything the debrief charts need, from a record (a finished game, or one in progress). */
export function debriefData(record: GameRecord): DebriefData {
  const { scenario } = record;
  const state = replay(record);
  const n = scenario.roles.length;
  const history = state.history;
  const cooperation: CooperationRound[] = [];
  const honoursBySeat = new Array<number>(n).fill(0);
  const movesBySeat = new Array<number>(n).fill(0);
  let honours = 0;
  let moves = 0;
  for (const h of history) {
    let hr = 0;
    for (const p of h.trust) {
      for (const [seat, move] of [
        [p.a, p.moveA],
        [p.b, p.moveB],
      ] as const) {
        movesBySeat[seat]++;
        if (move === 'honour') {
          honoursBySeat[seat]++;
          hr++;
        }
      }
    }
    const mr = h.trust.length * 2;
    cooperation.push({ round: h.round, honours: hr, moves: mr, rate: mr > 0 ? hr / mr : null });
    honours += hr;
    moves += mr;
  }
  const coalitions: CoalitionRound[] = history.map((h) => {
    const win = h.deals.find((d) => d.proposalId === h.winning && d.wins) ?? null;
    const others = h.deals.filter((d) => d !== win).map((d) => ({ members: d.members.slice(), power: d.power }));
    const terms = win ? { ...win.terms } : null;
    const termNames = terms
      ? scenario.issues.map((issue) => ({
          issue: issue.name,
          option: issue.options.find((o) => o.id === terms[issue.id])?.name ?? terms[issue.id],
        }))
      : [];
    return {
      round: h.round,
      proposalId: win ? win.proposalId : null,
      members: win ? win.members.slice() : [],
      split: win ? win.split.slice() : [],
      power: win ? win.power : 0,
      terms,
      termNames,
      otherDeals: others,
    };
  });
  const audit: AuditEntry[] = record.log
    .filter((e) => e.by === 'bot' || e.reason !== null)
    .map((e) => ({
      seq: e.seq,
      round: e.round,
      phase: e.phase,
      seat: typeof e.actor === 'number' ? e.actor : null,
      by: e.by,
      type: e.action.type,
      reason: e.reason,
    }));
  const moments = findMoments(record);
  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    mode: state.config.mode,
    totalRounds: state.phase === 'end' ? state.totalRounds : history.length,
    ended: state.phase === 'end',
    seats: scenario.roles.map((r, seat) => ({
      seat,
      roleId: r.id,
      name: r.name,
      power: r.power,
      veto: r.veto,
      walkAway: r.walkAway,
    })),
    rounds: history.map((h) => h.round),
    points: history.map((h) => h.points.slice()),
    reputation: history.map((h) => h.reputation.slice()),
    startReputation: scenario.reputation.start,
    income: history.map((h) => h.income.map((x) => ({ ...x }))),
    cooperation,
    cooperationRate: moves > 0 ? honours / moves : null,
    cooperationBySeat: honoursBySeat.map((h, i) => (movesBySeat[i] > 0 ? h / movesBySeat[i] : null)),
    coalitions,
    audit,
    score: scoreGame(state),
    moments,
    topMoments: topMoments(moments, TOP_MOMENTS),
  };
}

// ---------------------------------------------------------------------------
// CSV

export const CSV_COLUMNS = ['seq', 'round', 'phase', 'actor', 'by', 'type', 'action', 'reason', 'time'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces,
 * with quotes doubled. Free text that a spreadsheet would read as a formula (=, +, -, @ first)
 * gets a leading apostrophe, so an export opened in a spreadsheet cannot run anything.
 */
export function csvField(value: string | number | null, freeText = false): string {
  if (value === null) return '';
  let s = String(value);
  if (freeText && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The log as CSV, one row per entry, header first, CRLF line ends. */
export function toCsv(record: GameRecord): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of record.log) {
    rows.push(
      [
        csvField(e.seq),
        csvField(e.round),
        csvField(e.phase),
        csvField(e.actor),
        csvField(e.by),
        csvField(e.action.type),
        csvField(JSON.stringify(e.action)),
        csvField(e.reason, true),
        csvField(e.time),
      ].join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
