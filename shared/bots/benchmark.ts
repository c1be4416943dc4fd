// The benchmark of a scenario (DESIGN 4): seeded bot tables, the five personas at normal
// difficulty rotated through the seats, fixed seeds. Role percentiles place a player among the
// same role's seats of these tables. The result depends only on the scenario's content, the
// scoring parameters, the rules version and the bots, so it is computed once per `benchmarkKey`
// and cached by whoever runs it (the server keeps it in its store).
import { addTable, emptyReference, seatOutcomes, type RoleReference } from '../engine/percentiles';
import { lambdaOf } from '../engine/scoring';
import { RULES_VERSION, type Scenario } from '../engine/types';
import type { BotSpec } from './bot';
import { PERSONA_NAMES } from './personas';
import { simulate } from './simulate';

/**
 * Bumped whenever the bots or the benchmark's make-up change, so cached benchmarks of an older
 * version are never used to place a player.
 */
export const BENCHMARK_VERSION = 1;
export const BENCHMARK_GAMES = 200;
export const BENCHMARK_SEED = 0x1e7e4a6e;

export interface Benchmark extends RoleReference {
  key: string;
  scenarioId: string;
  games: number;
}

/** The seats of benchmark table `game`: persona (seat + game) mod 5 at normal difficulty. */
export function benchmarkSeats(scenario: Scenario, game: number): BotSpec[] {
  return scenario.roles.map((_, seat) => ({
    kind: 'persona',
    persona: PERSONA_NAMES[(seat + game) % PERSONA_NAMES.length],
    difficulty: 'normal',
  }));
}

/** A stable text of everything a benchmark depends on; the server hashes it into a cache key. */
export function benchmarkKey(scenario: Scenario, games = BENCHMARK_GAMES): string {
  const stable = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(stable)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, stable((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify({
    rules: RULES_VERSION,
    bench: BENCHMARK_VERSION,
    games,
    seed: BENCHMARK_SEED,
    lambda: lambdaOf(scenario),
    scenario: stable(scenario),
  });
}

/** Plays the benchmark tables of a scenario. A few hundred games take a few seconds. */
export function runBenchmark(
  scenario: Scenario,
  options: { games?: number; onProgress?: (done: number, total: number) => void } = {},
): Benchmark {
  const games = options.games ?? BENCHMARK_GAMES;
  const ref = emptyReference();
  for (let g = 0; g < games; g++) {
    const result = simulate(scenario, benchmarkSeats(scenario, g), BENCHMARK_SEED + g);
    addTable(ref, seatOutcomes(result.state));
    options.onProgress?.(g + 1, games);
  }
  return { key: benchmarkKey(scenario, games), scenarioId: scenario.id, games, ...ref };
}
