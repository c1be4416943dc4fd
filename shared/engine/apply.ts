import { accept, reject, withdraw } from './actions/respond';
import { advance } from './actions/phase';
import { answer, ask, decline } from './actions/ask';
import { concede } from './actions/concede';
import { cosign, escalate, raise, refuseDemand, renew } from './actions/escalate';
import { propose } from './actions/propose';
import { chat, declare, ready } from './actions/talk';
import { trust } from './actions/trust';
import { refuse } from './errors';
import { isSeat } from './rules';
import type { Action, ApplyResult, GameState } from './types';

const COALITION_ONLY = new Set<Action['type']>([
  'propose',
  'accept',
  'withdraw',
  'reject',
  'ask',
  'answer',
  'decline',
  'concede',
  'declare',
  'escalate',
  'raise',
  'renew',
  'cosign',
  'refuse',
]);

/**
 * The engine: applies one action to a state and returns the new state with its events, or a
 * typed refusal that leaves the state untouched. Pure and deterministic.
 */
export function apply(state: GameState, action: Action): ApplyResult {
  if (typeof action !== 'object' || action === null) return refuse('wrong-phase', 'That is not an action.');
  if (action.type === 'advance') return advance(state);
  if (state.phase === 'end') return refuse('game-over', 'The game is over; the debrief is open.');
  if (!isSeat(state, action.seat)) return refuse('unknown-seat', 'There is no such seat at this table.');
  if (state.config.mode === 'trust' && COALITION_ONLY.has(action.type))
    return refuse('wrong-phase', 'The trust game has only trust moves, chat and ready.');
  switch (action.type) {
    case 'propose':
      return propose(state, action);
    case 'accept':
      return accept(state, action);
    case 'withdraw':
      return withdraw(state, action);
    case 'reject':
      return reject(state, action);
    case 'ask':
      return ask(state, action);
    case 'answer':
      return answer(state, action);
    case 'decline':
      return decline(state, action);
    case 'concede':
      return concede(state, action);
    case 'declare':
      return declare(state, action);
    case 'escalate':
      return escalate(state, action);
    case 'raise':
      return raise(state, action);
    case 'renew':
      return renew(state, action);
    case 'cosign':
      return cosign(state, action);
    case 'refuse':
      return refuseDemand(state, action);
    case 'chat':
      return chat(state, action);
    case 'trust':
      return trust(state, action);
    case 'ready':
      return ready(state, action);
    default:
      return refuse('wrong-phase', `Unknown action "${String((action as { type: unknown }).type)}".`);
  }
}
