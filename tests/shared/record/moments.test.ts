import { describe, expect, it } from 'vitest';
import { rotation } from '../../../shared/bots/coalition-tournament';
import { DIFFICULTIES, PERSONA_NAMES } from '../../../shared/bots/personas';
import { simulate } from '../../../shared/bots/simulate';
import { isLessonId, LESSON_IDS, LESSONS } from '../../../shared/record/lessons';
import { replay, type GameRecord } from '../../../shared/record/log';
import {
  countWord,
  findMoments,
  listNames,
  MOMENT_KINDS,
  possessive,
  topMoments,
  type Moment,
  type MomentKind,
} from '../../../shared/record/moments';
import { builtInScenarios, scenarioById } from '../../../shared/scenarios';
import { deepFreeze, smallScenario } from '../fixtures';
import { accept, AUTHORITY, defect, GREENS, nextId, propose, RESIDENTS, Table, UNION } from './build';

const pinnedKinds = new Set<MomentKind>();

function moments(record: GameRecord): Moment[] {
  return findMoments(record);
}

const ofKind = (ms: Moment[], kind: MomentKind) => ms.filter((m) => m.kind === kind);

/**
 * The one moment of a kind, pinned: who it names, in which order (the seat that acted first),
 * the round and the words. Every kind must be pinned by some constructed game in this file.
 */
function pin(ms: Moment[], kind: MomentKind, expected: { round: number; seats: number[]; text: string }): Moment {
  const found = ofKind(ms, kind);
  expect(found, `one ${kind} moment`).toHaveLength(1);
  expect({ round: found[0].round, seats: found[0].seats, text: found[0].text }).toEqual(expected);
  pinnedKinds.add(kind);
  return found[0];
}

/** The reputation the rules credited at one log entry for a demand met, by seat, from the engine's own events. */
function demandCredit(record: GameRecord, seq: number): [number, number][] {
  const out: [number, number][] = [];
  replay(record, (_state, entry, events) => {
    if (entry.seq !== seq) return;
    for (const e of events)
      if (e.type === 'reputation' && e.cause === 'demand-met' && e.delta !== 0) out.push([e.seat, e.delta]);
  });
  return out;
}

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
  it('tells a coalition forming, changing and breaking up, naming its members', () => {
    const t = new Table();
    const p1 = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p1)]);
    const p2 = nextId(t);
    t.round([propose(AUTHORITY, [0, 2, 3], [60, 20, 20]), accept(RESIDENTS, p2), accept(GREENS, p2)]);
    t.round([{ type: 'withdraw', seat: AUTHORITY }]);
    const ms = moments(t.record());
    pin(ms, 'coalition-formed', {
      round: 1,
      seats: [0, 1],
      text: 'Round 1: Authority and Union formed a winning coalition with 8 of 12 power (quota 7), splitting the prize 70/30.',
    });
    // Who joined first, then who left.
    const changed = pin(ms, 'coalition-changed', {
      round: 2,
      seats: [2, 3, 1],
      text: 'Round 2: the winning coalition changed: Residents and Greens joined and Union left; it is now Authority, Residents and Greens (9 of 12 power), splitting the prize 60/20/20.',
    });
    expect(changed.lesson).toBe('weight-is-not-power');
    pin(ms, 'coalition-broke', {
      round: 3,
      seats: [0, 2, 3],
      text: 'Round 3: the coalition of Authority, Residents and Greens broke up: no deal reached the quota of 7, so every seat fell back on its walk-away.',
    });
  });

  it('tells a coalition of the weak winning without the strongest seat', () => {
    const scenario = smallScenario();
    scenario.roles[AUTHORITY] = { ...scenario.roles[AUTHORITY], veto: false };
    const t = new Table(scenario);
    const p = nextId(t);
    t.round([propose(UNION, [1, 2, 3], [40, 30, 30]), accept(RESIDENTS, p), accept(GREENS, p)]);
    t.round();
    // Once, not again while the same seat stays shut out.
    const weak = pin(moments(t.record()), 'weak-coalition', {
      round: 1,
      seats: [1, 2, 3, 0],
      text: 'Round 1: Union, Residents and Greens won without Authority, the strongest seat (power 5): together they held 7 of 12, enough for the quota of 7.',
    });
    expect(weak.lesson).toBe('coalitions-of-the-weak');
  });
});

