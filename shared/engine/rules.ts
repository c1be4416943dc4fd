// Derived quantities of the rules, shared by actions, views, scoring and bots.
import {
  RULES_VERSION,
  type Escalation,
  type GameState,
  type Role,
  type RulesVersion,
  type Scenario,
  type Seat,
  type SeatState,
  type Terms,
  type TrustMove,
  type TrustPayoffs,
} from './types';

export const MAX_TEXT = 280;

/**
 * The public part of a table's make-up: weights, vetoes and quota. A full scenario and the public
 * scenario in a seat's view both fit, so the engine, the bots and the coach share one rule.
 */
export interface PowerFacts {
  roles: readonly { power: number; veto: boolean }[];
  quota: number;
}

/** Total voting weight at the table. */
export function totalPower(scenario: Pick<PowerFacts, 'roles'>): number {
  let sum = 0;
  for (const role of scenario.roles) sum += role.power;
  return sum;
}

/** Combined weight of a set of seats. */
export function powerOf(scenario: Pick<PowerFacts, 'roles'>, seats: readonly Seat[]): number {
  let sum = 0;
  for (const s of seats) sum += scenario.roles[s].power;
  return sum;
}

/** A set of seats wins when its weight reaches the quota and it holds every veto (DESIGN 2.2). */
export function isWinningSet(scenario: PowerFacts, seats: readonly Seat[]): boolean {
  if (powerOf(scenario, seats) < scenario.quota) return false;
  for (let i = 0; i < scenario.roles.length; i++) {
    if (scenario.roles[i].veto && !seats.includes(i)) return false;
  }
  return true;
}

/** Points per round a role gets from a set of terms (its private values). */
export function termsValue(role: Role, terms: Terms | null): number {
  if (!terms) return 0;
  let sum = 0;
  for (const issue in terms) sum += role.values[issue]?.[terms[issue]] ?? 0;
  return sum;
}

/** The rules version a game is played under (DESIGN v3 unless its record says otherwise). */
export function rulesOf(state: Pick<GameState, 'config'>): RulesVersion {
  return state.config.rules ?? RULES_VERSION;
}

/** Axelrod's payoffs, which the trust game plays (DESIGN 5) whatever the scenario's trust stage says. */
export const AXELROD_PAYOFFS: TrustPayoffs = Object.freeze({ T: 5, R: 3, P: 1, S: 0 });

/** The payoffs of a game's trust moves: Axelrod's in the trust game, the scenario's in a coalition game. */
export function payoffsOf(state: Pick<GameState, 'config' | 'scenario'>): TrustPayoffs {
  return state.config.mode === 'trust' ? AXELROD_PAYOFFS : state.scenario.trust.payoffs;
}

/**
 * How hard an escalation side bites (rules v3), from 0 to 1: publicity and mobilisation draw on
 * numbers, so it grows with how many seats stand behind the escalation, not with their weight.
 * A third of the table (at least two seats) bites fully; one seat alone bites a quarter or less.
 */
export function bite(sideSeats: number, tableSeats: number): number {
  if (sideSeats <= 0) return 0;
  return Math.min(1, (sideSeats / Math.max(2, tableSeats / 3)) ** 2);
}

/** Share of the table's power held by an escalation's side (rules v2's measure of its bite). */
export function escalationShare(scenario: Pick<PowerFacts, 'roles'>, e: Escalation): number {
  return powerOf(scenario, [e.escalator, ...e.cosigners]) / totalPower(scenario);
}

/** How hard one escalation bites on its own, under the game's rules. */
export function escalationBite(rules: RulesVersion, scenario: Pick<PowerFacts, 'roles'>, e: Escalation): number {
  return rules >= 3 ? bite(1 + e.cosigners.length, scenario.roles.length) : escalationShare(scenario, e);
}

/** The seats pressing on `target` through escalations at `stage` or beyond (escalators and co-signers, once each). */
export function pressingSide(state: Pick<GameState, 'escalations'>, target: Seat, stage: number): Seat[] {
  const side = new Set<Seat>();
  for (const e of state.escalations) {
    if (e.target !== target || e.stage < stage) continue;
    side.add(e.escalator);
    for (const c of e.cosigners) side.add(c);
  }
  return [...side].sort((a, b) => a - b);
}

/**
 * The pressure on a seat through escalations at `stage` or beyond, 0–1: the union of their
 * sides, so a seat that presses twice counts once. Rules v3 count the seats (bite), v2 their power.
 */
export function pressureShare(state: GameState, target: Seat, stage: number): number {
  const side = pressingSide(state, target, stage);
  if (side.length === 0) return 0;
  if (rulesOf(state) >= 3) return bite(side.length, state.seats.length);
  return powerOf(state.scenario, side) / totalPower(state.scenario);
}

/**
 * A seat's walk-away this round: the scenario's, lowered while escalations stand against it at
 * stage 2 (mobilise) and stage 3 (formal complaint), in proportion to the pressure on it
 * (DESIGN 2.1). Never below zero.
 */
export function currentWalkAway(state: GameState, seat: Seat): number {
  const base = state.scenario.roles[seat].walkAway;
  const rules = state.scenario.escalation;
  const drop = pressureShare(state, seat, 2) * rules.mobiliseDrop + pressureShare(state, seat, 3) * rules.complaintDrop;
  return round2(base * Math.max(0, 1 - drop));
}

/** The prisoner's-dilemma payoff of `own` against `partner`. */
export function trustPayoff(p: TrustPayoffs, own: TrustMove, partner: TrustMove): number {
  if (own === 'honour') return partner === 'honour' ? p.R : p.S;
  return partner === 'honour' ? p.T : p.P;
}

/** The issues a role cares about, most first (by the spread of its values), with its preferred option. */
export function rankIssues(scenario: Scenario, role: Role): { issue: string; preferred: string }[] {
  const ranked = scenario.issues.map((issue, index) => {
    let best = issue.options[0].id;
    let max = -Infinity;
    let min = Infinity;
    for (const option of issue.options) {
      const v = role.values[issue.id][option.id];
      if (v > max) {
        max = v;
        best = option.id;
      }
      if (v < min) min = v;
    }
    return { issue: issue.id, preferred: best, spread: max - min, index };
  });
  ranked.sort((a, b) => b.spread - a.spread || a.index - b.index);
  return ranked.map(({ issue, preferred }) => ({ issue, preferred }));
}

/** Points are kept to two decimals so sums stay exact enough to compare and display. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Optional free text from a player: '' when absent, null when it is not text at all. */
export function optionalText(x: unknown): string | null {
  if (x === undefined || x === null) return '';
  return typeof x === 'string' ? x.trim() : null;
}

export function clampReputation(x: number): number {
  return Math.max(0, Math.min(100, Math.round(x)));
}

export function isSeat(state: GameState, seat: unknown): seat is Seat {
  return typeof seat === 'number' && Number.isInteger(seat) && seat >= 0 && seat < state.seats.length;
}

/** A copy of the state with one seat changed. */
export function withSeat(state: GameState, seat: Seat, patch: Partial<SeatState>): GameState {
  const seats = state.seats.slice();
  seats[seat] = { ...seats[seat], ...patch };
  return { ...state, seats };
}

export function roleName(state: GameState, seat: Seat): string {
  return state.scenario.roles[seat].name;
}

export function pairKey(a: Seat, b: Seat): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}
