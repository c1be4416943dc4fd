// The class debrief model over small sessions whose numbers are worked out by hand (the small
// harbour of tests/shared/fixtures.ts: Authority 5 veto walk-away 30, Union 3 / 10, Residents 2 / 5,
// Greens 2 / 5; prize 100; the best terms are worth 0, 7, 14 and 13 to them; trust stake 5, R=2,
// T=4, S=−1; λ = 4 seats, so the mutual-gain score per round is claimed + the table's joint gain
// per round).
import { describe, expect, it } from 'vitest';
import { classDebrief } from '../../../shared/class/debrief';
import type { ClassDebriefInput, ClassSeatInput, ClassTableInput } from '../../../shared/class/input';
import type { Scenario } from '../../../shared/engine/types';
import type { GameRecord } from '../../../shared/record/log';
import { notShownHere } from '../../../shared/claims/verdicts';
import { lessonNote } from '../../../shared/class/moments';
import { smallScenario } from '../fixtures';
import { accept, AUTHORITY, defect, GREENS, nextId, propose, RESIDENTS, Table, UNION } from '../record/build';

const person = (seat: number): ClassSeatInput => ({ seat, kind: 'human', bot: null, botHeld: false });

function tableInput(
  code: string,
  record: GameRecord,
  seats: ClassSeatInput[] = [0, 1, 2, 3].map(person),
): ClassTableInput {
  return {
    code,
    label: `Table ${code}`,
    scenario: record.scenario,
    config: record.config,
    log: record.log,
    results: null,
    finished: true,
    seats,
  };
}

/** A: one round, Authority + Union 60/40 with the best terms, both honour. */
function tableA(scenario: Scenario): GameRecord {
  const t = new Table(scenario, { mode: 'coalition', seed: 1, rounds: 1 });
  t.advance();
  const id = nextId(t);
  t.round([propose(AUTHORITY, [AUTHORITY, UNION], [60, 40]), accept(UNION, id)]);
  return t.record();
}

/** B: four rounds; the same deal in round 1, Authority defects on Union, Union then withdraws: no deal in rounds 2–4. */
function tableB(scenario: Scenario): GameRecord {
  const t = new Table(scenario, { mode: 'coalition', seed: 2, rounds: 4 });
  t.advance();
  const id = nextId(t);
  t.round([propose(AUTHORITY, [AUTHORITY, UNION], [60, 40]), accept(UNION, id)], [defect(AUTHORITY, UNION)]);
  t.round([{ type: 'withdraw', seat: UNION }]);
  t.round();
  t.round();
  return t.record();
}

/** C: two rounds, Authority + Residents 70/30, both honour. */
function tableC(scenario: Scenario): GameRecord {
  const t = new Table(scenario, { mode: 'coalition', seed: 3, rounds: 2 });
  t.advance();
  const id = nextId(t);
  t.round([propose(AUTHORITY, [AUTHORITY, RESIDENTS], [70, 30]), accept(RESIDENTS, id)]);
  t.round();
  return t.record();
}

function session(scenario = smallScenario(), extra: Partial<ClassDebriefInput> = {}): ClassDebriefInput {
  return {
    session: { code: 'CLASS1', created: 0, ended: null, anonymous: true },
    tables: [
      tableInput('A', tableA(scenario)),
      // At B a bot took over the Union's seat for part of the game.
      tableInput('B', tableB(scenario), [person(0), { ...person(1), botHeld: true }, person(2), person(3)]),
      // At C the Greens' seat was a bot's throughout.
      tableInput('C', tableC(scenario), [
        person(0),
        person(1),
        person(2),
        { seat: 3, kind: 'bot', bot: { kind: 'persona', persona: 'builder', difficulty: 'normal' }, botHeld: false },
      ]),
    ],
    questions: [],
    answers: [],
    ...extra,
  };
}

