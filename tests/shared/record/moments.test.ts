import { describe, expect, it } from 'vitest';
import { rotation } from '../../../shared/bots/coalition-tournament';
import { DIFFICULTIES, PERSONA_NAMES } from '../../../shared/bots/personas';
import { simulate } from '../../../shared/bots/simulate';
import { isLessonId, LESSON_IDS, LESSONS } from '../../../shared/record/lessons';
import { replay, type GameRecord } from '../../../shared/record/log';
import { countWord, findMoments, listNames, MOMENT_KINDS, possessive, topMoments, type Moment, type MomentKind } from '../../../shared/record/moments';
import { builtInScenarios, scenarioById } from '../../../shared/scenarios';
import { deepFreeze, smallScenario } from '../fixtures';
import { accept, AUTHORITY, defect, GREENS, nextId, propose, RESIDENTS, Table, UNION } from './build';

const seenKinds = new Set<MomentKind>();

function moments(record: GameRecord): Moment[] {
  const ms = findMoments(record);
  for (const m of ms) seenKinds.add(m.kind);
  return ms;
}

const ofKind = (ms: Moment[], kind: MomentKind) => ms.filter((m) => m.kind === kind);

describe('lessons', () => {
  it('give every lesson a title and a one-to-three sentence explanation', () => {
    expect(LESSON_IDS.length).toBeGreaterThanOrEqual(18);
    for (const id of LESSON_IDS) {
      const l = LESSONS[id];
      expect(l.id).toBe(id);
      expect(l.title.length).toBeGreaterThan(5);
      const sentences = l.text.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(3);
    }
    expect(isLessonId('map-power')).toBe(true);
    expect(isLessonId('nope')).toBe(false);
  });
});

describe('words', () => {
  it('lists names and forms possessives the way people write them', () => {
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(possessive('Union')).toBe("Union's");
    expect(possessive('Residents')).toBe("Residents'");
    expect(possessive("Dockworkers' Union")).toBe("Dockworkers' Union's");
  });
});

describe('coalition moments', () => {
  it('tells a coalition forming, changing and breaking up', () => {
    const t = new Table();
    const p1 = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p1)]);
    const p2 = nextId(t);
    t.round([propose(AUTHORITY, [0, 2, 3], [60, 20, 20]), accept(RESIDENTS, p2), accept(GREENS, p2)]);
    t.round([{ type: 'withdraw', seat: AUTHORITY }]);
    const ms = moments(t.record());
    expect(ofKind(ms, 'coalition-formed').map((m) => m.text)).toEqual([
      'Round 1: Authority and Union formed a winning coalition with 8 of 12 power (quota 7), splitting the prize 70/30.',
    ]);
    const changed = ofKind(ms, 'coalition-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ round: 2, seats: [2, 3, 1], lesson: 'weight-is-not-power' });
    expect(changed[0].text).toBe(
      'Round 2: the winning coalition changed: Residents and Greens joined and Union left; it is now Authority, Residents and Greens (9 of 12 power), splitting the prize 60/20/20.',
    );
    expect(ofKind(ms, 'coalition-broke').map((m) => m.text)).toEqual([
      'Round 3: the coalition of Authority, Residents and Greens broke up: no deal reached the quota of 7, so every seat fell back on its walk-away.',
    ]);
  });

  it('tells a coalition of the weak winning without the strongest seat', () => {
    const scenario = smallScenario();
    scenario.roles[AUTHORITY] = { ...scenario.roles[AUTHORITY], veto: false };
    const t = new Table(scenario);
    const p = nextId(t);
    t.round([propose(UNION, [1, 2, 3], [40, 30, 30]), accept(RESIDENTS, p), accept(GREENS, p)]);
    t.round();
    const weak = ofKind(moments(t.record()), 'weak-coalition');
    expect(weak).toHaveLength(1); // once, not again while the same seat stays shut out
    expect(weak[0]).toMatchObject({ round: 1, lesson: 'coalitions-of-the-weak', seats: [1, 2, 3, 0] });
    expect(weak[0].text).toBe(
      'Round 1: Union, Residents and Greens won without Authority, the strongest seat (power 5): together they held 7 of 12, enough for the quota of 7.',
    );
  });
});

