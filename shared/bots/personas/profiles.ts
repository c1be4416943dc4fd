// The five negotiation personas of DESIGN.md section 6, as numbers a policy reads.
import type { StrategyName } from '../strategies';

export const PERSONA_NAMES = ['incumbent', 'builder', 'opportunist', 'hardliner', 'reciprocator'] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface Profile {
  /** One line for people choosing opponents. */
  summary: string;
  /** Accepts a deal worth at least its walk-away + demand × its power's share of the surplus the coalition creates. */
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
    demand: 1.1,
    ask: 1.35,
    coalition: 'cheapest',
    packages: false,
    asks: false,
    answers: false,
    escalateAfter: Infinity,
    concedes: false,
    switches: false,
    trust: 'grudger',
  },
  builder: {
    summary: 'Builds broad coalitions with fair splits by power index, packages from answers, labelled concessions.',
    demand: 0.8,
    ask: 1.0,
    coalition: 'broad',
    packages: true,
    asks: true,
    answers: true,
    escalateAfter: 3,
    concedes: true,
    switches: false,
    trust: 'generous-tit-for-tat',
  },
  opportunist: {
    summary: 'Takes the cheapest minimal winning coalition and breaks alliances when it pays.',
    demand: 0.95,
    ask: 1.25,
    coalition: 'cheapest',
    packages: false,
    asks: true,
    answers: true,
    escalateAfter: Infinity,
    concedes: false,
    switches: true,
    trust: 'prober',
  },
  hardliner: {
    summary: 'Makes high demands and escalates early.',
    demand: 1.3,
    ask: 1.6,
    coalition: 'cheapest',
    packages: false,
    asks: false,
    answers: false,
    escalateAfter: 2,
    concedes: false,
    switches: false,
    trust: 'two-tits-for-tat',
  },
  reciprocator: {
    summary: 'Mirrors what was done to it: fair to the fair, closed to those who defected.',
    demand: 0.85,
    ask: 1.05,
    coalition: 'trusted',
    packages: true,
    asks: true,
    answers: true,
    escalateAfter: 2,
    concedes: true,
    switches: false,
    trust: 'tit-for-tat',
  },
};

/**
 * A persona with one habit switched, for measuring what that habit is worth (the claims of
 * DESIGN 10 compare, say, builders with and without packages on the same seeds). Never offered
 * to a table.
 */
export interface PersonaTweak {
  packages?: boolean;
  asks?: boolean;
  concedes?: boolean;
  /** How a target answers demands: as its persona would, always meet them, or never. */
  yields?: 'persona' | 'always' | 'never';
  /** Labels its no-strings concessions (true) or gives them silently. */
  labels?: boolean;
  /** Bargains over money only: never builds a package or asks for a term in a counter-offer. */
  moneyOnly?: boolean;
}

/** The trust strategy that fits a persona. */
export function personaStrategy(persona: PersonaName): StrategyName {
  return PROFILES[persona].trust;
}
