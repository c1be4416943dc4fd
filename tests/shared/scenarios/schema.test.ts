import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInScenarios, isScenarioId, SCENARIO_IDS, scenarioById } from '../../../shared/scenarios';
import {
  assertScenario,
  formatPath,
  formatProblems,
  parseScenario,
  ScenarioError,
  type ScenarioProblem,
} from '../../../shared/scenarios/schema';
import { smallScenario } from '../fixtures';

const DIR = fileURLToPath(new URL('../../../assets/scenarios', import.meta.url));

function readFile(id: string): unknown {
  return JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8'));
}

/** A fresh, mutable copy of the harbour file (5 roles, 4 issues, total power 100, quota 51). */
function harbour(): any {
  return readFile('harbour-development');
}

function problemsOf(input: unknown): ScenarioProblem[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.problems;
}

describe('shipped scenarios', () => {
  it('ships exactly the six files of DESIGN 7', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...SCENARIO_IDS].sort());
    expect(builtInScenarios.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
  });

  it.each(SCENARIO_IDS.map((id) => [id]))('%s parses without problems', (id) => {
    const result = parseScenario(readFile(id));
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.scenario.id).toBe(id);
    expect(result.scenario).toEqual(scenarioById(id));
  });

  it('fills in veto: false where a file leaves it out and keeps an explicit veto', () => {
    const raw = readFile('warehouse-workers') as { roles: { veto?: boolean }[] };
    expect(raw.roles[1].veto).toBeUndefined();
    const s = scenarioById('warehouse-workers')!;
    expect(s.roles.map((r) => r.veto)).toEqual([true, false, false, false, false, false]);
  });

  it('looks scenarios up by id', () => {
    expect(scenarioById('river-dam')?.name).toBe('River Dam');
    expect(scenarioById('no-such-scenario')).toBeUndefined();
    expect(isScenarioId('climate-summit')).toBe(true);
    expect(isScenarioId('Climate-Summit')).toBe(false);
  });

  it('freezes the shared built-in scenarios so no table can change another', () => {
    const s = scenarioById('harbour-development')!;
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.roles[0].values.jobs)).toBe(true);
    expect(() => {
      (s.roles[0] as { power: number }).power = 99;
    }).toThrow();
  });

  it('accepts the hand-made test fixture (short texts, explicit veto flags)', () => {
    const result = parseScenario(smallScenario());
    expect(result.ok).toBe(true);
  });

  it('does not mutate its input and returns a new object', () => {
    const raw = harbour();
    const before = JSON.stringify(raw);
    const result = parseScenario(raw);
    expect(JSON.stringify(raw)).toBe(before);
    expect(result.ok).toBe(true);
    const parsed = (result as Extract<typeof result, { ok: true }>).scenario;
    expect(parsed).not.toBe(raw);
    expect(parsed.roles).not.toBe(raw.roles);
    expect(parsed.name).toBe(raw.name);
  });
});

type Case = [
  /** what is broken */ string,
  /** breaks a fresh harbour file */ (s: any) => void,
  /** the problem it must report */ ScenarioProblem,
  /** whether it must be the only problem */ boolean,
];

const ID_SENTENCE =
  'must be 1–40 lowercase letters, digits, hyphens or underscores, starting with a letter or digit (e.g. "harbour-development")';

