import type { Scenario } from '../../shared/engine/types';

/**
 * A small hand-made table whose numbers are easy to compute by hand:
 * Authority (power 5, veto, walk-away 30), Union (3, 10), Residents (2, 5), Greens (2, 5).
 * Total power 12, quota 7: the Authority must be in every winning deal.
 */
export function smallScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    id: 'small',
    name: 'Small harbour',
    summary: 'A test table.',
    roles: [
      {
        id: 'authority',
        name: 'Authority',
        power: 5,
        walkAway: 30,
        veto: true,
        briefing: 'You run the port.',
        values: { jobs: { none: 6, local: 2, union: -4 }, review: { none: 4, standard: 1, independent: -2 } },
      },
      {
        id: 'union',
        name: 'Union',
        power: 3,
        walkAway: 10,
        veto: false,
        briefing: 'You want union jobs.',
        values: { jobs: { none: 0, local: 6, union: 14 }, review: { none: 0, standard: 1, independent: 1 } },
      },
      {
        id: 'residents',
        name: 'Residents',
        power: 2,
        walkAway: 5,
        veto: false,
        briefing: 'You want local hiring.',
        values: { jobs: { none: 0, local: 8, union: 4 }, review: { none: -2, standard: 3, independent: 6 } },
      },
      {
        id: 'greens',
        name: 'Greens',
        power: 2,
        walkAway: 5,
        veto: false,
        briefing: 'You want an independent review.',
        values: { jobs: { none: 0, local: 1, union: 1 }, review: { none: -6, standard: 2, independent: 12 } },
      },
    ],
    issues: [
      {
        id: 'jobs',
        name: 'Jobs',
        options: [
          { id: 'none', name: 'None' },
          { id: 'local', name: 'Local hiring' },
          { id: 'union', name: 'Union jobs' },
        ],
      },
      {
        id: 'review',
        name: 'Review',
        options: [
          { id: 'none', name: 'None' },
          { id: 'standard', name: 'Standard' },
          { id: 'independent', name: 'Independent' },
        ],
      },
    ],
    quota: 7,
    prize: 100,
    rounds: { min: 4, continue: 0.8, max: 18 },
    trust: { stake: 5, payoffs: { T: 4, R: 2, P: 0, S: -1 } },
    escalation: {
      stageCost: [2, 4, 6, 8],
      cosignCost: 2,
      mobiliseDrop: 0.5,
      complaintDrop: 0.5,
      complaintIncomeCut: 0.3,
      actionTargetLoss: 40,
      actionEscalatorLoss: 4,
    },
    reputation: {
      start: 50,
      answer: 2,
      labelledPerCostShare: 40,
      labelledMax: 8,
      silentFactor: 0.25,
      honour: 1,
      defectOnHonour: 6,
      ignoreDemand: 8,
      refuseDemand: 3,
      demandMet: 4,
      breakDeclaration: 6,
    },
    durations: { negotiate: 90, trust: 20 },
    debrief: 'Debrief.',
    ...overrides,
  };
}

/** Freezes an object graph so a test fails if the engine mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