describe('concessions, questions and declarations', () => {
  it("tells a labelled concession that raised reputation, and the seats that then joined the giver's coalition", () => {
    const t = new Table();
    const p1 = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p1)]);
    // 10 points of a prize of 100 (never of its own private points): 40 × 0.10 = 4.
    t.act({ type: 'concede', seat: RESIDENTS, to: GREENS, points: 10, labelled: true, rationale: 'Costs us half; worth more to you.' });
    const p2 = nextId(t);
    t.round([propose(AUTHORITY, [0, 2, 3], [60, 20, 20]), accept(RESIDENTS, p2), accept(GREENS, p2)]);
    const [m] = ofKind(moments(t.record()), 'labelled-concession');
    expect(m).toMatchObject({ round: 2, lesson: 'label-concessions', seats: [2, 3, 0] });
    expect(m.text).toBe("Round 2: Residents' labelled concession raised its reputation by 4; two seats joined its coalition: Authority and Greens.");
    expect(m.magnitude).toBe(2 * 4 + 12 * 2);
  });

  it('says so when nobody joined', () => {
    const t = new Table();
    const p1 = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p1)]);
    t.round([{ type: 'concede', seat: UNION, to: GREENS, points: 5, labelled: true }]);
    const [m] = ofKind(moments(t.record()), 'labelled-concession');
    expect(m.text).toMatch(/^Round 2: Union's labelled concession to Greens raised its reputation by \d+; no new seat joined its coalition\.$/);
  });

  it('tells a question answered, and the package that later gave the answerer its top priority', () => {
    const t = new Table();
    const ask = nextId(t);
    t.advance().act({ type: 'ask', seat: UNION, target: GREENS }, { type: 'answer', seat: GREENS, ask });
    const p = nextId(t);
    t.round([
      propose(UNION, [0, 1, 3], [60, 30, 10], { terms: { jobs: 'union', review: 'independent' } }),
      accept(AUTHORITY, p),
      accept(GREENS, p),
    ]);
    const ms = moments(t.record());
    expect(ofKind(ms, 'question-answered').map((m) => m.text)).toEqual(['Round 1: Union asked Greens what matters most, and it answered: Review first.']);
    const [pkg] = ofKind(ms, 'package-from-answer');
    expect(pkg).toMatchObject({ round: 1, seats: [3, 1], lesson: 'create-value-with-packages' });
    expect(pkg.text).toBe('Round 1: the winning package gave Greens its top priority, Independent on Review, which it had told Union in round 1.');
  });

  it('does not credit a package proposed before the answer', () => {
    const t = new Table();
    const p = nextId(t);
    t.advance().act(propose(UNION, [0, 1, 3], [60, 30, 10]), accept(AUTHORITY, p), accept(GREENS, p));
    const ask = nextId(t);
    t.act({ type: 'ask', seat: UNION, target: GREENS }, { type: 'answer', seat: GREENS, ask });
    t.round();
    expect(ofKind(moments(t.record()), 'package-from-answer')).toEqual([]);
  });

  it('tells a seat accepting less than the walk-away it declared', () => {
    const t = new Table();
    t.act({ type: 'declare', seat: UNION, share: 40 }).advance();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    const [m] = ofKind(moments(t.record()), 'below-declaration');
    expect(m).toMatchObject({ round: 1, seats: [1], lesson: 'walk-away-clarity' });
    expect(m.text).toBe('Round 1: Union joined a deal giving it 30% after declaring a walk-away of 40%, and lost 6 reputation.');
  });
});

