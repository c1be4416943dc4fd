// The five negotiation personas of DESIGN.md section 6, as numbers a policy reads.
import type { StrategyName } from '../strategies';

export const PERSONA_NAMES = ['incumbent', 'builder', 'opportunist', 'hardliner', 'reciprocator'] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface Profile {
  /** One line for people choosing opponents. */
  summary: string;
  /** Accepts a deal worth at least walk-away + demand × its fair share of the prize. */
  demand: number;
  /** Its own share when it proposes, as a multiple of its fair share. */
  ask: number;
  /** Coalitions it builds: the cheapest minimal winning one, or a broad one. */
  coalition: 'cheapest' | 'broad' | 'trusted';
  /** Builds packages from the answers it gets (creates value) or takes its own best terms. */
  packages: boolean;
  /** Asks others what matters to them. */
  asks: boolean;
  /** Answers questions put to it. */
  answers: boolean;
  /** Escalates when shut out: after this many rounds outside the winning deal (Infinity: never). */
  escalateAfter: number;
  /** Gives labelled concessions to build reputation. */
  concedes: boolean;
  /** Switches to a better offer even when its current deal stands. */
  switches: boolean;
  trust: StrategyName;
}

export const PROFILES: Record<PersonaName, Profile> = {
  incumbent: {
    summary: 'The strong seat: refuses until refusing costs more than conceding.',
    demand: 1.2, ask: 1.35, coalition: 'cheapest', packages: false, asks: false, answers: false,
    escalateAfter: Infinity, concedes: false, switches: false, trust: 'grudger',
  },
  builder: {
    summary: 'Builds broad coalitions with fair splits by power index, packages from answers, labelled concessions.',
    demand: 0.75, ask: 1.0, coalition: 'broad', packages: true, asks: true, answers: true,
    escalateAfter: 3, concedes: true, switches: false, trust: 'generous-tit-for-tat',
  },
  opportunist: {
    summary: 'Takes the cheapest minimal winning coalition and breaks alliances when it pays.',
    demand: 1.0, ask: 1.25, coalition: 'cheapest', packages: false, asks: true, answers: true,
    escalateAfter: Infinity, concedes: false, switches: true, trust: 'prober',
  },
  hardliner: {
    summary: 'Makes high demands and escalates early.',
    demand: 1.4, ask: 1.6, coalition: 'cheapest', packages: false, asks: false, answers: false,
    escalateAfter: 1, concedes: false, switches: false, trust: 'suspicious-tit-for-tat',
  },
  reciprocator: {
    summary: 'Mirrors what was done to it: fair to the fair, closed to those who defected.',
    demand: 0.9, ask: 1.05, coalition: 'trusted', packages: true, asks: true, answers: true,
    escalateAfter: 2, concedes: true, switches: false, trust: 'tit-for-tat',
  },
};

/** The trust strategy that fits a persona. */
export function personaStrategy(persona: PersonaName): StrategyName {
  return PROFILES[persona].trust;
}
