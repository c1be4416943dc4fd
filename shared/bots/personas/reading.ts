// How a persona reads its view: the power map, what a proposal is worth to it, what it has
// learned of others' interests. Everything here uses only what the seat can see.
import { powerMap } from '../../engine/power';
import { isWinningSet } from '../../engine/rules';
import type { Seat, Terms } from '../../engine/types';
import type { ProposalView, TableView } from '../../engine/view';
import type { Difficulty } from './profiles';

const powerCache = new Map<string, number[]>();
const sharesOfScenario = new WeakMap<object, number[]>();

/**
 * Each seat's share of real bargaining power. A persona on the easy level misreads the power
 * map as the weights [weight is not power]; the others use the Shapley–Shubik index.
 */
export function powerShares(view: TableView, difficulty: Difficulty): number[] {
  if (difficulty !== 'easy') {
    const cached = sharesOfScenario.get(view.scenario);
    if (cached) return cached;
  }
  const weights = view.scenario.roles.map((r) => r.power);
  if (difficulty === 'easy') {
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => w / total);
  }
  // Cached per scenario object (one per game) and by power facts (equal scenarios share it).
  const veto = view.scenario.roles.flatMap((r, i) => (r.veto ? [i] : []));
  const key = `${weights.join(',')}|${view.scenario.quota}|${veto.join(',')}`;
  let shares = powerCache.get(key);
  if (!shares) {
    shares = powerMap({ weights, quota: view.scenario.quota, veto }, 1).shapleyShubik;
    powerCache.set(key, shares);
  }
  sharesOfScenario.set(view.scenario, shares);
  return shares;
}

/** Whether a set of seats would win: quota reached and every veto seat inside. */
export function wins(view: TableView, seats: readonly Seat[]): boolean {
  return isWinningSet(view.scenario, seats);
}

// The coalitions depend only on the scenario's power facts; a view's scenario is one shared
// object per game, so each seat's list is enumerated once per game rather than per decision.
const minimalCache = new WeakMap<object, Map<Seat, Seat[][]>>();

/**
 * Every winning set of seats that includes `me` and loses if any other member leaves. The lists
 * are shared and frozen: callers filter and copy, never edit.
 */
export function minimalWinningWith(view: TableView, me: Seat): Seat[][] {
  let bySeat = minimalCache.get(view.scenario);
  if (!bySeat) minimalCache.set(view.scenario, (bySeat = new Map<Seat, Seat[][]>()));
  let found = bySeat.get(me);
  if (!found) {
    found = enumerateMinimal(view, me);
    for (const c of found) Object.freeze(c);
    bySeat.set(me, Object.freeze(found) as Seat[][]);
  }
  return found;
}

function enumerateMinimal(view: TableView, me: Seat): Seat[][] {
  const n = view.seats.length;
  const out: Seat[][] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    if (!(mask & (1 << me))) continue;
    const seats: Seat[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) seats.push(i);
    if (seats.length < 2 || !wins(view, seats)) continue;
    if (
      seats.every(
        (s) =>
          s === me ||
          !wins(
            view,
            seats.filter((x) => x !== s),
          ),
      )
    )
      out.push(seats);
  }
  return out;
}

/** Points per round the seat gets from a set of terms. */
export function myTermsValue(view: TableView, terms: Terms | null): number {
  if (!terms) return 0;
  const values = view.me!.role.values;
  let sum = 0;
  for (const issue in terms) sum += values[issue]?.[terms[issue]] ?? 0;
  return sum;
}

/** The terms worth most to this seat alone. */
export function myBestTerms(view: TableView): Terms {
  const terms: Terms = {};
  for (const issue of view.scenario.issues) {
    let best = issue.options[0].id;
    for (const o of issue.options)
      if (view.me!.role.values[issue.id][o.id] > view.me!.role.values[issue.id][best]) best = o.id;
    terms[issue.id] = best;
  }
  return terms;
}

/** What the seat learned from answers: each seat's ranked issues with its preferred options. */
export function knownInterests(view: TableView): Map<Seat, { issue: string; preferred: string }[]> {
  const known = new Map<Seat, { issue: string; preferred: string }[]>();
  for (const q of view.asks) if (q.from === view.me!.seat && q.answer) known.set(q.to, q.answer);
  return known;
}

/** Trust this seat expects from partners, from their public reputation (0–1). */
export function expectedTrust(view: TableView, partners: readonly Seat[]): number {
  if (partners.length === 0) return 0;
  const { stake, payoffs } = view.scenario.trust;
  let sum = 0;
  for (const p of partners) {
    const q = view.seats[p].reputation / 100;
    sum += q * payoffs.R + (1 - q) * payoffs.S;
  }
  return (stake * sum) / partners.length;
}

