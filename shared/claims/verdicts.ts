// What the game's own measurement says of each lesson, per shipped scenario (DESIGN 10): a lesson
// a screen or the coach states is a claim, taught as true only where `npm run claims` found it
// to hold. assets/claims/verdicts.json is written by `npm run claims -- --verdicts FILE`, and a
// test checks it against a fresh measurement at a smaller size.
import type { LessonId } from '../record/lessons';
import type { ClaimId, Verdict } from './claims';
import measured from '../../assets/claims/verdicts.json' with { type: 'json' };

export interface ClaimVerdicts {
  rules: number;
  games: number;
  scenarios: Record<string, Partial<Record<ClaimId, Verdict>>>;
}

/** The claims each lesson rests on: a lesson holds where all of them hold (or are not claimed there). */
export const LESSON_CLAIMS: Partial<Record<LessonId, ClaimId[]>> = {
  'create-value-with-packages': ['packages'],
  'coalitions-of-the-weak': ['coalesce'],
  'ask-what-matters': ['asking'],
  'label-concessions': ['labelled'],
  'staged-escalation': ['escalation'],
  'make-non-agreement-costly': ['escalation', 'concede-best-reply'],
  'de-escalation-saves-face': ['concede-best-reply'],
};

export type LessonStatus = 'holds' | 'does not hold' | 'unmeasured';

const VERDICTS = measured as ClaimVerdicts;

/** Whether the measurement supports a lesson in a scenario; lessons no claim covers hold by default. */
export function lessonStatus(scenarioId: string, lesson: LessonId, verdicts: ClaimVerdicts = VERDICTS): LessonStatus {
  const claims = LESSON_CLAIMS[lesson];
  if (!claims) return 'holds';
  const row = verdicts.scenarios[scenarioId];
  if (!row) return 'unmeasured';
  return claims.some((c) => row[c] === 'does not hold') ? 'does not hold' : 'holds';
}

/** The sentence that follows a lesson the measurement does not support here. */
export function notShownHere(scenarioName: string): string {
  return `The game's own measurement does not show this paying in ${scenarioName}: treat it as something to test, not a rule.`;
}