describe('escalation moments', () => {
  function escalationGame(): Table {
    const t = new Table();
    t.advance();
    const esc = nextId(t);
    t.act(
      { type: 'escalate', seat: RESIDENTS, target: AUTHORITY, demand: { kind: 'option', issue: 'review', option: 'independent' }, rationale: 'The harbour floods; review it.' },
      { type: 'refuse', seat: AUTHORITY, escalation: esc, rationale: 'Reviews delay the project.' },
    );
    const lapsing = nextId(t);
    t.act({ type: 'escalate', seat: UNION, target: GREENS, demand: { kind: 'concession', points: 5 } });
    t.round();
    expect(t.state.escalations.map((e) => e.id)).toContain(lapsing);
    // Round 2: up the ladder to action, with a co-signer.
    t.act(
      { type: 'raise', seat: RESIDENTS, escalation: esc },
      { type: 'cosign', seat: GREENS, escalation: esc },
      { type: 'raise', seat: RESIDENTS, escalation: esc },
      { type: 'raise', seat: RESIDENTS, escalation: esc },
    );
    t.round();
    // Round 3: the Authority meets the demand with a deal that includes it.
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1, 2], [50, 30, 20], { terms: { jobs: 'none', review: 'independent' } }), accept(UNION, p), accept(RESIDENTS, p)]);
    return t;
  }

  it('tells every stage of an escalation, a public refusal, a lapse and a demand met', () => {
    const ms = moments(escalationGame().record());
    const text = (kind: MomentKind) => ofKind(ms, kind).map((m) => m.text);
    expect(text('escalation-public')).toEqual([
      'Round 1: Residents went public against Authority, demanding Independent on Review: "The harbour floods; review it."',
      'Round 1: Union went public against Greens, demanding a concession of 5 points.',
    ]);
    expect(text('demand-refused')).toEqual([
      'Round 1: Authority refused Residents\' demand (Independent on Review) publicly: "Reviews delay the project." A public refusal costs it 3 reputation a round instead of 8.',
    ]);
    expect(text('escalation-mobilised')).toEqual(['Round 2: Residents mobilised against Authority over Independent on Review; allies can now co-sign.']);
    expect(text('escalation-cosigned')).toEqual(["Round 2: Greens co-signed Residents' escalation against Authority; two seats now stand behind it, and it bites at 100% of its full force."]);
    expect(text('escalation-complaint')).toHaveLength(1);
    expect(text('escalation-action')).toEqual([
      'Round 2: Residents took action against Authority over Independent on Review: each round it stands, Authority loses 40 points and Residents and Greens 4 each.',
    ]);
    expect(text('demand-ignored')).toEqual([
      "Round 1: Greens ignored Union's public demand and lost 8 reputation.",
      "Round 2: Greens ignored Union's public demand and lost 8 reputation.",
    ]);
    expect(text('escalation-lapsed')).toEqual(["Round 2: Union's escalation against Greens lapsed at stage 1 (public): it was not renewed."]);
    expect(text('demand-met')).toEqual([
      "Round 3: Authority met Residents' demand (Independent on Review); the escalation ended and Authority gained 4 reputation for conceding.",
    ]);
    expect(ofKind(ms, 'demand-met')[0].lesson).toBe('de-escalation-saves-face');
  });

  it("tells an outsider's walk-away cut by escalation", () => {
    const ms = moments(escalationGame().record());
    const cut = ofKind(ms, 'walk-away-cut');
    // Two seats of four press at stage 4: a full bite, 30 × (1 − 0.5 − 0.5) = 0.
    expect(cut.map((m) => m.text)).toEqual([
      'Round 2: with no winning deal, Authority got 0 instead of its walk-away of 30: escalation by Residents and Greens had cut it.',
    ]);
    expect(cut[0]).toMatchObject({ seats: [0, 2, 3], lesson: 'make-non-agreement-costly' });
  });
});

describe('trust moments', () => {
  function trustGame(): Table {
    const t = new Table(smallScenario(), { mode: 'trust', seed: 3, rounds: 5 });
    t.trustRound().trustRound().trustRound();
    t.trustRound([defect(AUTHORITY, UNION), defect(AUTHORITY, RESIDENTS)]);
    t.trustRound([defect(UNION, AUTHORITY)]);
    return t;
  }

  it('tells a defection on partners who honoured, the retaliation and the forgiveness next round', () => {
    const ms = moments(trustGame().record());
    expect(ofKind(ms, 'defection').map((m) => m.text)).toEqual([
      'Round 4: Authority defected on Union and Residents, who honoured; it lost 12 reputation.',
    ]);
    // Union's defection in round 5 answers round 4's, so it is told as retaliation, not as a new betrayal.
    expect(ofKind(ms, 'retaliation').map((m) => m.text)).toEqual(["Round 5: Union answered Authority's defection in kind and defected back."]);
    expect(ofKind(ms, 'forgiveness').map((m) => m.text)).toEqual([
      'Round 5: Residents honoured Authority again after being betrayed in round 4, and Authority honoured too.',
    ]);
  });

  it('tells runs of mutual honour with their final length', () => {
    const runs = ofKind(moments(trustGame().record()), 'honour-run');
    // Six pairs honour through round 3; the pairs without the Authority keep going to round 5.
    expect(runs).toHaveLength(6);
    expect(runs.every((m) => m.round === 3)).toBe(true);
    expect(runs.map((m) => m.text)).toContain('Round 3: Authority and Union honoured each other for a third round in a row; the run lasted three rounds (1–3).');
    expect(runs.map((m) => m.text)).toContain('Round 3: Union and Residents honoured each other for a third round in a row; the run lasted five rounds (1–5).');
  });

  it('tells the game ending at a round nobody knew', () => {
    const [end] = ofKind(moments(trustGame().record()), 'unknown-end');
    expect(end).toMatchObject({ round: 5, lesson: 'shadow-of-the-future', seats: [] });
    expect(end.text).toBe(
      'Round 5: the game ended after five rounds, a number nobody at the table knew in advance (the number of rounds was never shown); in the last round 11 of 12 trust moves were honour.',
    );
    const t = new Table();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]).finish();
    const [coalitionEnd] = ofKind(moments(t.record()), 'unknown-end');
    expect(coalitionEnd.text).toBe(
      `Round ${t.state.totalRounds}: the game ended after ${countWord(t.state.totalRounds)} rounds, a number nobody at the table knew in advance (after round 4 each further round happened with a chance of 80%); in the last round 2 of 2 trust moves were honour.`,
    );
  });

  it('tells a move flipped by noise apart from a chosen defection', () => {
    const t = new Table(smallScenario(), { mode: 'trust', seed: 1, rounds: 1, noise: 1 });
    t.trustRound([defect(UNION, AUTHORITY)]);
    const ms = moments(t.record());
    expect(ofKind(ms, 'noise').map((m) => m.text)).toEqual(["Round 1: noise turned Authority's honour toward Union into a defection."]);
    expect(ofKind(ms, 'noise')[0].lesson).toBe('forgiveness-under-noise');
    expect(ofKind(ms, 'defection')).toEqual([]);
  });
});

