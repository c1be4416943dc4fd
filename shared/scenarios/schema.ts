// The scenario file format (DESIGN 1 and 7): a zod schema for the shape of each field, plus the
// checks that need several fields at once (ids that must match, the quota against the total
// power, the payoffs of a prisoner's dilemma). A facilitator who loads a broken file gets EVERY
// problem at once, each as a path and a plain sentence, e.g.
//   roles[2].power: must be a positive integer
//   quota: must be more than half of the total power (62)
// Pure: no file system, no clock, no randomness; inputs are never mutated.
import { z } from 'zod';
import { DEFAULT_CONTINUE } from '../engine/setup';
import type { Scenario } from '../engine/types';

/** The largest chance a scenario's cap on rounds may have of being reached (DESIGN 2: rarely). */
export const MAX_CAP_CHANCE = 0.1;

/** One thing wrong with a scenario file: where (`roles[2].power`) and what, as a sentence. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Sizes and lengths a scenario must respect (DESIGN 1). */
export const SCENARIO_LIMITS = {
  roles: { min: 3, max: 8 },
  issues: { min: 2, max: 4 },
  options: { min: 2, max: 4 },
  idLength: 40,
  nameLength: 80,
  summaryLength: 600,
  briefingLength: 4000,
  debriefLength: 8000,
  /** Largest voting weight of one role (keeps the power map's tables small). */
  maxPower: 1000,
  /** Largest size of a value, walk-away, prize or cost, in points. */
  maxPoints: 100_000,
  maxRounds: 100,
  /** Longest phase: 30 days, for a class played between meetings. */
  maxDurationSeconds: 30 * 24 * 3600,
} as const;

const L = SCENARIO_LIMITS;

// ---------------------------------------------------------------------------
// Messages. Every schema element carries its own sentence; a field that is absent says so.

type IssueLike = { input?: unknown };

function say(text: string): { error: (issue: IssueLike) => string } {
  return { error: (issue) => (issue.input === undefined ? 'is missing' : text) };
}

function countOf(issue: IssueLike): number {
  return Array.isArray(issue.input) ? issue.input.length : 0;
}

// ---------------------------------------------------------------------------
// Field schemas

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const ID_SENTENCE = `must be 1–${L.idLength} lowercase letters, digits, hyphens or underscores, starting with a letter or digit (e.g. "harbour-development")`;

const idSchema = z.string(say(ID_SENTENCE)).max(L.idLength, say(ID_SENTENCE)).regex(ID_PATTERN, say(ID_SENTENCE));

function text(what: string, max: number) {
  return z
    .string(say(`must be ${what} (text)`))
    .max(max, {
      error: (issue) => `is too long: at most ${max} characters, it has ${String((issue.input as string).length)}`,
    })
    .refine((s) => s.trim().length > 0, say('must not be empty'));
}

/** A finite number of points within ±maxPoints. */
function points(sentence: string) {
  return z
    .number(say(sentence))
    .min(-L.maxPoints, say(`must be at least -${L.maxPoints}`))
    .max(L.maxPoints, say(`must be at most ${L.maxPoints}`));
}

function nonNegative(sentence = 'must be a number of zero or more') {
  return z
    .number(say(sentence))
    .min(0, say(sentence))
    .max(L.maxPoints, say(`must be at most ${L.maxPoints}`));
}

function fraction(sentence = 'must be a number between 0 and 1') {
  return z.number(say(sentence)).min(0, say(sentence)).max(1, say(sentence));
}

function positive(sentence = 'must be a number greater than zero', max: number = L.maxPoints) {
  return z
    .number(say(sentence))
    .positive(say(sentence))
    .max(max, say(`must be at most ${max}`));
}

const optionSchema = z.strictObject(
  {
    id: idSchema,
    name: text('the option name shown to players', L.nameLength),
  },
  say('must be an object with an id and a name'),
);

