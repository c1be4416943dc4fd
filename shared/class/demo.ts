// A demonstration session for the class debrief: tables played headless by bots (and scripted
// students standing in for people), with before/after answers drawn from a seeded stream. It lets
// the page be built, tested and shown before a real session exists, and it is what
// `#class-debrief/demo` renders. Deterministic: the same arguments give the same session.
import { simulate } from '../bots/simulate';
import type { BotSpec } from '../bots/bot';
import { PERSONA_NAMES } from '../bots/personas';
import { Rng, seedRng } from '../engine/rng';
import type { Scenario } from '../engine/types';
import type { StudentName } from '../students';
import type { ClassAnswer, ClassDebriefInput, ClassQuestion, ClassTableInput } from './input';

/** What scripted student plays each "person" seat of demo table t (cycled), so tables differ. */
const STAND_INS: StudentName[] = [
  'labelled-conceder',
  'always-defect',
  'weak-escalator',
  'grabber',
  'accept-all',
  'escalate-always',
  'last-round-defector',
  'weak-bloc',
];

const NAMES = ['Ana', 'Ben', 'Chen', 'Dina', 'Emre', 'Femi', 'Gita', 'Hugo', 'Ines', 'Jon', 'Kim', 'Lea'];

/** The three questions of the issue: who holds power here, what share you would accept, whether promises will be kept. */
export function demoQuestions(scenario: Scenario): ClassQuestion[] {
  return [
    {
      id: 'power',
      text: 'Who has the most power at this table?',
      kind: 'choice',
      options: scenario.roles.map((r) => ({ id: r.id, text: r.name })),
      lesson: 'weight-is-not-power',
    },
    {
      id: 'share',
      text: 'What share of the prize would you accept to join a deal?',
      kind: 'number',
      unit: '%',
      lesson: 'walk-away-clarity',
    },
    {
      id: 'promises',
      text: 'Will promises made in a deal be kept?',
      kind: 'choice',
      options: [
        { id: 'yes', text: 'Yes, mostly' },
        { id: 'some', text: 'Some will' },
        { id: 'no', text: 'No, most will be broken' },
      ],
      lesson: 'cooperation-pays-when-repeated',
    },
  ];
}

/**
 * A session of `tables` tables of `scenario`: at table t, seat s holds a person (a scripted
 * student) when (s + t) is even and fewer than `people` seats are taken, and a persona otherwise.
 */
export function demoSession(scenario: Scenario, tables = 6, seed = 2026): ClassDebriefInput {
  const rng = new Rng(seedRng(seed));
  const out: ClassTableInput[] = [];
  const answers: ClassAnswer[] = [];
  let student = 0;
  const questions = demoQuestions(scenario);
  const strongest = scenario.roles.reduce((b, r, i) => (r.power > scenario.roles[b].power ? i : b), 0);
  for (let t = 0; t < tables; t++) {
    const specs: BotSpec[] = scenario.roles.map((_, s) =>
      (s + t) % 2 === 0
        ? { kind: 'student', student: STAND_INS[(t + s) % STAND_INS.length] }
        : { kind: 'persona', persona: PERSONA_NAMES[(s * 2 + t) % PERSONA_NAMES.length], difficulty: 'normal' },
    );
    const game = simulate(scenario, specs, seed * 100 + t);
    // Stand-ins' entries are a person's: the record then says what a class's record would.
    const log = game.log.map((e) =>
      typeof e.actor === 'number' && specs[e.actor].kind === 'student'
        ? { ...e, by: 'human' as const, reason: null }
        : e,
    );
    const code = `D${String(t + 1).padStart(3, '0')}`;
    out.push({
      id: code,
      label: `Table ${t + 1}`,
      record: { scenario, config: game.state.config, log },
      seats: specs.map((spec, seat) => {
        if (spec.kind !== 'student') return { seat, heldBy: 'bot', name: null };
        const name = NAMES[student % NAMES.length];
        const id = `s${student++}`;
        // Answers: before, many name the seat with the most weight; after, more name the veto or pivotal seat.
        const powerBefore = rng.chance(0.7) ? scenario.roles[strongest].id : rng.pick(scenario.roles).id;
        const powerAfter = rng.chance(0.5) ? powerBefore : rng.pick(scenario.roles).id;
        answers.push(
          { student: id, question: 'power', phase: 'before', answer: powerBefore },
          { student: id, question: 'share', phase: 'before', answer: 10 * rng.int(2, 6) },
          { student: id, question: 'promises', phase: 'before', answer: rng.pick(['yes', 'yes', 'some', 'no']) },
        );
        if (rng.chance(0.85))
          answers.push(
            { student: id, question: 'power', phase: 'after', answer: powerAfter },
            { student: id, question: 'share', phase: 'after', answer: 10 * rng.int(1, 4) },
            { student: id, question: 'promises', phase: 'after', answer: rng.pick(['yes', 'some', 'some', 'no']) },
          );
        return { seat, heldBy: 'person', name };
      }),
    });
  }
  return { session: 'demo', title: `Demonstration class: ${scenario.name}`, tables: out, questions, answers };
}