describe('classDebrief: tables side by side', () => {
  const m = classDebrief(session());
  const [a, b, c] = m.tables;

  it('counts the rounds each table played and normalises joint gain per round', () => {
    expect(m.tables.map((t) => t.roundsPlayed)).toEqual([1, 4, 2]);
    // A: surpluses 40 + 47 + 14 + 13 = 114 in one round.
    expect(a.jointGain).toBe(114);
    expect(a.jointGainPerRound).toBe(114);
    // B: round 1 Authority 60 + 0 + 4×5 = 80 (surplus 50), Union 40 + 7 − 5 = 42 (32), Residents 14, Greens 13;
    // rounds 2–4 every seat at its walk-away: 109 over four rounds.
    expect(b.jointGain).toBe(109);
    expect(b.jointGainPerRound).toBeCloseTo(27.25, 9);
    // C: Authority 70 + 0 + 10 − 30 = 50, Residents 30 + 14 + 10 − 5 = 49, Union 7, Greens 13: 119 a round.
    expect(c.jointGain).toBe(238);
    expect(c.jointGainPerRound).toBe(119);
  });

  it('names the coalition, its split and terms, when the deal formed and the cooperation', () => {
    expect(a.coalition).toMatchObject({ round: 1, memberNames: ['Authority', 'Union'], split: [60, 40] });
    expect(a.coalition!.terms.map((x) => x.option)).toEqual(['Local hiring', 'Independent']);
    // B's only deal was round 1's: the coalition it "ended with" is that one.
    expect(b.coalition).toMatchObject({ round: 1, memberNames: ['Authority', 'Union'] });
    expect(b.dealRound).toBe(1);
    expect(b.dealRounds).toBe(1);
    expect(c.dealRounds).toBe(2);
    expect(a.cooperation).toBe(1);
    // One honour of two moves.
    expect(b.cooperation).toBe(0.5);
  });

  it('places each table among the other tables for value created, and marks bot seats', () => {
    const eff = m.tables.map((t) => t.efficiency);
    // Per round A made 114 and C 119 of the same best round, B 27.25: C > A > B.
    expect(eff[2]).toBeGreaterThan(eff[0]);
    expect(eff[0]).toBeGreaterThan(eff[1]);
    expect(m.tables.map((t) => t.createdInClass)).toEqual([50, 0, 100]);
    expect(m.tables.map((t) => t.botSeats)).toEqual([0, 1, 1]);
    expect(b.seats[UNION].heldBy).toBe('both');
    expect(c.seats[3].heldBy).toBe('bot');
    expect(m.comparePair).toEqual(['C', 'B']);
  });

  it('links each table to its own debrief', () => {
    expect(m.tables.map((t) => t.link)).toEqual(['/?code=A', '/?code=B', '/?code=C']);
  });
});