/** Points per round this seat expects from a proposal if it forms and wins. */
export function proposalValue(view: TableView, p: { members: Seat[]; split: number[]; terms: Terms }): number {
  const me = view.me!.seat;
  const i = p.members.indexOf(me);
  if (i < 0) return view.me!.walkAway + myTermsValue(view, p.terms);
  const prize = (view.scenario.prize * p.split[i]) / 100;
  return (
    prize +
    myTermsValue(view, p.terms) +
    expectedTrust(
      view,
      p.members.filter((m) => m !== me),
    )
  );
}

/** How many of a proposal's members stand behind it now. */
export function support(p: ProposalView): number {
  return p.acceptedBy.length;
}

/** The seat's trust record with a partner: times it honoured and defected, from the reveals. */
export function trustRecord(view: TableView, partner: Seat): { honoured: number; defected: number } {
  const me = view.me!.seat;
  let honoured = 0;
  let defected = 0;
  for (const h of view.history) {
    for (const p of h.trust) {
      const theirs = p.a === partner && p.b === me ? p.moveA : p.b === partner && p.a === me ? p.moveB : null;
      if (theirs === 'honour') honoured++;
      if (theirs === 'defect') defected++;
    }
  }
  return { honoured, defected };
}

/** Largest-remainder rounding of weights to whole percentages summing to 100. */
export function toPercentages(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const raw = weights.map((w) => (Math.max(0, w) / total) * 100);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/** The strongest seat by weight (ties: the lowest seat number). */
export function strongestSeat(view: TableView): Seat {
  let best = 0;
  for (const s of view.seats) if (s.power > view.seats[best].power) best = s.seat;
  return best;
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * Seats that never accept offers: a seat that neither proposes nor stands behind a proposal, and
 * never sat in a deal, is unavailable from round 2 on (DESIGN 6), so one idle person cannot stall
 * a table. A chat or a "ready" does not count; accepting or proposing makes it available again.
 */
// A view's history is one shared array per round and viewer (engine/view.ts), so the seats that
// were ever in a deal are gathered once per round rather than per decision.
const inDealCache = new WeakMap<object, Set<Seat>>();

function everInDeal(history: TableView['history']): Set<Seat> {
  let seats = inDealCache.get(history);
  if (!seats) {
    seats = new Set<Seat>();
    for (const h of history) for (const d of h.deals) for (const m of d.members) seats.add(m);
    inDealCache.set(history, seats);
  }
  return seats;
}

export function unavailableSeats(view: TableView): Set<Seat> {
  const out = new Set<Seat>();
  if (view.round <= 1) return out;
  const acted = new Set<Seat>();
  for (const p of view.proposals) {
    acted.add(p.proposer);
    for (const s of p.acceptedBy) acted.add(s);
  }
  for (const m of everInDeal(view.history)) acted.add(m);
  for (const s of view.seats) if (s.seat !== view.me!.seat && !acted.has(s.seat)) out.add(s.seat);
  return out;
}

/**
 * Seats with a recent record of defection: in one of the last `memory` rounds they defected on a
 * partner who honoured them (trust moves are public once revealed). Bots leave them out of their
 * coalitions where they can (DESIGN 6).
 */
export function defectors(view: TableView, memory: number): Set<Seat> {
  const out = new Set<Seat>();
  if (memory <= 0) return out;
  for (const h of view.history.slice(-memory)) {
    for (const p of h.trust) {
      if (p.moveA === 'defect' && p.moveB === 'honour') out.add(p.a);
      if (p.moveB === 'defect' && p.moveA === 'honour') out.add(p.b);
    }
  }
  out.delete(view.me!.seat);
  return out;
}

/**
 * Goodwill this seat owes another for concessions received in the last three rounds, in points:
 * a labelled concession counts in full, a silent one about a third, because a gift that is named
 * and shown with its cost is the one a person remembers [label every concession].
 */
export function goodwill(view: TableView, from: Seat): number {
  const me = view.me!.seat;
  let sum = 0;
  for (const c of view.concessions) {
    if (c.from !== from || c.to !== me || c.round < view.round - 3) continue;
    sum += c.labelled ? c.points : c.points * 0.35;
  }
  return sum;
}

/** A seat's share of the power of a coalition: its index over the members' indices (DESIGN 6). */
export function shareWithin(shares: readonly number[], members: readonly Seat[], seat: Seat): number {
  let total = 0;
  for (const m of members) total += shares[m];
  return total > 0 ? shares[seat] / total : 1 / members.length;
}
