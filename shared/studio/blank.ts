// The studio's starting points: a blank scenario that a trainer fills in (the game's default
// numbers, empty names and texts, so the live checks list what is left to write), and the
// default numbers themselves. Pure data; the shipped scenarios come from the server, never from
// the client bundle, which must not carry their private text.
import { DEFAULT_CONTINUE } from '../engine/setup';
import type { Scenario } from '../engine/types';

/** DESIGN 1 defaults, the same as every shipped scenario's (a unit test pins them). */
export const DEFAULT_NUMBERS = {
  quota: 51,
  prize: 100,
  rounds: { min: 4, continue: DEFAULT_CONTINUE, max: 18 },
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
};

export type Draft = Record<string, unknown>;

function blankValues(issues: { id: string; options: { id: string }[] }[]): Record<string, Record<string, number>> {
  return Object.fromEntries(issues.map((i) => [i.id, Object.fromEntries(i.options.map((o) => [o.id, 0]))]));
}

/** Three roles, two issues of two options, every value 0, every name and text still to write. */
export function blankScenario(): Draft {
  const issues = [
    {
      id: 'issue-1',
      name: '',
      options: [
        { id: 'option-1', name: '' },
        { id: 'option-2', name: '' },
      ],
    },
    {
      id: 'issue-2',
      name: '',
      options: [
        { id: 'option-1', name: '' },
        { id: 'option-2', name: '' },
      ],
    },
  ];
  const role = (n: number, power: number, walkAway: number) => ({
    id: `role-${n}`,
    name: '',
    power,
    walkAway,
    veto: false,
    briefing: '',
    values: blankValues(issues),
  });
  return structuredClone({
    id: 'my-scenario',
    name: '',
    summary: '',
    roles: [role(1, 40, 20), role(2, 35, 10), role(3, 25, 5)],
    issues,
    ...DEFAULT_NUMBERS,
    debrief: '',
  });
}

/** A shipped scenario as a starting point: its own id changed, so a save never passes for the original. */
export function copyOf(scenario: Draft): Draft {
  const copy = structuredClone(scenario);
  copy.id = `${String(scenario.id).slice(0, 32)}-custom`;
  copy.name = `${String(scenario.name).slice(0, 70)} (custom)`;
  return copy;
}

/**
 * A shipped scenario with what only its players may read left blank: each role's walk-away,
 * values and briefing, and the debrief (and its questions). Its structure — roles, powers, vetoes,
 * issues, options, the numbers of the rules — stays, so the studio still opens it in its forms.
 */
export function withPrivateBlank(scenario: Scenario): Draft {
  return {
    ...structuredClone(scenario),
    roles: scenario.roles.map((r) => ({
      ...r,
      walkAway: '',
      briefing: '',
      values: Object.fromEntries(
        Object.entries(r.values).map(([issue, options]) => [
          issue,
          Object.fromEntries(Object.keys(options).map((o) => [o, ''])),
        ]),
      ),
    })),
    debrief: '',
  };
}
