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
import type { ClassAnswer, ClassDebriefInput, ClassTableInput } from './input';
import { classQuestions } from './questions';

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

/**
 * A session of `tables` tables of `scenario`: at table t, seat s holds a person (a scripted
 * student standing in) when s + t is even, and a persona at normal difficulty otherwise.
 */
export function demoSession(scenario: Scenario, tables = 6, seed = 2026): ClassDebriefInput {
  const rng = new Rng(seedRng(seed));
  const out: ClassTableInput[] = [];
  const answers: ClassAnswer[] = [];
  let student = 0;
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
    const answer = (id: string, seat: number, question: string, phase: 'before' | 'after', value: string) =>
      answers.push({ student: id, table: code, seat, question, phase, answer: value, time: 0 });
    out.push({
      code,
      label: `Table ${t + 1}`,
      scenario,
      config: game.state.config,
      log,
      results: null,
      finished: game.state.phase === 'end',
      seats: specs.map((spec, seat) => {
        const bot = spec.kind === 'persona' ? spec : null;
        if (spec.kind !== 'student') return { seat, kind: 'bot', bot, botHeld: false };
        const id = `s${student++}`;
        // Before, most name the seat with the most weight; after, half of them name another.
        // Answers as a session stores them: a seat's index for the power question (classQuestions).
        const anySeat = () => String(scenario.roles.indexOf(rng.pick(scenario.roles)));
        const powerBefore = rng.chance(0.7) ? String(strongest) : anySeat();
        answer(id, seat, 'power-most', 'before', powerBefore);
        answer(id, seat, 'share-accept', 'before', String(10 * rng.int(2, 6)));
        answer(id, seat, 'promises-kept', 'before', rng.pick(['yes', 'yes', 'mostly', 'no']));
        if (rng.chance(0.85)) {
          answer(id, seat, 'power-most', 'after', rng.chance(0.5) ? powerBefore : anySeat());
          answer(id, seat, 'share-accept', 'after', String(10 * rng.int(1, 4)));
          answer(id, seat, 'promises-kept', 'after', rng.pick(['yes', 'mostly', 'mostly', 'no']));
        }
        return { seat, kind: 'human', bot: null, botHeld: false };
      }),
    });
  }
  return {
    session: { code: 'demo', created: 0, ended: null, anonymous: true },
    tables: out,
    questions: classQuestions(scenario),
    answers,
  };
}
