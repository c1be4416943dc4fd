// Words the moments and the coach share: names, lists, numbers and demands as people read them.
// Pure: no I/O.
import { round2 } from '../engine/rules';
import type { Demand, Scenario, Seat } from '../engine/types';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Escalation stages by number (1 public … 4 action). */
export const STAGE_NAMES = ['', 'public', 'mobilise', 'formal complaint', 'action'];

/** "two", or "12" past ten. */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A number of points as people read it: at most two decimals, none when whole. */
export function pointsText(x: number): string {
  return String(round2(x));
}

export function percentText(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "Union's", "Dockworkers' Union's", "Residents'". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** A seat's role name. */
export function seatName(scenario: Scenario, seat: Seat): string {
  return scenario.roles[seat]?.name ?? `Seat ${seat + 1}`;
}

/** An issue's option by name: "Independent review on Environmental review". */
export function optionText(scenario: Pick<Scenario, 'issues'>, issueId: string, optionId: string): string {
  const issue = scenario.issues.find((i) => i.id === issueId);
  const option = issue?.options.find((o) => o.id === optionId);
  return `${option?.name ?? optionId} on ${issue?.name ?? issueId}`;
}

/** What a demand asks for, in words. */
export function demandText(scenario: Pick<Scenario, 'issues'>, d: Demand): string {
  switch (d.kind) {
    case 'share':
      return `${d.share}% of the next winning deal`;
    case 'concession':
      return `a concession of ${d.points} points`;
    case 'option':
      return optionText(scenario, d.issue, d.option);
  }
}