const issueSchema = z.strictObject(
  {
    id: idSchema,
    name: text('the issue name shown to players', L.nameLength),
    options: z
      .array(optionSchema, say('must be a list of options'))
      .min(L.options.min, {
        error: (i) => `must have between ${L.options.min} and ${L.options.max} options (it has ${countOf(i)})`,
      })
      .max(L.options.max, {
        error: (i) => `must have between ${L.options.min} and ${L.options.max} options (it has ${countOf(i)})`,
      }),
  },
  say('must be an object with an id, a name and options'),
);

const valuesSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    points('must be a number (points per round for this option)'),
    say('must be an object giving a value for each option of the issue'),
  ),
  say('must be an object: values[issueId][optionId] = points per round'),
);

const roleSchema = z.strictObject(
  {
    id: idSchema,
    name: text('the role name shown to players', L.nameLength),
    power: z
      .number(say('must be a positive integer'))
      .int(say('must be a positive integer'))
      .positive(say('must be a positive integer'))
      .max(L.maxPower, say(`must be at most ${L.maxPower}`)),
    walkAway: nonNegative('must be a number of zero or more (points per round outside the winning deal)'),
    veto: z.boolean(say('must be true or false')).optional().default(false),
    briefing: text('the private briefing', L.briefingLength),
    values: valuesSchema,
  },
  say('must be an object describing a role'),
);

const roundsSchema = z.strictObject(
  {
    min: z
      .number(say('must be a whole number of at least 1'))
      .int(say('must be a whole number of at least 1'))
      .min(1, say('must be a whole number of at least 1'))
      .max(L.maxRounds, say(`must be at most ${L.maxRounds}`)),
    max: z
      .number(say('must be a whole number of at least 1'))
      .int(say('must be a whole number of at least 1'))
      .min(1, say('must be a whole number of at least 1'))
      .max(L.maxRounds, say(`must be at most ${L.maxRounds}`)),
    continue: z
      .number(say('must be a chance between 0 and 0.95 that each round after the minimum is followed by another'))
      .min(0, say('must be a chance between 0 and 0.95 that each round after the minimum is followed by another'))
      .max(0.95, say('must be a chance between 0 and 0.95 that each round after the minimum is followed by another'))
      .optional(),
  },
  say(
    'must be an object { min, continue, max }: at least min rounds, then each further round with chance continue, never more than max',
  ),
);

const payoffsSchema = z.strictObject(
  {
    T: points('must be a number (temptation: defect on a partner who honours)'),
    R: points('must be a number (reward: both honour)'),
    P: points('must be a number (punishment: both defect)'),
    S: points("must be a number (sucker's payoff: honour a partner who defects)"),
  },
  say('must be an object { T, R, P, S }'),
);

const trustSchema = z.strictObject(
  {
    stake: positive(),
    payoffs: payoffsSchema,
  },
  say('must be an object { stake, payoffs }'),
);

const STAGE_COST_SENTENCE = 'must be a list of four costs of zero or more: [public, mobilise, complaint, action]';

const escalationSchema = z.strictObject(
  {
    stageCost: z.tuple([nonNegative(), nonNegative(), nonNegative(), nonNegative()], say(STAGE_COST_SENTENCE)),
    cosignCost: nonNegative(),
    mobiliseDrop: fraction(),
    complaintDrop: fraction(),
    complaintIncomeCut: fraction().optional(),
    actionTargetLoss: nonNegative(),
    actionEscalatorLoss: nonNegative(),
  },
  say('must be an object with the escalation numbers'),
);

const reputationSchema = z.strictObject(
  {
    start: z
      .number(say('must be a number between 0 and 100'))
      .min(0, say('must be a number between 0 and 100'))
      .max(100, say('must be a number between 0 and 100')),
    answer: nonNegative(),
    labelledPerCostShare: nonNegative(),
    labelledMax: nonNegative(),
    silentFactor: fraction(),
    honour: nonNegative(),
    defectOnHonour: nonNegative(),
    ignoreDemand: nonNegative(),
    refuseDemand: nonNegative(),
    demandMet: nonNegative(),
    breakDeclaration: nonNegative(),
  },
  say('must be an object with the reputation numbers'),
);

const durationsSchema = z.strictObject(
  {
    negotiate: positive('must be a number of seconds greater than zero', L.maxDurationSeconds),
    trust: positive('must be a number of seconds greater than zero', L.maxDurationSeconds),
  },
  say('must be an object { negotiate, trust } in seconds'),
);