describe('classDebrief: each role across tables', () => {
  const m = classDebrief(session());
  const role = (id: string) => m.roles.find((r) => r.roleId === id)!;

  it('takes every result per round played', () => {
    const auth = role('authority');
    // Surplus 40 in one round, 50 in four, 100 in two: claimed per round 40, 12.5, 50.
    expect(auth.seats.map((s) => s.surplus)).toEqual([40, 50, 100]);
    expect(auth.seats.map((s) => s.claimed)).toEqual([40, 12.5, 50]);
    // Mutual-gain score per round = claimed + joint gain per round (λ = 4 = seats).
    expect(auth.seats.map((s) => s.mutualGain)).toEqual([154, 39.75, 169]);
    expect(auth.claimed).toEqual({ min: 12.5, median: 40, max: 50, range: 37.5 });
  });

  it('places each seat among the same role at the other tables, ties and all', () => {
    const auth = role('authority');
    expect(auth.seats.map((s) => s.inClass!.claimed)).toEqual([50, 0, 100]);
    const union = role('union');
    // Union claimed 47, 8 and 7 per round.
    expect(union.seats.map((s) => s.claimed)).toEqual([47, 8, 7]);
    expect(union.seats.map((s) => s.inClass!.claimed)).toEqual([100, 50, 0]);
    // Greens got 13 a round at every table but B (13 over four rounds): A and C tie.
    const greens = role('greens');
    expect(greens.seats.map((s) => s.claimed)).toEqual([13, 3.25, 13]);
    expect(greens.seats.map((s) => s.inClass!.claimed)).toEqual([75, 0, 75]);
  });

  it('names the best and worst table for each role by mutual-gain score per round, bot seats marked', () => {
    expect(role('authority').best).toMatchObject({ table: 'C', mutualGain: 169 });
    expect(role('authority').worst).toMatchObject({ table: 'B', mutualGain: 39.75 });
    // Union: 47 + 114 = 161 at A, 8 + 27.25 at B (a bot held it for part), 7 + 119 = 126 at C.
    expect(role('union').best).toMatchObject({ table: 'A', mutualGain: 161 });
    expect(role('union').worst).toMatchObject({ table: 'B', mutualGain: 35.25, heldBy: 'both' });
    expect(role('greens').seats.map((s) => s.heldBy)).toEqual(['person', 'person', 'bot']);
  });

  it('reports no bot benchmark unless one was given, and never pools it with the class', () => {
    expect(m.roles.every((r) => r.seats.every((s) => s.benchmark === null))).toBe(true);
    expect(m.tables.every((t) => t.createdBenchmark === null)).toBe(true);
  });

  it('lists a table that played no round but compares it with nothing', () => {
    const idle = new Table(smallScenario(), { mode: 'coalition', seed: 8 });
    const m = classDebrief({ ...session(), tables: [...session().tables, tableInput('Z', idle.record())] });
    expect(m.tables.map((t) => t.id)).toEqual(['A', 'B', 'C', 'Z']);
    expect(m.tables[3]).toMatchObject({ roundsPlayed: 0, createdInClass: null, coalition: null });
    // The same numbers as without it.
    expect(m.tables.slice(0, 3).map((t) => t.createdInClass)).toEqual([50, 0, 100]);
    expect(m.roles[0].seats.map((s) => s.table)).toEqual(['A', 'B', 'C']);
    expect(m.comparePair).toEqual(['C', 'B']);
    expect(m.moments.flatMap((x) => x.tables)).not.toContain('Z');
  });

  it('with one table, has no class percentile, no best or worst and no comparison', () => {
    const one = classDebrief({ ...session(), tables: session().tables.slice(0, 1) });
    expect(one.roles[0].seats[0].inClass).toBeNull();
    expect(one.roles[0].best).toBeNull();
    expect(one.tables[0].createdInClass).toBeNull();
    expect(one.comparePair).toBeNull();
  });
});

describe('classDebrief: moments across the class', () => {
  it('puts the most and the least efficient tables first, and the broken promise that cost', () => {
    const m = classDebrief(session());
    expect(m.moments[0].kind).toBe('efficiency-extremes');
    expect(m.moments[0].tables).toEqual(['C', 'B']);
    const promise = m.moments.find((x) => x.kind === 'broken-promise')!;
    expect(promise.title).toBe('A broken promise that cost');
    expect(promise.tables).toEqual(['B']);
    expect(promise.lines[0]).toContain('Authority defected on Union');
    expect(promise.lines[0]).toContain('In round 2, Authority was outside the winning deal.');
  });

  it('contrasts the same role at its best and worst table when it chose differently', () => {
    const m = classDebrief(session());
    const same = m.moments.filter((x) => x.kind === 'same-role-different-choices');
    // Authority defected at B and not at C; Union sat in A's deal every round and in B's one of four.
    expect(same.map((x) => x.title)).toContain('The same role, different choices: Authority');
    const auth = same.find((x) => x.title.endsWith('Authority'))!;
    expect(auth.tables).toEqual(['C', 'B']);
    expect(auth.lines[1]).toContain('defected on a partner once');
    expect(auth.lines[0]).toContain('never defected on a partner');
  });

  it('gates a lesson the measurement does not support, as the single-table debrief does', () => {
    // Packages do not hold in the warehouse scenario (assets/claims/verdicts.json).
    const m = classDebrief(session(smallScenario({ id: 'warehouse-workers', name: 'Warehouse' })));
    const extremes = m.moments.find((x) => x.kind === 'efficiency-extremes')!;
    expect(extremes.lesson).toMatchObject({ id: 'create-value-with-packages', status: 'does not hold' });
    expect(extremes.lesson.note).toBe(notShownHere('Warehouse'));
    const unmeasured = classDebrief(session()).moments[0].lesson;
    expect(unmeasured.status).toBe('unmeasured');
    expect(unmeasured.note).toBeNull();
    expect(lessonNote('coalitions-of-the-weak', [{ scenarioId: 'platform-drivers', scenarioName: 'P' }]).status).toBe(
      'holds',
    );
  });
});

