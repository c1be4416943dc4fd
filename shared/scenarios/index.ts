// The six scenarios that ship with the game (DESIGN 7), imported statically so the client bundle,
// the server and the tests all see the same data, and validated at import: a broken shipped file
// fails loudly with every problem listed, instead of surfacing as a strange game later.
import type { Scenario } from '../engine/types';
import { assertScenario } from './schema';
import harbourDevelopment from '../../assets/scenarios/harbour-development.json' with { type: 'json' };
import warehouseWorkers from '../../assets/scenarios/warehouse-workers.json' with { type: 'json' };
import climateSummit from '../../assets/scenarios/climate-summit.json' with { type: 'json' };
import mergerIntegration from '../../assets/scenarios/merger-integration.json' with { type: 'json' };
import platformDrivers from '../../assets/scenarios/platform-drivers.json' with { type: 'json' };
import riverDam from '../../assets/scenarios/river-dam.json' with { type: 'json' };

export { parseScenario, formatProblems, assertScenario, ScenarioError } from './schema';
export type { ScenarioProblem, ParseScenarioResult } from './schema';

/** Ids of the built-in scenarios, in the order of DESIGN 7 (also their file names under assets/scenarios). */
export const SCENARIO_IDS = [
  'harbour-development',
  'warehouse-workers',
  'climate-summit',
  'merger-integration',
  'platform-drivers',
  'river-dam',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

const FILES: Record<ScenarioId, unknown> = {
  'harbour-development': harbourDevelopment,
  'warehouse-workers': warehouseWorkers,
  'climate-summit': climateSummit,
  'merger-integration': mergerIntegration,
  'platform-drivers': platformDrivers,
  'river-dam': riverDam,
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function load(id: ScenarioId): Scenario {
  const scenario = assertScenario(FILES[id], `assets/scenarios/${id}.json`);
  if (scenario.id !== id) {
    throw new Error(`assets/scenarios/${id}.json: id is "${scenario.id}" but must match the file name ("${id}").`);
  }
  // Shared by every table in a process: frozen, so no game can change another's scenario.
  return deepFreeze(scenario);
}

/** The built-in scenarios, validated and frozen, in the order of SCENARIO_IDS. */
export const builtInScenarios: Scenario[] = SCENARIO_IDS.map(load);

const BY_ID = new Map<string, Scenario>(builtInScenarios.map((s) => [s.id, s]));

/** A built-in scenario by id, or undefined if there is none with that id. */
export function scenarioById(id: string): Scenario | undefined {
  return BY_ID.get(id);
}

/** Whether a string is the id of a built-in scenario. */
export function isScenarioId(id: string): id is ScenarioId {
  return BY_ID.has(id);
}