const cases: Case[] = [
  [
    'a negative power',
    (s) => (s.roles[2].power = -3),
    { path: 'roles[2].power', message: 'must be a positive integer' },
    true,
  ],
  [
    'a fractional power',
    (s) => (s.roles[2].power = 2.5),
    { path: 'roles[2].power', message: 'must be a positive integer' },
    true,
  ],
  [
    'a power given as text',
    (s) => (s.roles[2].power = '18'),
    { path: 'roles[2].power', message: 'must be a positive integer' },
    true,
  ],
  [
    'a zero power',
    (s) => (s.roles[4].power = 0),
    { path: 'roles[4].power', message: 'must be a positive integer' },
    true,
  ],
  ['a missing power', (s) => delete s.roles[0].power, { path: 'roles[0].power', message: 'is missing' }, true],
  [
    'a quota of exactly half the power',
    (s) => (s.quota = 50),
    { path: 'quota', message: 'must be more than half of the total power (50)' },
    true,
  ],
  [
    'a quota below half of a larger total',
    (s) => (s.roles[0].power = 59),
    { path: 'quota', message: 'must be more than half of the total power (62)' },
    true,
  ],
  [
    'a quota below half of an odd total',
    (s) => (s.roles[0].power = 38),
    { path: 'quota', message: 'must be more than half of the total power (51.5)' },
    true,
  ],
  [
    'a quota above the total power',
    (s) => (s.quota = 101),
    { path: 'quota', message: 'must not be more than the total power (100), or no deal could ever win' },
    true,
  ],
  [
    'a zero quota',
    (s) => (s.quota = 0),
    { path: 'quota', message: 'must be a number greater than zero (the power a winning deal needs)' },
    true,
  ],
  [
    'a missing option value',
    (s) => delete s.roles[1].values.jobs.union,
    { path: 'roles[1].values.jobs.union', message: 'is missing — every role needs a value for every option' },
    true,
  ],
  [
    'a missing issue in the values',
    (s) => delete s.roles[1].values.review,
    {
      path: 'roles[1].values.review',
      message: 'is missing — every role needs a value for every option of every issue',
    },
    true,
  ],
  [
    'an unknown issue in the values',
    (s) => (s.roles[0].values.jobz = { none: 1 }),
    {
      path: 'roles[0].values.jobz',
      message: 'is not an issue of this scenario (the issues are: jobs, housing, review, waterfront)',
    },
    true,
  ],
  [
    'an unknown option in the values',
    (s) => (s.roles[0].values.jobs.unoin = 3),
    {
      path: 'roles[0].values.jobs.unoin',
      message: 'is not an option of issue "jobs" (the options are: none, local, union)',
    },
    true,
  ],
  [
    'a value given as text',
    (s) => (s.roles[3].values.housing['affordable-35'] = '22'),
    { path: 'roles[3].values.housing.affordable-35', message: 'must be a number (points per round for this option)' },
    true,
  ],
  [
    'values for an issue given as a number',
    (s) => (s.roles[4].values.waterfront = 5),
    { path: 'roles[4].values.waterfront', message: 'must be an object giving a value for each option of the issue' },
    true,
  ],
  [
    'a duplicate role id',
    (s) => (s.roles[3].id = 'dockworkers'),
    { path: 'roles[3].id', message: '"dockworkers" is already the id of roles[1] — ids must be unique' },
    true,
  ],
  [
    'a duplicate issue id',
    (s) => (s.issues[2].id = 'jobs'),
    { path: 'issues[2].id', message: '"jobs" is already the id of issues[0] — ids must be unique' },
    false,
  ],
  [
    'a duplicate option id',
    (s) => (s.issues[0].options[2].id = 'none'),
    {
      path: 'issues[0].options[2].id',
      message: '"none" is already the id of issues[0].options[0] — ids must be unique within an issue',
    },
    false,
  ],
  ['a badly formed scenario id', (s) => (s.id = 'Harbour Development'), { path: 'id', message: ID_SENTENCE }, true],
  [
    'a badly formed role id',
    (s) => (s.roles[2].id = 'the traders'),
    { path: 'roles[2].id', message: ID_SENTENCE },
    true,
  ],
  [
    'two roles',
    (s) => (s.roles = s.roles.slice(0, 2)),
    { path: 'roles', message: 'must have between 3 and 8 roles (it has 2)' },
    false,
  ],
  [
    'nine roles',
    (s) => {
      for (let i = 0; i < 4; i++) s.roles.push({ ...structuredClone(s.roles[4]), id: `extra-${i}` });
    },
    { path: 'roles', message: 'must have between 3 and 8 roles (it has 9)' },
    false,
  ],
  [
    'one issue',
    (s) => (s.issues = s.issues.slice(0, 1)),
    { path: 'issues', message: 'must have between 2 and 4 issues (it has 1)' },
    false,
  ],
  [
    'five issues',
    (s) => s.issues.push({ ...structuredClone(s.issues[3]), id: 'parking' }),
    { path: 'issues', message: 'must have between 2 and 4 issues (it has 5)' },
    false,
  ],
  [
    'an issue with one option',
    (s) => s.issues[3].options.pop(),
    { path: 'issues[3].options', message: 'must have between 2 and 4 options (it has 1)' },
    false,
  ],
  [
    'an issue with five options',
    (s) => s.issues[0].options.push({ id: 'a', name: 'A' }, { id: 'b', name: 'B' }),
    { path: 'issues[0].options', message: 'must have between 2 and 4 options (it has 5)' },
    false,
  ],
  ['roles that are not a list', (s) => (s.roles = {}), { path: 'roles', message: 'must be a list of roles' }, true],
  [
    'a role that is not an object',
    (s) => (s.roles[2] = 'traders'),
    { path: 'roles[2]', message: 'must be an object describing a role' },
    true,
  ],
  [
    'an option without a name',
    (s) => delete s.issues[1].options[0].name,
    { path: 'issues[1].options[0].name', message: 'is missing' },
    true,
  ],
  [
    'rounds.min above rounds.max',
    (s) => (s.rounds = { min: 9, max: 6 }),
    { path: 'rounds.min', message: 'must not be more than rounds.max (6)' },
    true,
  ],
  [
    'zero rounds',
    (s) => (s.rounds.min = 0),
    { path: 'rounds.min', message: 'must be a whole number of at least 1' },
    true,
  ],
  [
    'payoffs that are not a dilemma (P = R)',
    (s) => (s.trust.payoffs.P = 2),
    { path: 'trust.payoffs', message: "must form a prisoner's dilemma, with T > R > P > S (here T 4, R 2, P 2, S -1)" },
    true,
  ],
  [
    'payoffs where taking turns beats mutual honour',
    (s) => (s.trust.payoffs.T = 6),
    {
      path: 'trust.payoffs',
      message:
        'must make honouring each other pay more than taking turns to defect, 2R > T + S (here 2R = 4, T + S = 5)',
    },
    true,
  ],
  [
    'a cap on rounds that games often reach (the last round would be known)',
    (s) => (s.rounds = { min: 6, continue: 0.8, max: 9 }),
    {
      path: 'rounds.max',
      message:
        'is reached in 51% of games, so players could learn which round is the last; raise it so at most 10% reach it (with continue 0.8 and min 6, at least 17)',
    },
    true,
  ],
  [
    'a fixed length (min = max)',
    (s) => (s.rounds = { min: 8, continue: 0.8, max: 8 }),
    {
      path: 'rounds.max',
      message:
        'is reached in 100% of games, so players could learn which round is the last; raise it so at most 10% reach it (with continue 0.8 and min 8, at least 19)',
    },
    true,
  ],
  [
    'a continuation chance above 0.95',
    (s) => (s.rounds.continue = 1),
    {
      path: 'rounds.continue',
      message: 'must be a chance between 0 and 0.95 that each round after the minimum is followed by another',
    },
    true,
  ],
  [
    'a zero stake',
    (s) => (s.trust.stake = 0),
    { path: 'trust.stake', message: 'must be a number greater than zero' },
    true,
  ],
  [
    'a zero negotiate phase',
    (s) => (s.durations.negotiate = 0),
    { path: 'durations.negotiate', message: 'must be a number of seconds greater than zero' },
    true,
  ],
  [
    'a negative trust phase',
    (s) => (s.durations.trust = -20),
    { path: 'durations.trust', message: 'must be a number of seconds greater than zero' },
    true,
  ],
  [
    'a misspelt top-level field',
    (s) => {
      s.debreif = s.debrief;
      delete s.debrief;
    },
    { path: 'debreif', message: 'is not a known field — did you mean "debrief"?' },
    false,
  ],
  [
    'an unknown top-level field',
    (s) => (s.colour = 'blue'),
    { path: 'colour', message: 'is not a known field — check the spelling' },
    true,
  ],
  [
    'a misspelt role field',
    (s) => {
      s.roles[1].walkaway = s.roles[1].walkAway;
      delete s.roles[1].walkAway;
    },
    { path: 'roles[1].walkaway', message: 'is not a known field — did you mean "walkAway"?' },
    false,
  ],
  ['a missing prize', (s) => delete s.prize, { path: 'prize', message: 'is missing' }, true],
  [
    'a veto that is not a boolean',
    (s) => (s.roles[0].veto = 'yes'),
    { path: 'roles[0].veto', message: 'must be true or false' },
    true,
  ],
  [
    'a negative walk-away',
    (s) => (s.roles[3].walkAway = -1),
    {
      path: 'roles[3].walkAway',
      message: 'must be a number of zero or more (points per round outside the winning deal)',
    },
    true,
  ],
  ['a blank name', (s) => (s.name = '   '), { path: 'name', message: 'must not be empty' }, true],
  [
    'a briefing that is too long',
    (s) => (s.roles[0].briefing = 'x'.repeat(4001)),
    { path: 'roles[0].briefing', message: 'is too long: at most 4000 characters, it has 4001' },
    true,
  ],
  [
    'a debrief that is too long',
    (s) => (s.debrief = 'y'.repeat(8001)),
    { path: 'debrief', message: 'is too long: at most 8000 characters, it has 8001' },
    true,
  ],
  [
    'a drop above 1',
    (s) => (s.escalation.mobiliseDrop = 1.5),
    { path: 'escalation.mobiliseDrop', message: 'must be a number between 0 and 1' },
    true,
  ],
  [
    'three stage costs',
    (s) => (s.escalation.stageCost = [2, 4, 6]),
    {
      path: 'escalation.stageCost',
      message: 'must be a list of four costs of zero or more: [public, mobilise, complaint, action]',
    },
    true,
  ],
  [
    'a negative stage cost',
    (s) => (s.escalation.stageCost[2] = -6),
    { path: 'escalation.stageCost[2]', message: 'must be a number of zero or more' },
    true,
  ],
  [
    'a reputation start above 100',
    (s) => (s.reputation.start = 150),
    { path: 'reputation.start', message: 'must be a number between 0 and 100' },
    true,
  ],
  [
    'a public refusal that costs more than silence',
    (s) => (s.reputation.refuseDemand = 9),
    {
      path: 'reputation.refuseDemand',
      message:
        'must not be more than reputation.ignoreDemand (8): refusing a demand in public costs less than ignoring it',
    },
    true,
  ],
  ['a negative lambda', (s) => (s.lambda = -1), { path: 'lambda', message: 'must be a number between 0 and 10' }, true],
];