describe('classDebrief: an escalation that moved its target beside one that did not', () => {
  it('names both, each with its table', () => {
    // D: the Union demands 5 points of the Greens, who concede them: the demand is met.
    const d = new Table(smallScenario(), { mode: 'coalition', seed: 4, rounds: 2 });
    d.round();
    d.act({ type: 'escalate', seat: UNION, target: GREENS, demand: { kind: 'concession', points: 5 } });
    d.act({ type: 'concede', seat: GREENS, to: UNION, points: 5, labelled: false });
    d.finish();
    // E: the Residents demand an independent review of the Authority, which refuses in public.
    const e = new Table(smallScenario(), { mode: 'coalition', seed: 5, rounds: 2 });
    e.advance();
    const esc = nextId(e);
    e.act(
      {
        type: 'escalate',
        seat: RESIDENTS,
        target: AUTHORITY,
        demand: { kind: 'option', issue: 'review', option: 'independent' },
      },
      { type: 'refuse', seat: AUTHORITY, escalation: esc, rationale: 'Reviews delay the project.' },
    );
    e.finish();
    const m = classDebrief({ ...session(), tables: [tableInput('D', d.record()), tableInput('E', e.record())] });
    const x = m.moments.find((y) => y.kind === 'escalation-contrast')!;
    expect(x.title).toBe('An escalation that moved its target, and one that did not');
    expect(x.tables).toEqual(['D', 'E']);
    expect(x.lines[0]).toMatch(/^Table D\. Round 2: Greens met Union's demand \(a concession of 5 points\)/);
    expect(x.lines[1]).toMatch(
      /^Table E\. Round 1: Authority refused Residents' demand \(Independent on Review\) publicly/,
    );
    expect(x.lesson.id).toBe('staged-escalation');
    expect(m.tables.map((t) => [t.escalations, t.demandsMet])).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });
});

describe('classDebrief: what it never shows', () => {
  it('holds no scenario, config, cap or drawn length: only the rounds each table played', () => {
    // An unfinished table under the hidden horizon: two rounds played of a length drawn at the start.
    const t = new Table(smallScenario(), { mode: 'coalition', seed: 9 });
    t.advance();
    const id = nextId(t);
    t.round([propose(AUTHORITY, [AUTHORITY, UNION], [60, 40]), accept(UNION, id)]);
    t.round();
    expect(t.state.phase).not.toBe('end');
    const m = classDebrief({ ...session(), tables: [tableInput('U', t.record()), ...session().tables] });
    const u = m.tables[0];
    expect(u.ended).toBe(false);
    expect(u.roundsPlayed).toBe(2);
    expect(u.timeline.map((r) => r.round)).toEqual([1, 2]);
    const keys = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) {
          keys.add(k);
          walk(v);
        }
    };
    walk(m);
    // The scenario's length ({ min, continue, max }) travels only inside the scenario and config.
    for (const k of ['scenario', 'config', 'totalRounds', 'continue', 'log', 'seed']) expect(keys.has(k)).toBe(false);
    expect(keys.has('roundsPlayed')).toBe(true);
  });

  it('is deterministic: the same input gives the same model', () => {
    expect(JSON.stringify(classDebrief(session()))).toBe(JSON.stringify(classDebrief(session())));
  });
});