/** The shape of a scenario file, field by field. Cross-field rules live in `parseScenario`. */
export const scenarioSchema = z.strictObject(
  {
    id: idSchema,
    name: text('the scenario name', L.nameLength),
    summary: text('a short summary', L.summaryLength),
    roles: z
      .array(roleSchema, say('must be a list of roles'))
      .min(L.roles.min, {
        error: (i) => `must have between ${L.roles.min} and ${L.roles.max} roles (it has ${countOf(i)})`,
      })
      .max(L.roles.max, {
        error: (i) => `must have between ${L.roles.min} and ${L.roles.max} roles (it has ${countOf(i)})`,
      }),
    issues: z
      .array(issueSchema, say('must be a list of issues'))
      .min(L.issues.min, {
        error: (i) => `must have between ${L.issues.min} and ${L.issues.max} issues (it has ${countOf(i)})`,
      })
      .max(L.issues.max, {
        error: (i) => `must have between ${L.issues.min} and ${L.issues.max} issues (it has ${countOf(i)})`,
      }),
    quota: positive('must be a number greater than zero (the power a winning deal needs)'),
    prize: positive('must be a number greater than zero (points a winning deal splits each round)'),
    rounds: roundsSchema,
    trust: trustSchema,
    escalation: escalationSchema,
    reputation: reputationSchema,
    lambda: z
      .number(say('must be a number between 0 and 10'))
      .min(0, say('must be a number between 0 and 10'))
      .max(10, say('must be a number between 0 and 10'))
      .optional(),
    durations: durationsSchema,
    debrief: text('the debrief text', L.debriefLength),
  },
  say('must be an object with the fields of a scenario'),
);

/** What a scenario file may contain (`veto` optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

// The parsed shape must be exactly the engine's Scenario; this fails to compile if they drift.
type Parsed = z.output<typeof scenarioSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const parsedIsScenario: Same<Parsed, Scenario> = true;
void parsedIsScenario;

// Known fields of each object, for "did you mean" hints on typos.
const KNOWN_FIELDS: Record<string, readonly string[]> = {
  '': Object.keys(scenarioSchema.shape),
  'roles.*': Object.keys(roleSchema.shape),
  'issues.*': Object.keys(issueSchema.shape),
  'issues.*.options.*': Object.keys(optionSchema.shape),
  rounds: Object.keys(roundsSchema.shape),
  trust: Object.keys(trustSchema.shape),
  'trust.payoffs': Object.keys(payoffsSchema.shape),
  escalation: Object.keys(escalationSchema.shape),
  reputation: Object.keys(reputationSchema.shape),
  durations: Object.keys(durationsSchema.shape),
};

// ---------------------------------------------------------------------------
// Paths and sentences

type Segment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** ['roles', 2, 'values', 'jobs'] → "roles[2].values.jobs". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      if (PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The known name closest to a typo, if it is close enough to be a likely intent. */
function closest(typo: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === typo.toLowerCase() ? 0 : editDistance(typo, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(typo.length / 3)) ? best : null;
}

function unknownFieldSentence(objectPath: readonly PropertyKey[], key: string): string {
  const pattern = objectPath.map((s) => (typeof s === 'number' ? '*' : String(s))).join('.');
  const known = KNOWN_FIELDS[pattern] ?? [];
  const hint = closest(key, known);
  return hint ? `is not a known field — did you mean "${hint}"?` : 'is not a known field — check the spelling';
}

