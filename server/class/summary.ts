// One table as the facilitator's console shows it, and the projector's public cut of it. Never
// the table's length or cap (DESIGN 2): rounds played and time left in the phase only.
import { scoreGame } from '../../shared/engine/scoring';
import type { ConsoleModel, ConsoleSeat, ConsoleTable, ProjectorModel } from '../../shared/class/console';
import type { TableSummaryInput } from '../rooms/facilitate';
import type { SeatRecord, TableRecord } from '../store/store';

/** Who the session seated where: `${table}:${seat}` -> student id and name. */
export type Seating = Map<string, { id: string; name: string }>;

export function seatKey(table: string, seat: number): string {
  return `${table}:${seat}`;
}

export function liveTable(label: string, t: TableSummaryInput, seating: Seating, now: number): ConsoleTable {
  const { record, game } = t;
  const status = record.status === 'finished' ? 'ended' : game.phase === 'prepare' ? 'prepare' : 'playing';
  const seats = record.seats.map((rec) =>
    consoleSeat(record, rec, seating, { connected: t.connected(rec.seat), ready: game.seats[rec.seat].ready }),
  );
  const played = game.history.length;
  const score = played > 0 ? scoreGame(game) : null;
  const timeLeft = t.paused ? t.remaining : record.deadline === null ? null : Math.max(0, record.deadline - now);
  return {
    code: record.code,
    label,
    status,
    round: game.round,
    phase: game.phase,
    timeLeft,
    paused: t.paused,
    seats,
    deals: game.history.reduce((n, h) => n + h.deals.length, 0) + (game.phase === 'resolve' ? game.deals.length : 0),
    escalations: game.escalations.length,
    efficiency: score ? score.efficiency : null,
    stuck: stuckReason(status, seats),
  };
}

/** A seat as the console lists it; who is connected and ready comes from the live room, if any. */
function consoleSeat(
  record: TableRecord,
  rec: SeatRecord,
  seating: Seating,
  now: { connected: boolean; ready: boolean },
): ConsoleSeat {
  const student = seating.get(seatKey(record.code, rec.seat)) ?? null;
  return {
    seat: rec.seat,
    role: record.scenario.roles[rec.seat].name,
    name: rec.kind === 'bot' ? null : (student?.name ?? rec.name),
    student: student?.id ?? null,
    playedBy: rec.kind === 'bot' || rec.standIn ? 'bot' : rec.tokenHash === null ? 'nobody' : 'human',
    botSeat: rec.kind === 'bot',
    held: rec.held === true,
    ...now,
  };
}

function stuckReason(status: ConsoleTable['status'], seats: ConsoleSeat[]): string | null {
  if (status === 'ended') return null;
  const away = seats.filter((s) => s.playedBy === 'human' && !s.connected);
  if (status === 'playing' && away.length > 0)
    return `${away.map((s) => s.role).join(', ')}: the student is away and no bot plays yet`;
  return null;
}

/** The projector's model: no names, no private moves, no deals or scores while tables play. */
export function projectorModel(m: ConsoleModel): ProjectorModel {
  return {
    code: m.code,
    status: m.status,
    scenario: m.scenario,
    waiting: m.students.filter((s) => s.table === null).length,
    seated: m.students.filter((s) => s.table !== null).length,
    tables: m.tables.map((t) => ({
      label: t.label,
      status: t.status,
      round: t.round,
      phase: t.phase,
      timeLeft: t.timeLeft,
      paused: t.paused,
      people: t.seats.filter((s) => s.playedBy === 'human').length,
      connected: t.seats.filter((s) => s.playedBy === 'human' && s.connected).length,
    })),
    messages: m.messages,
    serverTime: m.serverTime,
  };
}