describe('concessions', () => {
  it("tells a labelled concession and the seats that then joined the giver's winning coalition, and when", () => {
    const t = new Table();
    const p1 = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p1)]);
    // 10 points of a prize of 100 (never of its own private points): 40 × 0.10 = 4.
    t.act({
      type: 'concede',
      seat: RESIDENTS,
      to: GREENS,
      points: 10,
      labelled: true,
      rationale: 'Costs us half; worth more to you.',
    });
    const p2 = nextId(t);
    t.round([propose(AUTHORITY, [0, 2, 3], [60, 20, 20]), accept(RESIDENTS, p2), accept(GREENS, p2)]);
    const m = pin(moments(t.record()), 'labelled-concession', {
      round: 2,
      seats: [2, 3, 0],
      text: "Round 2: Residents' labelled concession to Greens raised its reputation by 4; in round 2, Authority and Greens joined it in the winning coalition.",
    });
    expect(m.lesson).toBe('label-concessions');
    expect(m.magnitude).toBe(2 * 4 + 12 * 2);
  });

  it('says nobody joined in a round with no deal, and names the round a later coalition formed', () => {
    const t = new Table();
    t.round();
    t.act({ type: 'concede', seat: RESIDENTS, to: GREENS, points: 2, labelled: true });
    // Round 2 ends with no deal at all.
    t.round();
    expect(t.state.history[1].winning).toBe(null);
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 2, 3], [60, 20, 20]), accept(RESIDENTS, p), accept(GREENS, p)]);
    const [m] = ofKind(moments(t.record()), 'labelled-concession');
    expect(m.seats).toEqual([2, 3, 0]);
    expect(m.text).toMatch(
      /^Round 2: Residents' labelled concession to Greens raised its reputation by \d+; in round 3, Authority and Greens joined it in the winning coalition\.$/,
    );
  });

  it('does not count a deal that did not win as joining the coalition', () => {
    const t = new Table();
    t.round();
    t.act({ type: 'concede', seat: RESIDENTS, to: GREENS, points: 2, labelled: true });
    const p = nextId(t);
    // Residents and Greens (4 of 12 power) make a deal that cannot win.
    t.round([propose(RESIDENTS, [2, 3], [50, 50]), accept(GREENS, p)]);
    expect(t.state.history[1].deals).toHaveLength(1);
    t.round();
    const [m] = ofKind(moments(t.record()), 'labelled-concession');
    expect(m.seats).toEqual([2, 3]);
    expect(m.text).toMatch(/; no new seat joined it in a winning coalition that round or the next\.$/);
  });

  it('tells a seat accepting less than the minimum share it declared', () => {
    const t = new Table();
    t.act({ type: 'declare', seat: UNION, share: 40 }).advance();
    const p = nextId(t);
    t.round([propose(AUTHORITY, [0, 1], [70, 30]), accept(UNION, p)]);
    const m = pin(moments(t.record()), 'below-declaration', {
      round: 1,
      seats: [1],
      text: 'Round 1: Union joined a deal giving it 30% after declaring a minimum share of 40%, and lost 6 reputation.',
    });
    expect(m.lesson).toBe('walk-away-clarity');
  });

  it('tells each declaration, before play and when it changes', () => {
    const t = new Table();
    t.act({ type: 'declare', seat: UNION, share: 30 }).advance();
    t.act({ type: 'declare', seat: UNION, share: 40 }, { type: 'declare', seat: GREENS, share: 20 });
    const ms = ofKind(moments(t.record()), 'declaration');
    expect(ms.map((m) => ({ round: m.round, seats: m.seats, text: m.text }))).toEqual([
      {
        round: 1,
        seats: [1],
        text: 'Round 1: Union declared a minimum share of 30%: joining a deal that gives it less would cost it reputation.',
      },
      { round: 1, seats: [1], text: 'Round 1: Union raised its declared minimum share from 30% to 40%.' },
      {
        round: 1,
        seats: [3],
        text: 'Round 1: Greens declared a minimum share of 20%: joining a deal that gives it less would cost it reputation.',
      },
    ]);
    pinnedKinds.add('declaration');
  });
});

