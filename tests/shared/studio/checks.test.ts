// The studio's live checks on broken and weak files: every problem with its place, a power map
// as soon as the roles can be read, and DESIGN 7's teaching numbers that fail with a sentence.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/engine/types';
import { builtInScenarios, scenarioById } from '../../../shared/scenarios';
import { blankScenario, copyOf, DEFAULT_NUMBERS } from '../../../shared/studio/blank';
import { MAX_SCENARIO_CHARS, readScenarioText, studioReport } from '../../../shared/studio/checks';
import { joinDebrief, splitDebrief } from '../../../shared/studio/debrief-text';
import { quickBenchmark } from '../../../shared/studio/bench';

const harbour = (): Scenario => structuredClone(scenarioById('harbour-development')!);
const verdict = (s: unknown, id: string) => studioReport(s).teaching.find((t) => t.id === id)!;

describe('the studio checks', () => {
  it.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'find no problem in %s and every teaching number met',
    (_id, s) => {
      const r = studioReport(s);
      expect(r.problems).toEqual([]);
      expect(r.teaching.map((t) => [t.id, t.ok])).toEqual([
        ['package', true],
        ['walk-aways', true],
        ['weak-without-strongest', true],
        ['escalation', true],
        ['strongest-walk-away', true],
        ['priorities', true],
      ]);
      expect(r.power!.rows.map((x) => x.power)).toEqual(s.roles.map((x) => x.power));
    },
  );

  it('list what a blank scenario still needs, place by place, and already draw its power map', () => {
    const r = studioReport(blankScenario());
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'summary',
        'roles[0].name',
        'roles[0].briefing',
        'roles[2].name',
        'issues[0].name',
        'issues[1].options[1].name',
        'debrief',
      ]),
    );
    expect(r.problems.every((p) => p.message.length > 5)).toBe(true);
    expect(r.scenario).toBeNull();
    expect(r.teaching).toEqual([]);
    expect(r.power!.rows.map((x) => x.name)).toEqual(['Role 1', 'Role 2', 'Role 3']);
    expect(r.power!.minimalWinning.length).toBeGreaterThan(0);
  });

  it('report a missing value, an unknown option, a quota too low and a broken dilemma together', () => {
    const s = harbour() as unknown as { roles: { values: Record<string, Record<string, unknown>> }[] } & Record<
      string,
      unknown
    >;
    const issue = Object.keys(s.roles[1].values)[0];
    const option = Object.keys(s.roles[1].values[issue])[0];
    delete s.roles[1].values[issue][option];
    s.roles[2].values[issue].nonsense = 3;
    s.quota = 10;
    s.trust = { stake: 5, payoffs: { T: 1, R: 2, P: 0, S: -1 } };
    const paths = studioReport(s).problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `roles[1].values.${issue}.${option}`,
        `roles[2].values.${issue}.nonsense`,
        'quota',
        'trust.payoffs',
      ]),
    );
  });

  it('fail the package check, and the priorities check, when no option is worth anything', () => {
    const s = harbour();
    for (const r of s.roles)
      for (const i of Object.keys(r.values)) for (const o of Object.keys(r.values[i])) r.values[i][o] = 0;
    expect(verdict(s, 'package').ok).toBe(false);
    expect(verdict(s, 'package').sentence).toMatch(/not more than the prize/);
    expect(verdict(s, 'priorities').ok).toBe(false);
  });

  it('name a minimal winning coalition whose walk-aways eat the prize', () => {
    const s = harbour();
    s.roles[0].walkAway = 90;
    const v = verdict(s, 'walk-aways');
    expect(v.ok).toBe(false);
    expect(v.sentence).toContain(s.roles[0].name);
  });

  it('catch a strongest seat that is in every winning coalition without a veto', () => {
    const s = harbour();
    // 80 of 145: the other four hold 65, short of the quota of 73.
    s.roles[0].power = 80;
    s.quota = 73;
    const v = verdict(s, 'weak-without-strongest');
    expect(v.ok).toBe(false);
    expect(v.sentence).toMatch(/without holding a veto/);
  });

  it('find that escalation does not move the strongest when action and complaint cost it nothing', () => {
    const s = scenarioById('river-dam')!;
    const soft = structuredClone(s);
    soft.escalation = {
      ...soft.escalation,
      actionTargetLoss: 0,
      complaintIncomeCut: 0,
      complaintDrop: 0,
      mobiliseDrop: 0,
    };
    expect(verdict(s, 'escalation').ok).toBe(true);
    expect(verdict(soft, 'escalation').ok).toBe(false);
    expect(verdict(soft, 'escalation').sentence).toMatch(/by refusing/);
  });

  it('fail the strongest walk-away check when a weaker seat can absorb failure better', () => {
    const s = harbour();
    s.roles[4].walkAway = s.roles[0].walkAway + 1;
    expect(verdict(s, 'strongest-walk-away').ok).toBe(false);
    expect(verdict(s, 'strongest-walk-away').sentence).toContain(s.roles[4].name);
  });
});

