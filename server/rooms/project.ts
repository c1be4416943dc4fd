// Engine state and table record -> the public schema state and the lobby listing. Only facts
// everyone may know reach these (see state.ts for why the game itself travels as views).
import { botLabel } from '../../shared/bots/bot';
import type { GameState } from '../../shared/engine/types';
import type { TableListing } from '../../shared/protocol';
import type { TableRecord } from '../store/store';
import type { Seats } from './seats';
import type { TableState } from './state';

/** Projects the public lobby facts into the schema state (only changed fields are sent). */
export function projectState(s: TableState, record: TableRecord, g: GameState, seats: Seats): void {
  s.status = record.status === 'finished' ? 'ended' : g.phase === 'prepare' ? 'prepare' : 'playing';
  s.phase = g.phase;
  s.round = g.round;
  s.deadline = record.deadline ?? 0;
  s.spectators = seats.spectators();
  const ended = record.status === 'finished';
  for (const rec of record.seats) {
    const info = s.seats[rec.seat];
    const member = seats.holder(rec.seat);
    info.name = rec.name ?? '';
    info.kind = rec.kind;
    info.playedBy = rec.kind === 'bot' || rec.standIn ? 'bot' : rec.tokenHash === null ? 'nobody' : 'human';
    info.connected = member?.connected ?? false;
    info.ready = g.seats[rec.seat].ready;
    info.host = member?.host ?? false;
    info.bot = ended && rec.bot ? botLabel(rec.bot) : '';
  }
}

/**
 * Who is here (connections, the host, spectators): facts of the moment, not of the game, so they
 * are shown at once rather than after the game's writes (projectState shows them too).
 */
export function projectPresence(s: TableState, record: TableRecord, seats: Seats): void {
  s.spectators = seats.spectators();
  for (const rec of record.seats) {
    const info = s.seats[rec.seat];
    const member = seats.holder(rec.seat);
    info.connected = member?.connected ?? false;
    info.host = member?.host ?? false;
  }
}

/** Public facts for the lobby list of public tables. */
export function listing(record: TableRecord, game: GameState): TableListing {
  return {
    code: record.code,
    scenario: record.scenario.name,
    mode: record.config.mode,
    phase: game.phase,
    round: game.round,
    freeSeats: record.seats.filter((s) => s.kind === 'human' && s.tokenHash === null).length,
    seats: record.seats.length,
  };
}
