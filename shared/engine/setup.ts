import { deriveRng, nextInt, seedRng } from './rng';
import { RULES_VERSION, type GameConfig, type GameState, type Scenario } from './types';

/**
 * A new game in the prepare phase. Its length stays hidden (DESIGN 2: the shadow of the future):
 * under rules v3 the horizon's own random stream decides at the end of each round whether
 * another follows, so nothing drawn earlier hints at it; rules v2 drew the number of rounds from
 * the scenario's range at the start. A config without a rules version gets the current one.
 */
export function createGame(scenario: Scenario, config: GameConfig): GameState {
  const rules = config.rules ?? RULES_VERSION;
  let rng = seedRng(config.seed);
  let totalRounds = 0;
  if (config.rounds !== undefined) {
    totalRounds = config.rounds;
  } else if (rules < 3) {
    [totalRounds, rng] = nextInt(rng, scenario.rounds.min, scenario.rounds.max);
  }
  return {
    scenario,
    config: { ...config, rules, noise: config.noise ?? 0 },
    totalRounds,
    rng,
    horizon: deriveRng(config.seed, 'horizon'),
    pointDemands: [],
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

/** The usual continuation chance when a scenario gives none (DESIGN 1: at least 4, then 80 %, at most 18). */
export const DEFAULT_CONTINUE = 0.8;

/**
 * About how many rounds a game of this scenario lasts on average, the one fact about its length
 * that players are told (DESIGN 2). Exact over the capped geometric horizon, rounded.
 */
export function expectedRounds(rounds: Scenario['rounds']): number {
  const p = rounds.continue ?? DEFAULT_CONTINUE;
  let expected = rounds.min;
  let reach = 1;
  for (let r = rounds.min + 1; r <= rounds.max; r++) {
    reach *= p;
    expected += reach;
  }
  return expected;
}

/** The chance that a game of this scenario reaches its cap (a cap reached often gives the last round away). */
export function capChance(rounds: Scenario['rounds']): number {
  return (rounds.continue ?? DEFAULT_CONTINUE) ** Math.max(0, rounds.max - rounds.min);
}
