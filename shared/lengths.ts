// Game lengths the lobby offers besides a scenario's own hidden horizon (DESIGN 2). Kept apart
// from the protocol's validators (the client bundle stays free of them) and shared so the server
// can compute the role-percentile benchmark of a short game before the first one ends.
import type { Scenario } from './engine/types';

/**
 * The lobby's short game: at least 3 rounds, then 60 % each, at most 8 (reached in under 8 % of
 * games), so it still ends at random and lasts about 4 rounds.
 */
export const SHORT_HORIZON = { min: 3, continue: 0.6, max: 8 };

/** A scenario as a short game plays it: the table's own copy with the short horizon. */
export function shortVersion(scenario: Scenario): Scenario {
  return { ...scenario, rounds: { ...SHORT_HORIZON } };
}
