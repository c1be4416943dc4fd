import { refuse } from '../errors';
import { isSeat, MAX_TEXT } from '../rules';
import { Tx } from '../tx';
import type { Action, ApplyResult, GameState } from '../types';

type Declare = Extract<Action, { type: 'declare' }>;
type Chat = Extract<Action, { type: 'chat' }>;
type Ready = Extract<Action, { type: 'ready' }>;

/** declare a public walk-away: the least share of a deal the seat will accept [clarity]. */
export function declare(state: GameState, a: Declare): ApplyResult {
  if (state.phase !== 'prepare' && state.phase !== 'negotiate')
    return refuse('wrong-phase', 'A walk-away can be declared while preparing or negotiating.');
  if (!Number.isInteger(a.share) || a.share < 0 || a.share > 100)
    return refuse('bad-share', 'A walk-away is a whole percentage from 0 to 100.');
  const tx = new Tx(state);
  tx.seat(a.seat, { declared: a.share });
  tx.emit({ to: 'all', type: 'declared', seat: a.seat, share: a.share });
  return tx.done();
}

/** chat to the table or to one seat. Rate limits belong to the server, which sees time. */
export function chat(state: GameState, a: Chat): ApplyResult {
  if (state.phase === 'end') return refuse('game-over', 'The game is over; the debrief is open.');
  const text = typeof a.text === 'string' ? a.text.trim() : '';
  if (!text) return refuse('empty-text', 'Write something first.');
  if (text.length > MAX_TEXT) return refuse('text-too-long', `A message is at most ${MAX_TEXT} characters.`);
  const to = a.to ?? null;
  if (to !== null && !isSeat(state, to)) return refuse('unknown-seat', 'There is no such seat at this table.');
  if (to === a.seat) return refuse('self-target', 'You cannot message yourself.');
  const tx = new Tx(state);
  const message = { id: tx.nextId(), round: state.round, from: a.seat, to, text };
  tx.patch({ chat: [...state.chat, message] });
  tx.emit({ to: to === null ? 'all' : [a.seat, to], type: 'chat', message });
  return tx.done();
}

/** ready: the seat is done with this phase; the server ends it early when every human is. */
export function ready(state: GameState, a: Ready): ApplyResult {
  if (state.phase === 'end') return refuse('game-over', 'The game is over; the debrief is open.');
  if (state.seats[a.seat].ready) return refuse('already-ready', 'You are already marked ready.');
  const tx = new Tx(state);
  tx.seat(a.seat, { ready: true });
  tx.emit({ to: 'all', type: 'ready', seat: a.seat });
  return tx.done();
}