describe('questions', () => {
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
    pin(ms, 'question-answered', {
      round: 1,
      seats: [1, 3],
      text: 'Round 1: Union asked Greens what matters most, and Greens answered: Review first.',
    });
    const pkg = pin(ms, 'package-from-answer', {
      round: 1,
      seats: [3, 1],
      text: 'Round 1: the winning package gave Greens its top priority, Independent on Review, which it had told Union in round 1.',
    });
    expect(pkg.lesson).toBe('create-value-with-packages');
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

  it('tells a question declined and a question left unanswered, naming who asked whom', () => {
    const t = new Table();
    const declined = nextId(t);
    t.advance().act(
      { type: 'ask', seat: RESIDENTS, target: AUTHORITY },
      { type: 'decline', seat: AUTHORITY, ask: declined },
    );
    t.act({ type: 'ask', seat: GREENS, target: UNION });
    t.round();
    const ms = moments(t.record());
    pin(ms, 'question-declined', {
      round: 1,
      seats: [2, 0],
      text: 'Round 1: Residents asked Authority what matters most; Authority declined to answer.',
    });
    pin(ms, 'question-unanswered', {
      round: 1,
      seats: [3, 1],
      text: "Round 1: Greens asked Union what matters most; Union had not answered when the round's deals were made.",
    });
    expect(ofKind(ms, 'question-answered')).toEqual([]);
  });
});

/** How the rules' credit reads at the end of a demand's moment (taken from the engine's events). */
function creditSuffix(record: GameRecord, seq: number): { suffix: string; seats: number[] } {
  const credit = demandCredit(record, seq);
  const names = credit.map(([s]) => record.scenario.roles[s].name);
  expect(new Set(credit.map(([, d]) => d)).size).toBeLessThanOrEqual(1);
  const suffix =
    credit.length === 0
      ? ''
      : ` and ${listNames(names)} ${credit.length > 1 ? 'each ' : ''}gained ${credit[0][1]} reputation`;
  return { suffix, seats: credit.map(([s]) => s) };
}