describe('hostile and malformed files', () => {
  it('refuse a file over the size limit and one that is not JSON, with a sentence each', () => {
    const huge = readScenarioText(' '.repeat(MAX_SCENARIO_CHARS + 1));
    expect(huge.ok ? [] : huge.problems.map((p) => p.message)).toEqual([expect.stringMatching(/too large/) as string]);
    const broken = readScenarioText('{"id": "x",');
    expect(broken.ok ? [] : broken.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/not valid JSON/) as string,
    ]);
  });

  it('refuse a file nested forty thousand levels deep without running out of stack', () => {
    const nested = readScenarioText(`{"roles": ${'['.repeat(40_000)}${']'.repeat(40_000)}}`);
    expect(nested.ok ? [] : nested.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/nests too deeply/) as string,
    ]);
    expect(readScenarioText(JSON.stringify(harbour())).ok).toBe(true);
  });

  it('list problems for a list, a number and null instead of a scenario, without throwing', () => {
    for (const x of [[], 42, null, 'text']) {
      const r = studioReport(x);
      expect(r.problems).toHaveLength(1);
      expect(r.power).toBeNull();
    }
  });

  it('take a thousand roles and huge numbers as problems, not as work', () => {
    const s = harbour() as unknown as Record<string, unknown>;
    const many = { ...s, roles: Array.from({ length: 1000 }, () => (s.roles as unknown[])[0]) };
    const r = studioReport(many);
    expect(r.problems.map((p) => p.path)).toContain('roles');
    expect(r.power).toBeNull();
    const heavy = harbour();
    heavy.roles[0].power = 1e12;
    const h = studioReport(heavy);
    expect(h.problems.map((p) => p.path)).toContain('roles[0].power');
    expect(h.power).toBeNull();
  });

  it('report fields that are not part of a scenario (a script, a prototype) instead of keeping them', () => {
    const s = { ...harbour(), onload: 'alert(1)' } as unknown;
    const withProto: unknown = JSON.parse(JSON.stringify(s).replace('{', '{"__proto__": {"x": 1},'));
    const paths = studioReport(withProto).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['onload', '__proto__']));
  });
});

describe('starting points and the debrief questions', () => {
  it('give a blank scenario the default numbers of every shipped scenario', () => {
    for (const s of builtInScenarios) {
      expect(s.escalation).toEqual(DEFAULT_NUMBERS.escalation);
      expect(s.reputation).toEqual(DEFAULT_NUMBERS.reputation);
      expect(s.trust).toEqual(DEFAULT_NUMBERS.trust);
      expect(s.rounds).toEqual(DEFAULT_NUMBERS.rounds);
      expect(s.durations).toEqual(DEFAULT_NUMBERS.durations);
    }
  });

  it('copy a shipped scenario under an id of its own', () => {
    const c = copyOf(harbour() as unknown as Record<string, unknown>);
    expect(c.id).toBe('harbour-development-custom');
    expect(studioReport(c).problems).toEqual([]);
  });

  it.each(builtInScenarios.map((s) => [s.id, s.debrief] as const))(
    'split the debrief of %s into text and questions and join it back unchanged',
    (_id, debrief) => {
      const { text, questions } = splitDebrief(debrief);
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(text).not.toContain('Questions for the class');
      expect(joinDebrief(text, questions)).toBe(debrief);
    },
  );

  it('number the questions and leave out blank ones', () => {
    expect(joinDebrief('What happened.', ['Who won?', '  ', 'Why?'])).toBe(
      'What happened.\n\nQuestions for the class:\n1. Who won?\n2. Why?',
    );
    expect(joinDebrief('Only text.', [])).toBe('Only text.');
  });
});

describe('the quick benchmark', () => {
  it('plays its tables with progress to the end and names the personas best first', () => {
    const seen: number[] = [];
    const q = quickBenchmark(harbour(), { benchmarkGames: 10, games: 6, onProgress: (d, t) => seen.push(d / t) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toHaveLength(10 + 2 * 6);
    expect(q.personas).toHaveLength(5);
    const means = q.personas.map((p) => p.percentile.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    expect(q.efficiency.mean).toBeGreaterThan(0);
    expect(q.efficiency.mean).toBeLessThanOrEqual(1);
    expect(q.idle.percentile.n).toBe(6);
    expect(q.idle.loses).toBe(q.idle.percentile.mean < q.idle.below);
  });
});