describe('findMoments', () => {
  it('agrees between the live log, its JSON round trip and a frozen copy', () => {
    const harbour = scenarioById('harbour-development')!;
    const sim = simulate(harbour, rotation(PERSONA_NAMES, harbour.roles.length, 0, 'hard'), 3);
    const live: GameRecord = { scenario: harbour, config: sim.state.config, log: sim.log };
    const serialised = JSON.parse(JSON.stringify(live)) as GameRecord;
    const a = moments(live);
    expect(a.length).toBeGreaterThan(10);
    expect(moments(serialised)).toEqual(a);
    expect(findMoments(deepFreeze(structuredClone(serialised)))).toEqual(a);
    // The replayed state is the live one, so the debrief and the server see the same game.
    expect(replay(serialised)).toEqual(sim.state);
  });

  it('never throws on simulated games of every built-in scenario and returns moments in log order', () => {
    for (const scenario of builtInScenarios) {
      for (const difficulty of DIFFICULTIES) {
        const sim = simulate(scenario, rotation(PERSONA_NAMES, scenario.roles.length, 1, difficulty), 11);
        const record: GameRecord = { scenario, config: sim.state.config, log: sim.log };
        const ms = moments(record);
        const seqs = new Set(sim.log.map((e) => e.seq));
        for (let i = 0; i < ms.length; i++) {
          const m = ms[i];
          if (i > 0) expect(m.seq).toBeGreaterThanOrEqual(ms[i - 1].seq);
          expect(seqs.has(m.seq)).toBe(true);
          expect(MOMENT_KINDS).toContain(m.kind);
          expect(isLessonId(m.lesson)).toBe(true);
          expect(m.text.startsWith(`Round ${m.round}: `)).toBe(true);
          expect(m.text).not.toMatch(/undefined|NaN|\?%/);
          expect(Number.isFinite(m.magnitude)).toBe(true);
          for (const s of m.seats) expect(s >= 0 && s < scenario.roles.length).toBe(true);
        }
        expect(ofKind(ms, 'unknown-end')).toHaveLength(1);
      }
    }
  });

  it('works on a log cut mid-game (live play)', () => {
    const harbour = scenarioById('harbour-development')!;
    const sim = simulate(harbour, rotation(PERSONA_NAMES, harbour.roles.length, 2, 'normal'), 9);
    const half: GameRecord = { scenario: harbour, config: sim.state.config, log: sim.log.slice(0, Math.floor(sim.log.length / 2)) };
    const full = findMoments({ ...half, log: sim.log });
    const partial = findMoments(half);
    // What happened in the first half is told the same way, except what depends on later rounds.
    const later = new Set<MomentKind>(['labelled-concession', 'honour-run']);
    const comparable = (ms: Moment[]) => ms.filter((m) => m.seq < half.log.length && !later.has(m.kind));
    expect(comparable(partial)).toEqual(comparable(full));
  });
});

describe('topMoments', () => {
  const m = (seq: number, kind: MomentKind, magnitude: number): Moment => ({ seq, round: 1, kind, seats: [], lesson: 'map-power', text: '', magnitude });

  it('picks the largest, at most two of a kind while others remain, in log order', () => {
    const all = [m(1, 'defection', 50), m(2, 'defection', 49), m(3, 'defection', 48), m(4, 'coalition-formed', 10), m(5, 'demand-met', 5)];
    expect(topMoments(all, 3).map((x) => x.seq)).toEqual([1, 2, 4]);
    expect(topMoments(all, 5).map((x) => x.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(topMoments(all, 4, 1).map((x) => x.seq)).toEqual([1, 2, 4, 5]);
    expect(topMoments(all, 0)).toEqual([]);
  });
});

describe('coverage', () => {
  // Runs last in this file (tests run in order): every kind was produced by some game above.
  it('produces every kind of moment in the games above', () => {
    expect(MOMENT_KINDS.filter((k) => !seenKinds.has(k))).toEqual([]);
  });
});