describe('broken scenario files', () => {
  it.each(cases)('%s', (_what, breakIt, expected, alone) => {
    const s = harbour();
    breakIt(s);
    const problems = problemsOf(s);
    if (alone) expect(problems).toEqual([expected]);
    else expect(problems).toContainEqual(expected);
  });

  it('reports a veto that is left out as no veto, not as a problem', () => {
    const s = harbour();
    for (const role of s.roles) delete role.veto;
    const result = parseScenario(s);
    expect(result.ok && result.scenario.roles.every((r) => r.veto === false)).toBe(true);
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['a string', 'harbour'],
    ['a number', 42],
  ])('rejects %s as a whole', (_what, input) => {
    const problems = problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('');
    expect(formatProblems(problems)).toMatch(/^\(scenario\): must be an object/);
  });

  it('lists every problem of a file with several at once, in the order of the file', () => {
    const s = harbour();
    s.colour = 'blue';
    s.durations.trust = -5;
    s.trust.payoffs.P = 4;
    s.rounds = { min: 9, continue: 0.8, max: 6 };
    s.quota = 200;
    s.roles[2].name = '';
    delete s.roles[1].values.jobs.union;
    expect(problemsOf(s)).toEqual([
      { path: 'roles[1].values.jobs.union', message: 'is missing — every role needs a value for every option' },
      { path: 'roles[2].name', message: 'must not be empty' },
      { path: 'quota', message: 'must not be more than the total power (100), or no deal could ever win' },
      { path: 'rounds.min', message: 'must not be more than rounds.max (6)' },
      {
        path: 'trust.payoffs',
        message: "must form a prisoner's dilemma, with T > R > P > S (here T 4, R 2, P 4, S -1)",
      },
      { path: 'durations.trust', message: 'must be a number of seconds greater than zero' },
      { path: 'colour', message: 'is not a known field — check the spelling' },
    ]);
  });

  it('reports every missing field of an empty object', () => {
    const paths = problemsOf({}).map((p) => p.path);
    expect(paths).toEqual([
      'id',
      'name',
      'summary',
      'roles',
      'issues',
      'quota',
      'prize',
      'rounds',
      'trust',
      'escalation',
      'reputation',
      'durations',
      'debrief',
    ]);
    expect(problemsOf({}).every((p) => p.message === 'is missing')).toBe(true);
  });

  it('reports the same problem only once', () => {
    const s = harbour();
    s.roles[0].power = -2.5; // fails "integer" and "positive": one sentence
    expect(problemsOf(s)).toEqual([{ path: 'roles[0].power', message: 'must be a positive integer' }]);
  });
});

