// The class's before/after shift, counted by hand from a handful of answers.
import { describe, expect, it } from 'vitest';
import type { ClassAnswer, ClassQuestion } from '../../../shared/class/input';
import { questionShifts } from '../../../shared/class/shift';

const power: ClassQuestion = {
  id: 'power',
  lesson: 'weight-is-not-power',
  text: 'Who has the most power here?',
  choices: [
    { value: 'authority', label: 'Authority' },
    { value: 'union', label: 'Union' },
  ],
};
const share: ClassQuestion = {
  id: 'share',
  lesson: 'a tag that is not a lesson',
  text: 'What share would you accept?',
  choices: null,
  range: { min: 0, max: 100, unit: '%' },
};

let time = 0;
const a = (student: string, question: string, phase: 'before' | 'after', answer: string): ClassAnswer => ({
  student,
  table: null,
  seat: null,
  question,
  phase,
  answer,
  time: time++,
});

const answers: ClassAnswer[] = [
  // s1 first said Authority, then changed it to Union before the game: the later answer counts.
  a('s1', 'power', 'before', 'authority'),
  a('s1', 'power', 'before', 'union'),
  a('s2', 'power', 'before', 'union'),
  a('s3', 'power', 'before', 'authority'),
  a('s4', 'power', 'before', 'union'),
  a('s1', 'power', 'after', 'authority'),
  a('s2', 'power', 'after', 'union'),
  a('s3', 'power', 'after', 'authority'),
  // s5 answered only after; an unknown option and an unknown question are not counted.
  a('s5', 'power', 'after', 'authority'),
  a('s6', 'power', 'after', 'greens'),
  a('s1', 'nope', 'after', 'authority'),
  a('s1', 'share', 'before', '40'),
  a('s2', 'share', 'before', '60'),
  a('s3', 'share', 'before', 'abc'),
  a('s4', 'share', 'before', '150'),
  a('s1', 'share', 'after', '30'),
  a('s2', 'share', 'after', '30'),
];

describe('questionShifts', () => {
  const [p, s] = questionShifts([power, share], answers);

  it('tallies a choice question before and after, and who changed', () => {
    expect(p.kind).toBe('choice');
    expect(p.lesson).toBe('weight-is-not-power');
    expect(p.before.answers).toBe(4);
    expect(p.before.options!.map((o) => [o.id, o.count, o.share])).toEqual([
      ['authority', 1, 0.25],
      ['union', 3, 0.75],
    ]);
    expect(p.after.answers).toBe(4);
    expect(p.after.options!.map((o) => [o.id, o.count, o.share])).toEqual([
      ['authority', 3, 0.75],
      ['union', 1, 0.25],
    ]);
    // s1, s2, s3 answered both; only s1 changed.
    expect(p.paired).toBe(3);
    expect(p.changed).toBe(1);
    expect(p.rose).toEqual({ id: 'authority', text: 'Authority', by: 0.5 });
    expect(p.meanChange).toBeNull();
  });

  it('reads a number question from text, within its range, with the mean change of the paired', () => {
    expect(s.kind).toBe('number');
    expect(s.unit).toBe('%');
    // A tag that names no lesson is not shown as one.
    expect(s.lesson).toBeNull();
    expect(s.before).toEqual({ answers: 2, options: null, mean: 50, median: 50 });
    expect(s.after).toEqual({ answers: 2, options: null, mean: 30, median: 30 });
    expect(s.paired).toBe(2);
    expect(s.changed).toBe(2);
    // (30 − 40 + 30 − 60) ÷ 2
    expect(s.meanChange).toBe(-20);
    expect(s.rose).toBeNull();
  });

  it('with no answers, says so instead of inventing a shift', () => {
    const [q] = questionShifts([share], []);
    expect(q.before).toEqual({ answers: 0, options: null, mean: null, median: null });
    expect(q.paired).toBe(0);
    expect(q.meanChange).toBeNull();
  });
});
