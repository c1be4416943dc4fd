import { NOT_TEXT, refuse } from '../errors';
import { MAX_TEXT, optionalText } from '../rules';
import { audienceOf, Tx } from '../tx';
import type { Action, ApplyResult, GameState } from '../types';
import { canSee } from './propose';

type Accept = Extract<Action, { type: 'accept' }>;
type Withdraw = Extract<Action, { type: 'withdraw' }>;
type Reject = Extract<Action, { type: 'reject' }>;

/**
 * accept (DESIGN 2.1): replaces the seat's standing acceptance. Whether the deal breaks a
 * declared walk-away is judged when it forms (resolve), so a late declaration cannot dodge it.
 */
export function accept(state: GameState, a: Accept): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Proposals can be accepted only while the table negotiates.');
  const p = state.proposals.find((x) => x.id === a.proposal);
  if (!p || !canSee(p, a.seat)) return refuse('unknown-proposal', 'That proposal is no longer open.');
  const index = p.members.indexOf(a.seat);
  if (index < 0) return refuse('not-a-member', 'You can accept only a proposal that includes you.');
  const seat = state.seats[a.seat];
  if (seat.acceptance === p.id) return refuse('already-accepted', 'You already accept this proposal.');
  const tx = new Tx(state);
  if (seat.acceptance !== null) {
    const earlier = state.proposals.find((x) => x.id === seat.acceptance);
    if (earlier)
      tx.emit({
        to: audienceOf(earlier.visibility, earlier.members),
        type: 'withdrew',
        seat: a.seat,
        proposal: earlier.id,
      });
  }
  tx.seat(a.seat, { acceptance: p.id });
  tx.emit({ to: audienceOf(p.visibility, p.members), type: 'accepted', seat: a.seat, proposal: p.id });
  return tx.done();
}

/** withdraw: the seat stops standing behind the proposal it accepted (its own included). */
export function withdraw(state: GameState, a: Withdraw): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Acceptances can be withdrawn only while the table negotiates.');
  const current = state.seats[a.seat].acceptance;
  if (current === null) return refuse('nothing-to-withdraw', 'You do not accept any proposal right now.');
  const p = state.proposals.find((x) => x.id === current);
  const tx = new Tx(state);
  tx.seat(a.seat, { acceptance: null });
  tx.emit({
    to: p ? audienceOf(p.visibility, p.members) : [a.seat],
    type: 'withdrew',
    seat: a.seat,
    proposal: current,
  });
  return tx.done();
}

/** reject: a member says no, optionally with a reason; it also withdraws its acceptance. */
export function reject(state: GameState, a: Reject): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Proposals can be rejected only while the table negotiates.');
  const p = state.proposals.find((x) => x.id === a.proposal);
  if (!p || !canSee(p, a.seat)) return refuse('unknown-proposal', 'That proposal is no longer open.');
  if (!p.members.includes(a.seat)) return refuse('not-a-member', 'You can reject only a proposal that includes you.');
  if (p.proposer === a.seat)
    return refuse('own-proposal', 'You cannot reject your own proposal; make a new one instead.');
  const reason = optionalText(a.reason);
  if (reason === null) return NOT_TEXT;
  if (reason.length > MAX_TEXT) return refuse('text-too-long', `A reason is at most ${MAX_TEXT} characters.`);
  const tx = new Tx(state);
  const proposals = state.proposals.map((x) =>
    x.id === p.id
      ? { ...x, rejections: [...x.rejections.filter((r) => r.seat !== a.seat), { seat: a.seat, reason }] }
      : x,
  );
  tx.patch({ proposals });
  if (state.seats[a.seat].acceptance === p.id) tx.seat(a.seat, { acceptance: null });
  tx.emit({ to: audienceOf(p.visibility, p.members), type: 'rejected', seat: a.seat, proposal: p.id, reason });
  return tx.done();
}
