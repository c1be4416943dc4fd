// A class session's facilitator steering one table (issue 10): the commands, what each may do to
// the table, and the console's summary of it. The session (server/class) has already checked the
// facilitator key; here only the game decides whether a command fits (no pause before the start).
import type { GameState, Seat } from '../../shared/engine/types';
import type { TableRecord } from '../store/store';
import type { PhaseClock } from './clock';
import type { Seats } from './seats';

export type FacilitatorCommand =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; seconds: number }
  /** Closes the phase now (an `advance` by the facilitator, in the log like any). */
  | { type: 'close' }
  | { type: 'hold'; seat: Seat }
  | { type: 'give-back'; seat: Seat }
  | { type: 'assign'; seat: Seat; name: string; tokenHash: string }
  | { type: 'unassign'; seat: Seat }
  | { type: 'notice'; text: string }
  /** The session ends: an unfinished table finishes where it stands. */
  | { type: 'end' };

export interface FacilitatedTable {
  record: TableRecord;
  game: GameState;
  seats: Seats;
  phaseClock: PhaseClock;
  start(): string | null;
  close(): string | null;
  end(): string | null;
  notice(text: string): void;
}

export function facilitateTable(c: FacilitatorCommand, t: FacilitatedTable): string | null {
  const open = t.record.status === 'open';
  const running = open && t.game.phase !== 'prepare';
  switch (c.type) {
    case 'notice':
      t.notice(c.text);
      return null;
    case 'assign':
      if (!open) return 'This table’s game is over.';
      return t.seats.assign(c.seat, c.name, c.tokenHash);
    case 'unassign':
      if (t.game.phase !== 'prepare') return 'A student moves only before the start.';
      return t.seats.unassign(c.seat);
    case 'start':
      if (!open) return 'This table’s game is over.';
      return t.start();
    case 'end':
      return open ? t.end() : null;
  }
  if (!running) return open ? 'The game has not started yet.' : 'This table’s game is over.';
  switch (c.type) {
    case 'pause':
      return t.phaseClock.pause(true);
    case 'resume':
      return t.phaseClock.pause(false);
    case 'extend':
      return t.phaseClock.extend(c.seconds * 1000);
    case 'close':
      return t.close();
    case 'hold':
      return t.seats.hold(c.seat);
    case 'give-back':
      return t.seats.giveBack(c.seat);
  }
}

/** The option by which a session's room creates its tables; only this process may pass it. */
export const CLASS_TABLE = 'classTable';

export function classTableRequest(options: unknown, key: string): { code: string; label: string } | null {
  if (typeof options !== 'object' || options === null) return null;
  const r = (options as Record<string, unknown>)[CLASS_TABLE] as
    { key?: unknown; code?: unknown; label?: unknown } | undefined;
  if (!r || r.key !== key || typeof r.code !== 'string' || typeof r.label !== 'string') return null;
  return { code: r.code, label: r.label };
}

export function withoutClassTable(options: unknown): unknown {
  if (typeof options !== 'object' || options === null || !Object.hasOwn(options, CLASS_TABLE)) return options;
  const rest = { ...(options as Record<string, unknown>) };
  delete rest[CLASS_TABLE];
  return rest;
}

export interface TableSummaryInput {
  record: TableRecord;
  game: GameState;
  /** Whether the person of a seat is connected now. */
  connected(seat: Seat): boolean;
  paused: boolean;
  remaining: number;
}