describe('escalation moments', () => {
  function escalationGame(): Table {
    const t = new Table();
    t.advance();
    const esc = nextId(t);
    t.act(
      {
        type: 'escalate',
        seat: RESIDENTS,
        target: AUTHORITY,
        demand: { kind: 'option', issue: 'review', option: 'independent' },
        rationale: 'The harbour floods; review it.',
      },
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
    // Round 3: the Authority meets the demand with a deal it proposes itself.
    const p = nextId(t);
    t.round([
      propose(AUTHORITY, [0, 1, 2], [50, 30, 20], { terms: { jobs: 'none', review: 'independent' } }),
      accept(UNION, p),
      accept(RESIDENTS, p),
    ]);
    return t;
  }

  it('tells every stage of an escalation with who escalated against whom', () => {
    const ms = moments(escalationGame().record());
    const told = (kind: MomentKind) => ofKind(ms, kind).map((m) => ({ round: m.round, seats: m.seats, text: m.text }));
    expect(told('escalation-public')).toEqual([
      {
        round: 1,
        seats: [2, 0],
        text: 'Round 1: Residents went public against Authority, demanding Independent on Review: "The harbour floods; review it."',
      },
      {
        round: 1,
        seats: [1, 3],
        text: 'Round 1: Union went public against Greens, demanding a concession of 5 points.',
      },
    ]);
    pinnedKinds.add('escalation-public');
    pin(ms, 'escalation-mobilised', {
      round: 2,
      seats: [2, 0],
      text: 'Round 2: Residents mobilised against Authority over Independent on Review; allies can now co-sign.',
    });
    pin(ms, 'escalation-cosigned', {
      round: 2,
      seats: [3, 2, 0],
      text: "Round 2: Greens co-signed Residents' escalation against Authority; two seats now stand behind it, and it bites at 100% of its full force.",
    });
    pin(ms, 'escalation-complaint', {
      round: 2,
      seats: [2, 0],
      text: 'Round 2: Residents filed a formal complaint against Authority over Independent on Review, cutting its walk-away further.',
    });
    pin(ms, 'escalation-action', {
      round: 2,
      seats: [2, 3, 0],
      text: 'Round 2: Residents took action against Authority over Independent on Review: each round it stands, Authority loses 40 points and Residents and Greens 4 each.',
    });
    pin(ms, 'escalation-staged', {
      round: 3,
      seats: [2, 3, 0],
      text: "Round 3: Residents' escalation against Authority over Independent on Review went up stage by stage (public in round 1, mobilise, formal complaint and action in round 2, co-signed by Greens); Authority met the demand in round 3.",
    });
  });

  it('tells a public refusal, ignored demands and a lapse, naming the target', () => {
    const ms = moments(escalationGame().record());
    pin(ms, 'demand-refused', {
      round: 1,
      seats: [0, 2],
      text: 'Round 1: Authority refused Residents\' demand (Independent on Review) publicly: "Reviews delay the project." A public refusal costs it 3 reputation a round instead of 8.',
    });
    expect(ofKind(ms, 'demand-ignored').map((m) => ({ round: m.round, seats: m.seats, text: m.text }))).toEqual([
      { round: 1, seats: [3, 1], text: "Round 1: Greens ignored Union's public demand and lost 8 reputation." },
      { round: 2, seats: [3, 1], text: "Round 2: Greens ignored Union's public demand and lost 8 reputation." },
    ]);
    pinnedKinds.add('demand-ignored');
    pin(ms, 'escalation-lapsed', {
      round: 2,
      seats: [1, 3],
      text: "Round 2: Union's escalation against Greens lapsed at stage 1 (public): it was not renewed.",
    });
  });

  it('credits the target that met a demand by joining the winning deal', () => {
    const t = escalationGame();
    const ms = moments(t.record());
    const [met] = ofKind(ms, 'demand-met');
    const { suffix } = creditSuffix(t.record(), met.seq);
    pin(ms, 'demand-met', {
      round: 3,
      seats: [0, 2],
      text: `Round 3: Authority met Residents' demand (Independent on Review) by joining the winning deal that puts Independent on Review in force; the escalation ended${suffix}.`,
    });
    expect(met.lesson).toBe('de-escalation-saves-face');
  });

  it('credits the target that met a demand with its own concession', () => {
    const t = new Table();
    t.round();
    t.act({ type: 'escalate', seat: UNION, target: GREENS, demand: { kind: 'concession', points: 5 } });
    t.act({ type: 'concede', seat: GREENS, to: UNION, points: 5, labelled: false });
    const [met] = ofKind(moments(t.record()), 'demand-met');
    const { suffix } = creditSuffix(t.record(), met.seq);
    expect(met.seats).toEqual([3, 1]);
    expect(met.text).toBe(
      `Round 2: Greens met Union's demand (a concession of 5 points) with a concession of 5 points; the escalation ended${suffix}.`,
    );
  });

  it("does not say the target met a demand that the escalator's own winning deal settled without it", () => {
    const scenario = smallScenario();
    scenario.roles[AUTHORITY] = { ...scenario.roles[AUTHORITY], veto: false };
    const t = new Table(scenario);
    t.advance().act({
      type: 'escalate',
      seat: UNION,
      target: AUTHORITY,
      demand: { kind: 'option', issue: 'jobs', option: 'union' },
    });
    const p = nextId(t);
    t.round([
      propose(UNION, [1, 2, 3], [40, 30, 30], { terms: { jobs: 'union', review: 'independent' } }),
      accept(RESIDENTS, p),
      accept(GREENS, p),
    ]);
    const ms = moments(t.record());
    expect(ofKind(ms, 'demand-met')).toEqual([]);
    const [moot] = ofKind(ms, 'demand-moot');
    const { suffix, seats } = creditSuffix(t.record(), moot.seq);
    const nothing = seats.includes(AUTHORITY) ? '' : ', and Authority, which did nothing to meet it, earned no credit';
    pin(ms, 'demand-moot', {
      round: 1,
      seats: [1, 2, 3, 0],
      text: `Round 1: the winning deal of Union, Residents and Greens, without Authority, puts Union jobs on Jobs in force, so Union's demand on Authority (Union jobs on Jobs) was settled by others; the escalation ended${suffix}${nothing}.`,
    });
    expect(ms.some((m) => /Authority met/.test(m.text))).toBe(false);
  });

  it('tells a share demand met by the target, with the share the escalator got', () => {
    const t = new Table();
    t.advance().act({ type: 'escalate', seat: RESIDENTS, target: AUTHORITY, demand: { kind: 'share', share: 20 } });
    const p = nextId(t);
    t.round([propose(UNION, [0, 1, 2], [50, 25, 25]), accept(AUTHORITY, p), accept(RESIDENTS, p)]);
    const [met] = ofKind(moments(t.record()), 'demand-met');
    expect(met.seats).toEqual([0, 2]);
    expect(met.text).toMatch(
      /^Round 1: Authority met Residents' demand \(20% of the next winning deal\) by joining the winning deal that gives Residents 25%; the escalation ended/,
    );
  });

  it('tells a ladder that lapsed and one that still stood at the end', () => {
    const t = new Table(smallScenario(), { mode: 'coalition', seed: 7, rounds: 3 });
    t.advance();
    const lapsing = nextId(t);
    t.act(
      { type: 'escalate', seat: GREENS, target: AUTHORITY, demand: { kind: 'share', share: 30 } },
      { type: 'raise', seat: GREENS, escalation: lapsing },
    );
    t.round();
    t.round();
    const standing = nextId(t);
    t.act(
      { type: 'escalate', seat: UNION, target: AUTHORITY, demand: { kind: 'concession', points: 3 } },
      { type: 'raise', seat: UNION, escalation: standing },
    );
    t.act({ type: 'cosign', seat: RESIDENTS, escalation: standing });
    t.finish();
    const staged = ofKind(moments(t.record()), 'escalation-staged').map((m) => ({
      round: m.round,
      seats: m.seats,
      text: m.text,
    }));
    expect(staged).toEqual([
      {
        round: 2,
        seats: [3, 0],
        text: "Round 2: Greens' escalation against Authority over 30% of the next winning deal went up stage by stage (public and mobilise in round 1); it lapsed at stage 2 in round 2.",
      },
      {
        round: 3,
        seats: [1, 2, 0],
        text: "Round 3: Union's escalation against Authority over a concession of 3 points went up stage by stage (public and mobilise in round 3, co-signed by Residents); it still stood at stage 2 (mobilise) when the game ended.",
      },
    ]);
  });

  it("tells an outsider's walk-away cut by escalation, naming the seats that cut it", () => {
    const ms = moments(escalationGame().record());
    // Two seats of four press at stage 4: a full bite, 30 × (1 − 0.5 − 0.5) = 0.
    const cut = pin(ms, 'walk-away-cut', {
      round: 2,
      seats: [0, 2, 3],
      text: 'Round 2: with no winning deal, Authority got 0 instead of its walk-away of 30: escalation by Residents and Greens had cut it.',
    });
    expect(cut.lesson).toBe('make-non-agreement-costly');
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
    pin(ms, 'defection', {
      round: 4,
      seats: [0, 1, 2],
      text: 'Round 4: Authority defected on Union and Residents, who honoured; it lost 12 reputation.',
    });
    // Union's defection in round 5 answers round 4's, so it is told as retaliation, not as a new betrayal.
    pin(ms, 'retaliation', {
      round: 5,
      seats: [1, 0],
      text: "Round 5: Union answered Authority's defection in kind and defected back.",
    });
    pin(ms, 'forgiveness', {
      round: 5,
      seats: [2, 0],
      text: 'Round 5: Residents honoured Authority again after being betrayed in round 4, and Authority honoured too.',
    });
  });

  it('tells runs of mutual honour with their final length', () => {
    const runs = ofKind(moments(trustGame().record()), 'honour-run');
    // Six pairs honour through round 3; the pairs without the Authority keep going to round 5.
    expect(runs).toHaveLength(6);
    expect(runs.every((m) => m.round === 3)).toBe(true);
    expect(runs.map((m) => m.seats)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(runs.map((m) => m.text)).toContain(
      'Round 3: Authority and Union honoured each other for a third round in a row; the run lasted three rounds (1–3).',
    );
    expect(runs.map((m) => m.text)).toContain(
      'Round 3: Union and Residents honoured each other for a third round in a row; the run lasted five rounds (1–5).',
    );
    pinnedKinds.add('honour-run');
  });

  it('tells the game ending at a round nobody knew', () => {
    pin(moments(trustGame().record()), 'unknown-end', {
      round: 5,
      seats: [],
      text: 'Round 5: the game ended after five rounds, a number nobody at the table knew in advance (the number of rounds was never shown); in the last round 11 of 12 trust moves were honour.',
    });
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
    const noise = pin(ms, 'noise', {
      round: 1,
      seats: [0, 1],
      text: "Round 1: noise turned Authority's honour toward Union into a defection.",
    });
    expect(noise.lesson).toBe('forgiveness-under-noise');
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
    const half: GameRecord = {
      scenario: harbour,
      config: sim.state.config,
      log: sim.log.slice(0, Math.floor(sim.log.length / 2)),
    };
    const full = findMoments({ ...half, log: sim.log });
    const partial = findMoments(half);
    // What happened in the first half is told the same way, except what depends on later rounds.
    const later = new Set<MomentKind>(['labelled-concession', 'honour-run']);
    const comparable = (ms: Moment[]) => ms.filter((m) => m.seq < half.log.length && !later.has(m.kind));
    expect(comparable(partial)).toEqual(comparable(full));
  });
});

describe('topMoments', () => {
  const m = (seq: number, kind: MomentKind, magnitude: number): Moment => ({
    seq,
    round: 1,
    kind,
    seats: [],
    lesson: 'map-power',
    text: '',
    magnitude,
  });

  it('picks the largest, at most two of a kind while others remain, in log order', () => {
    const all = [
      m(1, 'defection', 50),
      m(2, 'defection', 49),
      m(3, 'defection', 48),
      m(4, 'coalition-formed', 10),
      m(5, 'demand-met', 5),
    ];
    expect(topMoments(all, 3).map((x) => x.seq)).toEqual([1, 2, 4]);
    expect(topMoments(all, 5).map((x) => x.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(topMoments(all, 4, 1).map((x) => x.seq)).toEqual([1, 2, 4, 5]);
    expect(topMoments(all, 0)).toEqual([]);
  });
});

describe('coverage', () => {
  // Runs last in this file (tests run in order): every kind was pinned, seats and words, by a
  // constructed game above.
  it('pins who did what for every kind of moment', () => {
    expect(MOMENT_KINDS.filter((k) => !pinnedKinds.has(k))).toEqual([]);
  });
});