describe('formatting', () => {
  it('formats paths with indices and quoted odd keys', () => {
    expect(formatPath(['roles', 2, 'values', 'jobs', 'union'])).toBe('roles[2].values.jobs.union');
    expect(formatPath(['roles', 0, 'values', 'a b'])).toBe('roles[0].values["a b"]');
    expect(formatPath([])).toBe('');
  });

  it('prints one problem per line', () => {
    const text = formatProblems([
      { path: 'roles[2].power', message: 'must be a positive integer' },
      { path: 'quota', message: 'must be more than half of the total power (62)' },
    ]);
    expect(text).toBe(
      'roles[2].power: must be a positive integer\nquota: must be more than half of the total power (62)',
    );
  });

  it('throws a ScenarioError listing every problem from assertScenario', () => {
    const s = harbour();
    s.quota = 10;
    s.roles[0].power = 'a lot';
    let caught: unknown;
    try {
      assertScenario(s, 'my-upload.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    const error = caught as ScenarioError;
    expect(error.problems).toEqual([{ path: 'roles[0].power', message: 'must be a positive integer' }]);
    expect(error.message).toBe('my-upload.json has 1 problem:\nroles[0].power: must be a positive integer');
    expect(assertScenario(harbour()).id).toBe('harbour-development');
  });
});
