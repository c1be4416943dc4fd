// What a moment is, and the small context the finders share while they replay a log.
import type { Scenario, Seat } from '../engine/types';
import type { LessonId } from './lessons';
import { listNames, possessive, seatName } from './words';

export const MOMENT_KINDS = [
  'coalition-formed',
  'coalition-changed',
  'coalition-broke',
  'weak-coalition',
  'walk-away-cut',
  'labelled-concession',
  'question-answered',
  'question-declined',
  'question-unanswered',
  'package-from-answer',
  'declaration',
  'escalation-public',
  'escalation-mobilised',
  'escalation-cosigned',
  'escalation-complaint',
  'escalation-action',
  'escalation-staged',
  'demand-met',
  'demand-moot',
  'demand-refused',
  'demand-ignored',
  'escalation-lapsed',
  'below-declaration',
  'defection',
  'noise',
  'retaliation',
  'forgiveness',
  'honour-run',
  'unknown-end',
] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export interface Moment {
  /** The log entry the moment happened at. */
  seq: number;
  round: number;
  kind: MomentKind;
  /** The seats involved, the one that acted first (for a deal: its members). */
  seats: number[];
  lesson: LessonId;
  /** One or two sentences with role names and glossary words, starting "Round N: ". */
  text: string;
  /** A rough weight, in about points, so the debrief can pick the largest moments. */
  magnitude: number;
}

/** The moments found so far and the words every finder uses. */
export class Moments {
  readonly out: Moment[] = [];

  constructor(readonly scenario: Scenario) {}

  /** Adds a moment; returns its index (a finder may fill in its text later). */
  add(m: Moment): number {
    return this.out.push(m) - 1;
  }

  name = (s: Seat): string => seatName(this.scenario, s);
  poss = (s: Seat): string => possessive(this.name(s));
  names = (seats: readonly Seat[]): string => listNames(seats.map(this.name));
}
