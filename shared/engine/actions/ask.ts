import { refuse } from '../errors';
import { isSeat, rankIssues } from '../rules';
import { Tx } from '../tx';
import type { Action, ApplyResult, GameState } from '../types';

type AskAction = Extract<Action, { type: 'ask' }>;
type Answer = Extract<Action, { type: 'answer' }>;
type Decline = Extract<Action, { type: 'decline' }>;

/** ask a seat what matters most to it; once per pair per round [questions reveal interests]. */
export function ask(state: GameState, a: AskAction): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Questions can be asked only while the table negotiates.');
  if (!isSeat(state, a.target)) return refuse('unknown-seat', 'There is no such seat at this table.');
  if (a.target === a.seat) return refuse('self-target', 'You cannot ask yourself.');
  if (state.asks.some((q) => q.round === state.round && q.from === a.seat && q.to === a.target))
    return refuse('already-asked', 'You already asked this seat this round.');
  const tx = new Tx(state);
  const id = tx.nextId();
  tx.patch({
    asks: [...state.asks, { id, round: state.round, from: a.seat, to: a.target, status: 'open', answer: null }],
  });
  tx.emit({ to: [a.seat, a.target], type: 'asked', ask: id, from: a.seat, target: a.target });
  return tx.done();
}

/**
 * answer: the seat's issues ranked by its own values, taken from its data, so an answer cannot
 * lie. Answering raises reputation a little [create safety].
 */
export function answer(state: GameState, a: Answer): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Questions can be answered only while the table negotiates.');
  const q = state.asks.find((x) => x.id === a.ask);
  if (!q || q.status !== 'open') return refuse('unknown-ask', 'That question is not waiting for an answer.');
  if (q.to !== a.seat) return refuse('not-asked', 'That question was put to another seat.');
  const ranked = rankIssues(state.scenario, state.scenario.roles[a.seat]);
  const tx = new Tx(state);
  tx.patch({
    asks: state.asks.map((x) => (x.id === q.id ? { ...x, status: 'answered' as const, answer: ranked } : x)),
  });
  tx.emit({ to: [q.from, q.to], type: 'answered', ask: q.id, from: q.from, target: q.to, answer: ranked });
  tx.reputation(a.seat, state.scenario.reputation.answer, 'answer');
  return tx.done();
}

/** decline: a seat may keep its interests to itself. */
export function decline(state: GameState, a: Decline): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Questions can be declined only while the table negotiates.');
  const q = state.asks.find((x) => x.id === a.ask);
  if (!q || q.status !== 'open') return refuse('unknown-ask', 'That question is not waiting for an answer.');
  if (q.to !== a.seat) return refuse('not-asked', 'That question was put to another seat.');
  const tx = new Tx(state);
  tx.patch({ asks: state.asks.map((x) => (x.id === q.id ? { ...x, status: 'declined' as const } : x)) });
  tx.emit({ to: [q.from, q.to], type: 'declined', ask: q.id, from: q.from, target: q.to });
  return tx.done();
}
