import { refuse } from '../errors';
import { Tx } from '../tx';
import type { Action, ApplyResult, GameState, TrustPair } from '../types';

type TrustAction = Extract<Action, { type: 'trust' }>;

/**
 * A trust move (honour or defect) toward one partner. Moves are simultaneous: a seat may change
 * its mind until the stage closes, and nobody else sees it before the reveal (DESIGN 2.3).
 */
export function trust(state: GameState, a: TrustAction): ApplyResult {
  if (state.phase !== 'trust') return refuse('wrong-phase', 'Trust moves are made in the trust stage.');
  if (a.move !== 'honour' && a.move !== 'defect') return refuse('bad-move', 'A trust move is honour or defect.');
  const index = state.trust.findIndex(
    (p) => (p.a === a.seat && p.b === a.partner) || (p.b === a.seat && p.a === a.partner),
  );
  if (index < 0) return refuse('not-partner', 'You can make a trust move only toward a partner in your deal.');
  const pair = state.trust[index];
  const updated: TrustPair = pair.a === a.seat ? { ...pair, moveA: a.move } : { ...pair, moveB: a.move };
  const pairs = state.trust.slice();
  pairs[index] = updated;
  const tx = new Tx(state);
  tx.patch({ trust: pairs });
  tx.emit({ to: [a.seat], type: 'trust-chosen', seat: a.seat, partner: a.partner, move: a.move });
  return tx.done();
}
