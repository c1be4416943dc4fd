// The before/after questions of a class session (issue 10): short, optional, each tied to a
// lesson of the game, asked before the first round and again after the last, so the class
// debrief can show how the class's beliefs moved. Built per scenario (the roles are its own).
import type { Scenario } from '../engine/types';
import type { ClassQuestion } from './input';

export function classQuestions(scenario: Scenario): ClassQuestion[] {
  return [
    {
      id: 'power-most',
      lesson: 'weight-is-not-power',
      text: 'Who has the most power at this table?',
      choices: scenario.roles.map((r, seat) => ({ value: String(seat), label: r.name })),
    },
    {
      id: 'share-accept',
      lesson: 'walk-away-clarity',
      text: 'What share of the prize would you accept for your role, at least?',
      choices: null,
      range: { min: 0, max: 100, unit: '%' },
    },
    {
      id: 'promises-kept',
      lesson: 'cooperation-pays-when-repeated',
      text: 'Will promises made at the table be kept?',
      choices: [
        { value: 'yes', label: 'Yes, almost all' },
        { value: 'mostly', label: 'Most of them' },
        { value: 'no', label: 'Few of them' },
      ],
    },
  ];
}

/** An answer as a student may give it: a listed choice, or a whole number within the range. */
export function validAnswer(q: ClassQuestion, answer: string): boolean {
  if (q.choices) return q.choices.some((c) => c.value === answer);
  if (!/^\d{1,3}$/.test(answer)) return false;
  const n = Number(answer);
  return q.range !== undefined && n >= q.range.min && n <= q.range.max;
}
