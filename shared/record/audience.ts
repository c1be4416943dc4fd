// Who hears an event (DESIGN 1 "Who sees what"): the engine addresses every event to 'all' or to
// a list of seats, and a client hears exactly the events addressed to its seat (a spectator:
// those addressed to all). Live play and a feed rebuilt from the record use this one rule.
import type { GameEvent, Seat } from '../engine/types';
import { replay, type GameRecord } from './log';

/** Whether `seat` (null: a spectator) may hear `e`. */
export function hears(seat: Seat | null, e: GameEvent): boolean {
  return e.to === 'all' || (seat !== null && e.to.includes(seat));
}

/** The events of one log entry that a listener heard; `seq` counts the entries up to it. */
export interface HeardBatch {
  seq: number;
  events: GameEvent[];
}

/** Every event of a record that `seat` would have heard live, entry by entry, oldest first. */
export function heardBy(record: GameRecord, seat: Seat | null): HeardBatch[] {
  const out: HeardBatch[] = [];
  replay(record, (_state, entry, events) => {
    const mine = events.filter((e) => hears(seat, e));
    if (mine.length > 0) out.push({ seq: entry.seq + 1, events: mine });
  });
  return out;
}
