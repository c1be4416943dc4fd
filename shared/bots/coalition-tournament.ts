// Coalition tournaments (DESIGN.md section 6): personas rotated through the seats of scenarios
// over many seeds, with what each persona did and how it scored on mutual gain.
import { scoreGame } from '../engine/scoring';
import type { Scenario, Seat } from '../engine/types';
import type { BotSpec } from './bot';
import { PERSONA_NAMES, type Difficulty, type PersonaName } from './personas';
import { simulate, type SimulationResult } from './simulate';

export interface PersonaStats {
  persona: PersonaName;
  /** Seat-games played. */
  seats: number;
  /** Rounds the persona sat in the winning deal, per game. */
  dealsClosed: number;
  /** Issues of winning deals it sat in that were not set to its own favourite option, per game. */
  termsTraded: number;
  escalations: number;
  defections: number;
  labelledConcessions: number;
  meanSurplus: number;
  meanMutualGain: number;
}

export interface ScenarioStats {
  scenario: string;
  games: number;
  meanEfficiency: number;
  personas: PersonaStats[];
}

export interface CoalitionTournamentResult {
  scenarios: ScenarioStats[];
  /** Every scenario together, best mean mutual-gain score first. */
  ranking: PersonaStats[];
}

export interface CoalitionTournamentOptions {
  scenarios: readonly Scenario[];
  personas?: readonly PersonaName[];
  difficulty?: Difficulty;
  games: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

interface Tally {
  seats: number;
  deals: number;
  traded: number;
  escalations: number;
  defections: number;
  labelled: number;
  surplus: number;
  mutualGain: number;
}

const emptyTally = (): Tally => ({
  seats: 0,
  deals: 0,
  traded: 0,
  escalations: 0,
  defections: 0,
  labelled: 0,
  surplus: 0,
  mutualGain: 0,
});

function favourite(scenario: Scenario, seat: Seat, issue: string): string {
  const values = scenario.roles[seat].values[issue];
  return Object.keys(values).reduce((a, b) => (values[b] > values[a] ? b : a));
}

/** Adds one game's facts about each seat to the tallies of the personas that sat there. */
export function tallyGame(
  scenario: Scenario,
  result: SimulationResult,
  personaOf: (seat: Seat) => PersonaName,
  tallies: Map<PersonaName, Tally>,
): number {
  const score = scoreGame(result.state);
  for (let seat = 0; seat < scenario.roles.length; seat++) {
    const persona = personaOf(seat);
    const t = tallies.get(persona) ?? emptyTally();
    t.seats++;
    t.surplus += score.seats[seat].surplus;
    t.mutualGain += score.seats[seat].mutualGain;
    for (const h of result.state.history) {
      const d = h.deals.find((x) => x.proposalId === h.winning);
      if (d && d.members.includes(seat)) {
        t.deals++;
        for (const issue in d.terms) if (d.terms[issue] !== favourite(scenario, seat, issue)) t.traded++;
      }
      for (const p of h.trust)
        if ((p.a === seat && p.chosenA === 'defect') || (p.b === seat && p.chosenB === 'defect')) t.defections++;
    }
    for (const e of result.log) {
      if (e.actor !== seat) continue;
      if (e.action.type === 'escalate') t.escalations++;
      if (e.action.type === 'concede' && e.action.labelled) t.labelled++;
    }
    tallies.set(persona, t);
  }
  return score.efficiency;
}

function toStats(persona: PersonaName, t: Tally): PersonaStats {
  const n = Math.max(1, t.seats);
  return {
    persona,
    seats: t.seats,
    dealsClosed: t.deals / n,
    termsTraded: t.traded / n,
    escalations: t.escalations / n,
    defections: t.defections / n,
    labelledConcessions: t.labelled / n,
    meanSurplus: t.surplus / n,
    meanMutualGain: t.mutualGain / n,
  };
}

/** The seats of game `game`: personas rotated so each sits in every seat equally often. */
export function rotation(
  personas: readonly PersonaName[],
  seats: number,
  game: number,
  difficulty: Difficulty,
): BotSpec[] {
  return Array.from({ length: seats }, (_, seat) => ({
    kind: 'persona',
    persona: personas[(seat + game) % personas.length],
    difficulty,
  }));
}

/** Plays `games` games per scenario with the personas rotated through the seats. */
export function coalitionTournament(options: CoalitionTournamentOptions): CoalitionTournamentResult {
  const personas = options.personas ?? PERSONA_NAMES;
  const difficulty = options.difficulty ?? 'normal';
  const total = options.scenarios.length * options.games;
  const overall = new Map<PersonaName, Tally>();
  const scenarios: ScenarioStats[] = [];
  let done = 0;
  for (const scenario of options.scenarios) {
    const tallies = new Map<PersonaName, Tally>();
    let efficiency = 0;
    for (let game = 0; game < options.games; game++) {
      const seats = rotation(personas, scenario.roles.length, game, difficulty);
      const result = simulate(scenario, seats, options.seed + game);
      efficiency += tallyGame(scenario, result, (s) => (seats[s] as { persona: PersonaName }).persona, tallies);
      done++;
      options.onProgress?.(done, total);
    }
    for (const [persona, t] of tallies) {
      const o = overall.get(persona) ?? emptyTally();
      for (const key of Object.keys(t) as (keyof Tally)[]) o[key] += t[key];
      overall.set(persona, o);
    }
    scenarios.push({
      scenario: scenario.id,
      games: options.games,
      meanEfficiency: efficiency / options.games,
      personas: [...tallies].map(([p, t]) => toStats(p, t)).sort((a, b) => b.meanMutualGain - a.meanMutualGain),
    });
  }
  const ranking = [...overall].map(([p, t]) => toStats(p, t)).sort((a, b) => b.meanMutualGain - a.meanMutualGain);
  return { scenarios, ranking };
}

/** Mean joint gain of a table where every seat plays the personas given, over seeds. */
export function tableJointGain(
  scenario: Scenario,
  personas: readonly PersonaName[],
  games: number,
  seed: number,
  difficulty: Difficulty = 'normal',
): number {
  let sum = 0;
  for (let game = 0; game < games; game++) {
    const result = simulate(scenario, rotation(personas, scenario.roles.length, game, difficulty), seed + game);
    sum += scoreGame(result.state).jointGain;
  }
  return sum / games;
}
