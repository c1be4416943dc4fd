// The studio's quick benchmark (issue 12): seeded bot tables of a draft scenario, and the claims
// of DESIGN 10 a trainer most needs before a class plays it — the joint gain and efficiency of
// the benchmark's tables, which persona does best by role percentile, and whether a seat that
// does nothing lands below the middle of its role. Smaller than `npm run claims` (it must finish
// in seconds in a browser worker), with the same seats, seeds and measures. Pure.
import { runBenchmark } from '../bots/benchmark';
import { PERSONA_NAMES, type PersonaName } from '../bots/personas';
import { STUDENT_TARGETS } from '../claims/claims';
import { estimate, type Estimate } from '../claims/stats';
import { play, roster, student, withSeats } from '../claims/tables';
import { placeSeat, seatOutcomes } from '../engine/percentiles';
import { scoreGame } from '../engine/scoring';
import type { Scenario } from '../engine/types';

export interface QuickBenchOptions {
  /** Benchmark tables that role percentiles are taken against. */
  benchmarkGames?: number;
  /** Tables played for each measure. */
  games?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface QuickBench {
  benchmarkGames: number;
  games: number;
  /** Joint gain per round of the benchmark's tables (the five personas rotated through the seats). */
  jointGain: Estimate;
  /** Efficiency of the same tables: joint gain ÷ the best joint gain. */
  efficiency: Estimate;
  /** Each persona's mean mutual-gain role percentile, best first. */
  personas: { persona: PersonaName; percentile: Estimate }[];
  /** The do-nothing seat's mean role percentile and whether it lands below the claim's line. */
  idle: { percentile: Estimate; below: number; loses: boolean };
}

export const QUICK_BENCH = { benchmarkGames: 60, games: 40 } as const;

export function quickBenchmark(scenario: Scenario, options: QuickBenchOptions = {}): QuickBench {
  const benchmarkGames = options.benchmarkGames ?? QUICK_BENCH.benchmarkGames;
  const games = options.games ?? QUICK_BENCH.games;
  const total = benchmarkGames + 2 * games;
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  const bench = runBenchmark(scenario, { games: benchmarkGames, onProgress: tick });

  const joint: number[] = [];
  const efficiency: number[] = [];
  const byPersona = new Map<PersonaName, number[]>(PERSONA_NAMES.map((p) => [p, []]));
  for (let g = 0; g < games; g++) {
    const seats = roster(scenario, g);
    const state = play(scenario, seats, g).state;
    const score = scoreGame(state);
    joint.push(score.jointGain / Math.max(1, score.rounds));
    efficiency.push(score.efficiency);
    const outcomes = seatOutcomes(state);
    seats.forEach((spec, seat) => {
      if (spec.kind === 'persona') byPersona.get(spec.persona)!.push(placeSeat(bench, outcomes[seat]).mutualGain);
    });
    tick();
  }

  const idle: number[] = [];
  const n = scenario.roles.length;
  for (let g = 0; g < games; g++) {
    const seat = g % n;
    const state = play(scenario, withSeats(roster(scenario, g), [seat], student('idle')), g).state;
    idle.push(placeSeat(bench, seatOutcomes(state)[seat]).mutualGain);
    tick();
  }
  const below = STUDENT_TARGETS.find((t) => t.student === 'idle')!.below;
  const idleEstimate = estimate(idle);
  return {
    benchmarkGames,
    games,
    jointGain: estimate(joint),
    efficiency: estimate(efficiency),
    personas: PERSONA_NAMES.map((persona) => ({ persona, percentile: estimate(byPersona.get(persona)!) })).sort(
      (a, b) => b.percentile.mean - a.percentile.mean,
    ),
    idle: { percentile: idleEstimate, below, loses: idleEstimate.mean < below },
  };
}
