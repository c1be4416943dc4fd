import { nextInt, seedRng } from './rng';
import type { GameConfig, GameState, Scenario } from './types';

/**
 * A new game in the prepare phase. The number of rounds is drawn from the scenario's range
 * with the game's seed and stays hidden until the end (DESIGN 2: the shadow of the future).
 */
export function createGame(scenario: Scenario, config: GameConfig): GameState {
  let rng = seedRng(config.seed);
  let totalRounds: number;
  if (config.rounds !== undefined) {
    totalRounds = config.rounds;
  } else {
    [totalRounds, rng] = nextInt(rng, scenario.rounds.min, scenario.rounds.max);
  }
  return {
    scenario,
    config: { ...config, noise: config.noise ?? 0 },
    totalRounds,
    rng,
    round: 0,
    phase: 'prepare',
    seats: scenario.roles.map((role, seat) => ({
      seat,
      roleId: role.id,
      points: 0,
      reputation: scenario.reputation.start,
      declared: null,
      ready: false,
      acceptance: null,
    })),
    proposals: [],
    escalations: [],
    asks: [],
    chat: [],
    concessions: [],
    concessionCredit: [],
    deals: [],
    trust: [],
    history: [],
    income: [],
    nextId: 1,
  };
}
