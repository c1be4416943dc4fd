// The trust-game practice at a table (DESIGN 5): each person names the strategy of every bot seat
// and locks the guesses in; a solo game does not end until they are locked, so the reveal always
// has something to grade. Guesses are not engine actions (they change nothing in the game), so
// they live with the table's settings, beside the log.
import { isStrategyName } from '../../shared/bots/strategies';
import { apply } from '../../shared/engine/apply';
import type { GameState, Seat } from '../../shared/engine/types';
import type { ErrorCode, Guess, LockedGuesses, PracticeView } from '../../shared/protocol';
import type { TableRecord } from '../store/store';

/** The bot seats a seat may name: every seat a strategy bot plays, its own excluded. */
export function guessableSeats(record: TableRecord, seat: Seat): Seat[] {
  if (record.config.mode !== 'trust') return [];
  return record.seats
    .filter((s) => s.seat !== seat && s.kind === 'bot' && s.bot?.kind === 'strategy')
    .map((s) => s.seat);
}

export function lockedGuesses(record: TableRecord, seat: Seat): LockedGuesses | null {
  return record.settings.guesses?.find((g) => g.seat === seat) ?? null;
}

/**
 * The last round has been scored: the next advance would end the game. Under rules v3 the horizon
 * draws only at that advance, so the engine is asked (a pure trial; nothing is kept). Every move
 * of the game has been made by then, so knowing it a moment early gives nothing away.
 */
function lastRoundScored(game: GameState): boolean {
  if (game.phase !== 'score') return false;
  const next = apply(game, { type: 'advance' });
  return next.ok && next.state.phase === 'end';
}

/**
 * The people whose guesses hold a solo trust game at its end. Seats a stand-in plays do not hold
 * it (nobody is there to guess).
 */
export function guessesDue(record: TableRecord, game: GameState): Seat[] {
  if (!record.settings.solo || !lastRoundScored(game)) return [];
  return record.seats
    .filter(
      (s) =>
        s.kind === 'human' &&
        !s.standIn &&
        guessableSeats(record, s.seat).length > 0 &&
        lockedGuesses(record, s.seat) === null,
    )
    .map((s) => s.seat);
}

/** What a seat's view message carries about its practice, if it has bots to name. */
export function practiceView(record: TableRecord, game: GameState, seat: Seat | null): PracticeView | undefined {
  if (seat === null) return undefined;
  const bots = guessableSeats(record, seat);
  if (bots.length === 0) return undefined;
  return {
    noise: record.config.noise ?? 0,
    bots,
    locked: lockedGuesses(record, seat),
    due: guessesDue(record, game).includes(seat),
  };
}

/** Checks a seat's guesses: one for every bot seat, each a strategy's name, locked once. */
export function lockGuesses(
  record: TableRecord,
  game: GameState,
  seat: Seat,
  guesses: readonly Guess[],
): { ok: true; locked: LockedGuesses } | { ok: false; code: ErrorCode; message: string } {
  const bots = guessableSeats(record, seat);
  if (bots.length === 0)
    return { ok: false, code: 'not-practice', message: 'There is no bot strategy to name at this table.' };
  if (game.phase === 'prepare')
    return { ok: false, code: 'not-started', message: 'Watch the bots play first: guesses open with round 1.' };
  if (game.phase === 'end') return { ok: false, code: 'game-over', message: 'The game is over; the reveal is open.' };
  if (lockedGuesses(record, seat))
    return { ok: false, code: 'guesses-locked', message: 'Your guesses are already locked in.' };
  const bySeat = new Map<Seat, string>();
  for (const g of guesses) {
    if (!bots.includes(g.seat))
      return { ok: false, code: 'bad-guesses', message: `Seat ${g.seat} is not a bot you can name.` };
    if (bySeat.has(g.seat)) return { ok: false, code: 'bad-guesses', message: `Seat ${g.seat} is named twice.` };
    if (!isStrategyName(g.strategy))
      return { ok: false, code: 'bad-guesses', message: `There is no strategy called "${g.strategy.slice(0, 32)}".` };
    bySeat.set(g.seat, g.strategy);
  }
  const missing = bots.filter((b) => !bySeat.has(b));
  if (missing.length > 0)
    return { ok: false, code: 'bad-guesses', message: `Name a strategy for every bot: ${missing.length} still open.` };
  return {
    ok: true,
    locked: { seat, round: game.round, guesses: bots.map((b) => ({ seat: b, strategy: bySeat.get(b)! })) },
  };
}
