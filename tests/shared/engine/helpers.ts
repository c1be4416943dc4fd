import { apply } from '../../../shared/engine/apply';
import { createGame } from '../../../shared/engine/setup';
import type { Action, GameConfig, GameEvent, GameState, Scenario } from '../../../shared/engine/types';
import { smallScenario } from '../fixtures';

/** Applies actions in order, failing the test on any refusal. */
export function run(state: GameState, ...actions: Action[]): { state: GameState; events: GameEvent[] } {
  let events: GameEvent[] = [];
  for (const action of actions) {
    const r = apply(state, action);
    if (!r.ok) throw new Error(`refused ${action.type}: ${r.refusal.code} ${r.refusal.message}`);
    state = r.state;
    events = r.events;
  }
  return { state, events };
}

/** A game of the small scenario already in round 1's negotiate phase. */
export function negotiating(config: Partial<GameConfig> = {}, scenario: Scenario = smallScenario()): GameState {
  return run(createGame(scenario, { mode: 'coalition', seed: 7, ...config }), { type: 'advance' }).state;
}

export const BEST = { jobs: 'local', review: 'independent' };
export const advance: Action = { type: 'advance' };
