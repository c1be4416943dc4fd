// The class's before/after shift (issue 10 item 5): for each question, how the class answered
// before the first round and after the last, and how many students who answered both changed
// their answer. A student's later answer to the same question and phase replaces an earlier one.
// Pure: no I/O.
import { isLessonId, type LessonId } from '../record/lessons';
import { median } from '../record/placements';
import type { ClassAnswer, ClassQuestion } from './input';

export interface OptionCount {
  id: string;
  text: string;
  count: number;
  /** count ÷ answers of this phase; 0 when nobody answered. */
  share: number;
}

export interface Tally {
  /** How many students answered. */
  answers: number;
  /** Choice questions: every option, in the question's order. */
  options: OptionCount[] | null;
  /** Number questions: the mean and median answer; null when nobody answered. */
  mean: number | null;
  median: number | null;
}

export interface QuestionShift {
  id: string;
  text: string;
  kind: 'choice' | 'number';
  unit: string | null;
  /** The lesson the question belongs to, when it names one of DESIGN's lessons. */
  lesson: LessonId | null;
  before: Tally;
  after: Tally;
  /** Students who answered both before and after. */
  paired: number;
  /** Of those, how many gave a different answer after. */
  changed: number;
  /** Number questions: the mean of (after − before) over paired students; null otherwise. */
  meanChange: number | null;
  /** Choice questions: the option whose share rose most (before → after), if any rose. */
  rose: { id: string; text: string; by: number } | null;
}

function tally(q: ClassQuestion, answers: ReadonlyMap<string, string | number>): Tally {
  const values = [...answers.values()];
  if (q.choices === null) {
    const xs = values.filter((v): v is number => typeof v === 'number');
    return {
      answers: xs.length,
      options: null,
      mean: xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null,
      median: xs.length > 0 ? median(xs) : null,
    };
  }
  const options = q.choices.map((o) => ({
    id: o.value,
    text: o.label,
    count: values.filter((v) => v === o.value).length,
    share: 0,
  }));
  const n = options.reduce((a, o) => a + o.count, 0);
  for (const o of options) o.share = n > 0 ? o.count / n : 0;
  return { answers: n, options, mean: null, median: null };
}

/**
 * An answer as the tally counts it: a known choice, or a finite number within the question's
 * range (answers arrive as text); null for anything else, which is not counted.
 */
function reading(q: ClassQuestion, answer: string): string | number | null {
  if (q.choices !== null) return q.choices.some((o) => o.value === answer) ? answer : null;
  const x = answer.trim() === '' ? NaN : Number(answer);
  if (!Number.isFinite(x)) return null;
  if (q.range && (x < q.range.min || x > q.range.max)) return null;
  return x;
}

/** The shift of every question, in the questions' order; answers to unknown questions are ignored. */
export function questionShifts(questions: readonly ClassQuestion[], answers: readonly ClassAnswer[]): QuestionShift[] {
  return questions.map((q) => {
    const before = new Map<string, string | number>();
    const after = new Map<string, string | number>();
    for (const a of answers) {
      if (a.question !== q.id) continue;
      const x = reading(q, a.answer);
      if (x !== null) (a.phase === 'before' ? before : after).set(a.student, x);
    }
    let paired = 0;
    let changed = 0;
    let change = 0;
    for (const [student, b] of before) {
      const x = after.get(student);
      if (x === undefined) continue;
      paired++;
      if (x !== b) changed++;
      if (typeof x === 'number' && typeof b === 'number') change += x - b;
    }
    const tb = tally(q, before);
    const ta = tally(q, after);
    let rose: QuestionShift['rose'] = null;
    if (ta.options && tb.options && tb.answers > 0 && ta.answers > 0) {
      for (let i = 0; i < ta.options.length; i++) {
        const by = ta.options[i].share - tb.options[i].share;
        if (by > 1e-9 && (!rose || by > rose.by + 1e-9)) rose = { id: ta.options[i].id, text: ta.options[i].text, by };
      }
    }
    return {
      id: q.id,
      text: q.text,
      kind: q.choices === null ? 'number' : 'choice',
      unit: q.range?.unit ?? null,
      lesson: isLessonId(q.lesson) ? q.lesson : null,
      before: tb,
      after: ta,
      paired,
      changed,
      meanChange: q.choices === null && paired > 0 ? change / paired : null,
      rose,
    };
  });
}