function fromZod(error: z.ZodError): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...issue.path, key]), message: unknownFieldSentence(issue.path, key) });
      }
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Cross-field checks. They read the raw input defensively, so they run (and report) even when
// other parts of the file are broken; anything malformed is left to the schema's own sentence.

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function listOf(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

function idOf(x: unknown): string | null {
  return isRecord(x) && typeof x.id === 'string' ? x.id : null;
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function crossChecks(input: Record<string, unknown>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: Segment[], message: string) => problems.push({ path: formatPath(path), message });

  // Duplicate ids.
  const duplicates = (items: unknown[], base: Segment[], scope: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const id = idOf(item);
      if (id === null) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else
        add(
          [...base, i, 'id'],
          `"${id}" is already the id of ${formatPath([...base, first])} — ids must be unique${scope}`,
        );
    });
  };
  const roles = listOf(input.roles);
  const issues = listOf(input.issues);
  duplicates(roles, ['roles'], '');
  duplicates(issues, ['issues'], '');
  issues.forEach((issue, i) => {
    if (isRecord(issue)) duplicates(listOf(issue.options), ['issues', i, 'options'], ' within an issue');
  });

  // Every role values every option of every issue, and nothing else. Only checked when the
  // issues are readable, so a broken issue list is not also reported as a hundred value problems.
  const issueIds: { id: string; options: string[] }[] = [];
  let issuesReadable = Array.isArray(input.issues);
  for (const issue of issues) {
    const id = idOf(issue);
    if (id === null || !isRecord(issue) || !Array.isArray(issue.options)) {
      issuesReadable = false;
      break;
    }
    const options = issue.options.map(idOf);
    if (options.some((o) => o === null)) {
      issuesReadable = false;
      break;
    }
    issueIds.push({ id, options: options as string[] });
  }
  if (issuesReadable) {
    const known = new Set(issueIds.map((i) => i.id));
    roles.forEach((role, r) => {
      if (!isRecord(role) || !isRecord(role.values)) return;
      const values = role.values;
      for (const key of Object.keys(values)) {
        if (!known.has(key)) {
          add(
            ['roles', r, 'values', key],
            `is not an issue of this scenario (the issues are: ${issueIds.map((i) => i.id).join(', ')})`,
          );
        }
      }
      for (const issue of issueIds) {
        if (!Object.hasOwn(values, issue.id)) {
          add(
            ['roles', r, 'values', issue.id],
            'is missing — every role needs a value for every option of every issue',
          );
          continue;
        }
        const byOption = values[issue.id];
        if (!isRecord(byOption)) continue;
        const options = new Set(issue.options);
        for (const key of Object.keys(byOption)) {
          if (!options.has(key)) {
            add(
              ['roles', r, 'values', issue.id, key],
              `is not an option of issue "${issue.id}" (the options are: ${issue.options.join(', ')})`,
            );
          }
        }
        for (const option of issue.options) {
          if (!Object.hasOwn(byOption, option)) {
            add(['roles', r, 'values', issue.id, option], 'is missing — every role needs a value for every option');
          }
        }
      }
    });
  }

  // The quota against the total power (only when every power is readable).
  const powers = roles.map((role) => (isRecord(role) ? role.power : undefined));
  if (
    roles.length > 0 &&
    powers.every((p) => isNumber(p) && Number.isInteger(p) && p > 0) &&
    isNumber(input.quota) &&
    input.quota > 0
  ) {
    const total = (powers as number[]).reduce((a, b) => a + b, 0);
    if (!(input.quota > total / 2)) {
      add(['quota'], `must be more than half of the total power (${fmt(total / 2)})`);
    }
    if (input.quota > total) {
      add(['quota'], `must not be more than the total power (${fmt(total)}), or no deal could ever win`);
    }
  }

  // Rounds.
  const rounds = input.rounds;
  if (isRecord(rounds) && isNumber(rounds.min) && isNumber(rounds.max) && rounds.min > rounds.max) {
    add(['rounds', 'min'], `must not be more than rounds.max (${fmt(rounds.max)})`);
  }
  // A cap that games often reach tells players which round is the last (DESIGN 2): keep it rare.
  if (isRecord(rounds) && isNumber(rounds.min) && isNumber(rounds.max) && rounds.min <= rounds.max) {
    const p =
      isNumber(rounds.continue) && rounds.continue >= 0 && rounds.continue <= 0.95 ? rounds.continue : DEFAULT_CONTINUE;
    const reach = p ** (rounds.max - rounds.min);
    if (reach > MAX_CAP_CHANCE) {
      add(
        ['rounds', 'max'],
        `is reached in ${Math.round(reach * 100)}% of games, so players could learn which round is the last; raise it so at most ${Math.round(MAX_CAP_CHANCE * 100)}% reach it (with continue ${fmt(p)} and min ${fmt(rounds.min)}, at least ${fmt(rounds.min + Math.ceil(Math.log(MAX_CAP_CHANCE) / Math.log(p || 0.5)))})`,
      );
    }
  }

  // The trust stage must be a prisoner's dilemma.
  const payoffs = isRecord(input.trust) ? input.trust.payoffs : undefined;
  if (isRecord(payoffs) && isNumber(payoffs.T) && isNumber(payoffs.R) && isNumber(payoffs.P) && isNumber(payoffs.S)) {
    const { T, R, P, S } = payoffs;
    if (!(T > R && R > P && P > S)) {
      add(
        ['trust', 'payoffs'],
        `must form a prisoner's dilemma, with T > R > P > S (here T ${fmt(T)}, R ${fmt(R)}, P ${fmt(P)}, S ${fmt(S)})`,
      );
    }
    if (!(2 * R > T + S)) {
      add(
        ['trust', 'payoffs'],
        `must make honouring each other pay more than taking turns to defect, 2R > T + S (here 2R = ${fmt(2 * R)}, T + S = ${fmt(T + S)})`,
      );
    }
  }

  // A public refusal costs less reputation than ignoring a demand (DESIGN 2.1, stage 1).
  const rep = input.reputation;
  if (
    isRecord(rep) &&
    isNumber(rep.refuseDemand) &&
    isNumber(rep.ignoreDemand) &&
    rep.refuseDemand > rep.ignoreDemand
  ) {
    add(
      ['reputation', 'refuseDemand'],
      `must not be more than reputation.ignoreDemand (${fmt(rep.ignoreDemand)}): refusing a demand in public costs less than ignoring it`,
    );
  }

  return problems;
}

