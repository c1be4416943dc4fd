// Everything the studio shows about a draft while it is edited, from the code the server uses:
// the validation problems (shared/scenarios/schema.ts), the power map (shared/engine/power.ts)
// and the teaching numbers of DESIGN 7 (./teaching.ts). The power map is drawn as soon as the
// roles and the quota are readable, even while other fields still have problems. Pure.
import { powerMap, type PowerMap, type WeightedGame } from '../engine/power';
import type { Scenario } from '../engine/types';
import { parseScenario, SCENARIO_LIMITS, type ScenarioProblem } from '../scenarios/schema';
import { gameOf, teachingChecks, type TeachingCheck } from './teaching';

/** The largest scenario file the studio and the server take, in characters of JSON. */
export const MAX_SCENARIO_CHARS = 100_000;
/** Minimal winning coalitions listed at most (a table of 8 seats has at most 70). */
export const MAX_COALITIONS = 80;

export interface PowerRow {
  name: string;
  power: number;
  /** Share of the total weight, 0–1. */
  weight: number;
  shapleyShubik: number;
  banzhaf: number;
  veto: boolean;
}

export interface PowerReport {
  rows: PowerRow[];
  quota: number;
  total: number;
  /** Each minimal winning coalition as role names. */
  minimalWinning: string[][];
  truncated: boolean;
}

export interface StudioReport {
  problems: ScenarioProblem[];
  /** The validated scenario, when there are no problems. */
  scenario: Scenario | null;
  power: PowerReport | null;
  /** DESIGN 7's numbers, for a valid scenario only. */
  teaching: TeachingCheck[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Roles, powers and quota as far as they are readable, for a power map of a draft with problems elsewhere. */
function readableGame(input: unknown): { game: WeightedGame; names: string[] } | null {
  if (!isRecord(input) || !Array.isArray(input.roles)) return null;
  const roles = input.roles as unknown[];
  if (roles.length < 1 || roles.length > SCENARIO_LIMITS.roles.max) return null;
  const weights: number[] = [];
  const names: string[] = [];
  const veto: number[] = [];
  for (const [i, r] of roles.entries()) {
    if (!isRecord(r)) return null;
    const p = r.power;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > SCENARIO_LIMITS.maxPower) return null;
    weights.push(p);
    names.push(typeof r.name === 'string' && r.name.trim() ? r.name : `Role ${i + 1}`);
    if (r.veto === true) veto.push(i);
  }
  const q = input.quota;
  const total = weights.reduce((a, b) => a + b, 0);
  if (typeof q !== 'number' || !Number.isFinite(q) || q <= 0 || q > total) return null;
  return { game: { weights, quota: q, veto }, names };
}

function report(game: WeightedGame, names: string[], map: PowerMap): PowerReport {
  const total = game.weights.reduce((a, b) => a + b, 0);
  const veto = new Set(game.veto ?? []);
  return {
    rows: game.weights.map((w, i) => ({
      name: names[i],
      power: w,
      weight: w / total,
      shapleyShubik: map.shapleyShubik[i],
      banzhaf: map.banzhaf[i],
      veto: veto.has(i),
    })),
    quota: game.quota,
    total,
    minimalWinning: map.minimalWinning.map((c) => c.map((i) => names[i])),
    truncated: map.minimalWinningTruncated,
  };
}

/** The studio's checks of a draft (already parsed from JSON). */
export function studioReport(input: unknown): StudioReport {
  const parsed = parseScenario(input);
  if (parsed.ok) {
    const s = parsed.scenario;
    const game = gameOf(s);
    const map = powerMap(game, MAX_COALITIONS);
    return {
      problems: [],
      scenario: s,
      power: report(
        game,
        s.roles.map((r) => r.name),
        map,
      ),
      teaching: teachingChecks(s, map),
    };
  }
  const readable = readableGame(input);
  let power: PowerReport | null = null;
  if (readable) {
    try {
      power = report(readable.game, readable.names, powerMap(readable.game, MAX_COALITIONS));
    } catch {
      power = null;
    }
  }
  return { problems: parsed.problems, scenario: null, power, teaching: [] };
}

/** Deepest nesting a scenario file may have (a scenario itself is 5 deep: roles[].values.issue.option). */
export const MAX_NESTING = 12;

/** Whether a parsed value nests deeper than `max` objects and lists; iterative, so any depth is safe. */
export function nestsTooDeep(value: unknown, max = MAX_NESTING): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(x)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The problem of a file or a save nested too deeply: the studio and the server say the same. */
export const TOO_DEEP: ScenarioProblem = {
  path: '',
  message: `nests too deeply: a scenario file has at most ${MAX_NESTING} levels`,
};

/** A file's text as a draft, or every reason it cannot be one (never throws). */
export function readScenarioText(
  text: string,
): { ok: true; draft: unknown } | { ok: false; problems: ScenarioProblem[] } {
  if (text.length > MAX_SCENARIO_CHARS)
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `is too large: at most ${MAX_SCENARIO_CHARS.toLocaleString('en')} characters, this file has ${text.length.toLocaleString('en')}`,
        },
      ],
    };
  try {
    const draft = JSON.parse(text) as unknown;
    if (nestsTooDeep(draft)) return { ok: false, problems: [TOO_DEEP] };
    return { ok: true, draft };
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `is not valid JSON (${(e as Error).message})` }] };
  }
}
