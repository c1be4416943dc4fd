// The before/after questions a session asks name the game's lessons, so the class debrief's shift
// links each question to its lesson (a question with an unknown lesson is shown without one).
import { describe, expect, it } from 'vitest';
import { classQuestions } from '../../../shared/class/questions';
import { questionShifts } from '../../../shared/class/shift';
import { isLessonId } from '../../../shared/record/lessons';
import { scenarioById } from '../../../shared/scenarios';

const harbour = scenarioById('harbour-development')!;

describe('a session’s before/after questions', () => {
  it('each name one of the game’s lessons', () => {
    for (const q of classQuestions(harbour)) expect(isLessonId(q.lesson), q.id).toBe(true);
  });

  it('reach the class debrief’s shift with their lessons', () => {
    const shifts = questionShifts(classQuestions(harbour), []);
    expect(shifts.map((s) => s.lesson)).toEqual([
      'weight-is-not-power',
      'walk-away-clarity',
      'cooperation-pays-when-repeated',
    ]);
  });
});