// ---------------------------------------------------------------------------
// Public API

const TOP_LEVEL_ORDER = Object.keys(scenarioSchema.shape);

/** Problems grouped by field in the file's order (a stable sort keeps each group's own order). */
function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  const key = (p: ScenarioProblem): [number, number] => {
    const m = /^([A-Za-z_$][A-Za-z0-9_$-]*)(?:\[(\d+)\])?/.exec(p.path);
    const top = m ? TOP_LEVEL_ORDER.indexOf(m[1]) : -1;
    return [
      top === -1 ? (p.path === '' ? -1 : TOP_LEVEL_ORDER.length) : top,
      m && m[2] !== undefined ? Number(m[2]) : -1,
    ];
  };
  return problems
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.p);
}

function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Validates a scenario file (already parsed from JSON). Returns the scenario with defaults
 * filled in (`veto: false`), or every problem found, each with a path and a sentence.
 */
export function parseScenario(input: unknown): ParseScenarioResult {
  if (!isRecord(input)) {
    return {
      ok: false,
      problems: [
        { path: '', message: 'must be an object with the fields of a scenario (a JSON object, not a list or a value)' },
      ],
    };
  }
  const result = scenarioSchema.safeParse(input);
  const problems = dedupe(sortProblems([...(result.success ? [] : fromZod(result.error)), ...crossChecks(input)]));
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, scenario: result.data };
}

/** One problem per line: `roles[2].power: must be a positive integer`. */
export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.path === '' ? '(scenario)' : p.path}: ${p.message}`).join('\n');
}

/** Thrown when a scenario that must be valid (a shipped file, a facilitator's upload) is not. */
export class ScenarioError extends Error {
  readonly problems: readonly ScenarioProblem[];

  constructor(message: string, problems: readonly ScenarioProblem[]) {
    super(`${message}\n${formatProblems(problems)}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** Like `parseScenario`, but throws a `ScenarioError` listing every problem. */
export function assertScenario(input: unknown, source = 'The scenario'): Scenario {
  const result = parseScenario(input);
  if (!result.ok) {
    const n = result.problems.length;
    throw new ScenarioError(`${source} has ${n} problem${n === 1 ? '' : 's'}:`, result.problems);
  }
  return result.scenario;
}
