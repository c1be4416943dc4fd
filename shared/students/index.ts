// Scripted students (issue 8, DESIGN 10): players of the game who act only through the actions a
// person has, each with one habit a class will meet. The claims, the tests and the benchmark seat
// them beside the bots to measure what the incentives teach: a habit the lessons warn against
// must land below its role's middle, and the measurement is honest only if these players use
// nothing a person could not see (they read the same view as a bot, never the state).
import type { Rng } from '../engine/rng';
import { isWinningSet, powerOf } from '../engine/rules';
import type { Seat, SeatAction, Terms, TrustMove } from '../engine/types';
import type { ProposalView, TableView } from '../engine/view';
import { decidePersona } from '../bots/personas';
import { minimalWinningWith, myBestTerms, powerShares, toPercentages } from '../bots/personas/reading';

export const STUDENT_NAMES = [
  'idle',
  'accept-all',
  'demand-all',
  'grabber',
  'side-deal',
  'escalate-always',
  'always-defect',
  'last-round-defector',
  'weak-escalator',
  'weak-bloc',
  'labelled-conceder',
  'silent-conceder',
  'point-pump',
] as const;
export type StudentName = (typeof STUDENT_NAMES)[number];

/** One line each, for the claims table and the README. */
export const STUDENT_SUMMARIES: Record<StudentName, string> = {
  idle: 'does nothing at all: never proposes, accepts, asks or escalates',
  'accept-all': 'accepts every offer that includes it, the newest first',
  'demand-all': 'proposes a winning coalition with the whole prize for itself and never concedes',
  grabber: 'proposes the smallest winning coalition, paying partners their floor and keeping the rest',
  'side-deal': 'one of the two weakest seats, dealing only with the other',
  'escalate-always': 'plays like a reciprocator but escalates against the strongest seat every round',
  'always-defect': 'plays like a reciprocator but defects on every partner in every trust stage',
  'last-round-defector': 'plays like a reciprocator but defects once the game may be over',
  'weak-escalator': 'one of the weak seats escalating together, step by step, with a reasonable share demand',
  'weak-bloc':
    'one of the weak seats holding together: they propose and accept only coalitions that include all of them',
  'labelled-conceder': 'plays like a reciprocator and in round 2 gives a labelled concession of a tenth of the prize',
  'silent-conceder': 'the same, but gives the concession silently',
  'point-pump': 'plays like a reciprocator and demands points of the strongest seat whenever the rules let it',
};

export function isStudentName(x: unknown): x is StudentName {
  return typeof x === 'string' && (STUDENT_NAMES as readonly string[]).includes(x);
}

export interface StudentDecision {
  action: SeatAction;
  reason: string;
}

const act = (action: SeatAction, reason: string): StudentDecision => ({ action, reason });

/** The next action of a scripted student in this phase, or null when it has nothing more to do. */
export function decideStudent(
  student: StudentName,
  view: TableView,
  rng: Rng,
  step: number,
  seed = 0,
): StudentDecision | null {
  if (view.me === null || view.phase === 'end') return null;
  if (view.phase === 'trust') return trustMove(student, view);
  if (view.phase !== 'negotiate' && view.phase !== 'prepare') return null;
  switch (student) {
    case 'idle':
      return null;
    case 'accept-all':
      return view.phase === 'negotiate' ? acceptNewest(view) : null;
    case 'demand-all':
      return view.phase === 'negotiate' ? proposeGrab(view, 'all') : null;
    case 'grabber':
      return view.phase === 'negotiate' ? proposeGrab(view, 'floor') : null;
    case 'side-deal':
      return view.phase === 'negotiate' ? sideDeal(view) : null;
    case 'escalate-always':
      return (view.phase === 'negotiate' ? escalateEveryRound(view) : null) ?? reciprocate(view, rng, step, seed);
    case 'weak-escalator':
      return (view.phase === 'negotiate' ? escalateTogether(view) : null) ?? reciprocate(view, rng, step, seed);
    case 'weak-bloc':
      return (
        (view.phase === 'negotiate' ? holdTogether(view) : null) ??
        (inBloc(view) ? null : reciprocate(view, rng, step, seed))
      );
    case 'labelled-conceder':
    case 'silent-conceder':
      return (
        (view.phase === 'negotiate' ? concedeOnce(view, student === 'labelled-conceder') : null) ??
        reciprocate(view, rng, step, seed)
      );
    case 'point-pump':
      return (view.phase === 'negotiate' ? pumpPoints(view) : null) ?? reciprocate(view, rng, step, seed);
    case 'always-defect':
    case 'last-round-defector':
      return reciprocate(view, rng, step, seed);
  }
}

/** The negotiating habits a student shares with the reciprocator persona at normal difficulty. */
function reciprocate(view: TableView, rng: Rng, step: number, seed: number): StudentDecision | null {
  const d = decidePersona('reciprocator', 'normal', view, rng, step, {}, seed);
  return d ? act(d.action, d.reason) : null;
}

function trustMove(student: StudentName, view: TableView): StudentDecision | null {
  const me = view.me!.seat;
  const slot = view.trust.find((t) => t.move === null);
  if (!slot) return null;
  let move: TrustMove = 'honour';
  let reason = 'honoured';
  if (student === 'always-defect') {
    move = 'defect';
    reason = 'defected: I always do';
  } else if (student === 'last-round-defector' && view.round >= view.scenario.expectedRounds) {
    // All a player is told is about how long games last; from then on any round may be the last.
    move = 'defect';
    reason = `defected: round ${view.round} may be the last`;
  } else {
    // Tit-for-tat: what a careful person does by default.
    const last = lastMove(view, slot.partner);
    if (last === 'defect') {
      move = 'defect';
      reason = 'defected: you defected on me last time';
    }
  }
  return act({ type: 'trust', seat: me, partner: slot.partner, move }, reason);
}

function lastMove(view: TableView, partner: Seat): TrustMove | null {
  const me = view.me!.seat;
  for (let i = view.history.length - 1; i >= 0; i--) {
    for (const p of view.history[i].trust) {
      if (p.a === me && p.b === partner) return p.moveB;
      if (p.b === me && p.a === partner) return p.moveA;
    }
  }
  return null;
}

function acceptNewest(view: TableView): StudentDecision | null {
  const me = view.me!.seat;
  const offers = view.proposals.filter((p) => p.proposer !== me && p.members.includes(me));
  if (offers.length === 0) return null;
  const newest = offers.reduce((a, b) => (b.id > a.id ? b : a));
  if (view.me!.acceptance === newest.id) return null;
  return act({ type: 'accept', seat: me, proposal: newest.id }, 'accepted the newest offer');
}

/** The smallest minimal winning coalition with `me`, then the lightest (the first in seat order among equals). */
function smallestWinning(view: TableView, me: Seat): Seat[] | null {
  const options = minimalWinningWith(view, me);
  const weight = (c: Seat[]) => powerOf(view.scenario, c);
  return options.reduce<Seat[] | null>(
    (best, c) => (!best || c.length < best.length || (c.length === best.length && weight(c) < weight(best)) ? c : best),
    null,
  );
}

function sameOffer(p: ProposalView | undefined, members: Seat[], split: number[], terms: Terms): boolean {
  return !!p && JSON.stringify([p.members, p.split, p.terms]) === JSON.stringify([members, split, terms]);
}

/**
 * The grabber's offer: partners get their declared minimum (or, with no declaration, one point
 * above nothing), the proposer keeps the rest; the demand-all student keeps everything.
 */
function proposeGrab(view: TableView, kind: 'all' | 'floor'): StudentDecision | null {
  const me = view.me!.seat;
  const members = smallestWinning(view, me);
  if (!members) return null;
  const split = members.map((s) => (s === me ? 0 : kind === 'all' ? 0 : Math.max(1, view.seats[s].declared ?? 1)));
  const others = split.reduce((a, b) => a + b, 0);
  if (others >= 100) return null;
  split[members.indexOf(me)] = 100 - others;
  const terms = myBestTerms(view);
  const own = view.proposals.find((p) => p.proposer === me);
  if (sameOffer(own, members, split, terms)) return null;
  return act(
    { type: 'propose', seat: me, members, split, terms, visibility: 'public' },
    kind === 'all'
      ? 'demanded the whole prize'
      : `offered partners their floor and kept ${split[members.indexOf(me)]}%`,
  );
}

/** The public make-up of a table's seats: enough to tell weak from strong. */
export interface SeatFacts {
  seats: readonly { seat: Seat; power: number; veto: boolean }[];
}

/** A scenario's seats as the public make-up of a table (for measuring outside a game). */
export function seatsOfScenario(scenario: { roles: readonly { power: number; veto: boolean }[] }): SeatFacts {
  return { seats: scenario.roles.map((r, seat) => ({ seat, power: r.power, veto: r.veto })) };
}

/** The two weakest seats by weight (lowest seat first among equals). */
export function weakestPair(view: SeatFacts): [Seat, Seat] {
  const order = view.seats.map((s) => s.seat).sort((a, b) => view.seats[a].power - view.seats[b].power || a - b);
  return [Math.min(order[0], order[1]), Math.max(order[0], order[1])];
}

function sideDeal(view: TableView): StudentDecision | null {
  const me = view.me!.seat;
  const pair = weakestPair(view);
  if (!pair.includes(me)) return null;
  const other = pair[0] === me ? pair[1] : pair[0];
  const theirs = view.proposals.find((p) => p.proposer === other && p.members.length === 2 && p.members.includes(me));
  if (theirs)
    return view.me!.acceptance === theirs.id
      ? null
      : act({ type: 'accept', seat: me, proposal: theirs.id }, 'accepted our side deal');
  // The lower seat proposes; the other waits for it.
  if (me !== pair[0]) return null;
  const own = view.proposals.find((p) => p.proposer === me);
  const terms = myBestTerms(view);
  if (sameOffer(own, pair, [50, 50], terms)) return null;
  return act(
    { type: 'propose', seat: me, members: pair, split: [50, 50], terms, visibility: 'members' },
    'proposed our side deal',
  );
}

function strongestOther(view: TableView, me: Seat): Seat {
  const veto = view.seats.find((s) => s.veto && s.seat !== me);
  if (veto) return veto.seat;
  let best = me === 0 ? 1 : 0;
  for (const s of view.seats) if (s.seat !== me && s.power > view.seats[best].power) best = s.seat;
  return best;
}

/** A share demand a person would call reasonable: the seat's power index, at least its walk-away's share plus 2. */
export function reasonableShare(view: TableView): number {
  const me = view.me!.seat;
  const index = Math.round(100 * powerShares(view, 'normal')[me]);
  const floor = Math.ceil((100 * view.me!.role.walkAway) / view.scenario.prize) + 2;
  return Math.max(5, Math.min(60, Math.max(index, floor)));
}

/**
 * Raises a standing escalation one stage a round (raising renews it), or renews it at stage 4.
 * An escalation opened or raised this round stands through the next, so it waits.
 */
function pressOn(
  view: TableView,
  e: { id: number; stage: number; expiresRound: number },
  why: string,
): StudentDecision | null {
  const me = view.me!.seat;
  if (e.expiresRound > view.round) return null;
  if (e.stage < 4) return act({ type: 'raise', seat: me, escalation: e.id }, `raised: ${why}`);
  return act({ type: 'renew', seat: me, escalation: e.id }, `renewed: ${why}`);
}

/** Whether the last winning deal already gives this seat the share it would demand. */
function satisfied(view: TableView, share: number): boolean {
  const me = view.me!.seat;
  const h = view.history[view.history.length - 1];
  const d = h?.deals.find((x) => x.proposalId === h.winning);
  const i = d ? d.members.indexOf(me) : -1;
  return !!d && i >= 0 && d.split[i] >= share;
}

function escalateEveryRound(view: TableView): StudentDecision | null {
  const me = view.me!.seat;
  const target = strongestOther(view, me);
  const mine = view.escalations.find((e) => e.escalator === me && e.target === target);
  if (mine) return pressOn(view, mine, 'as every round');
  const share = reasonableShare(view);
  return act(
    { type: 'escalate', seat: me, target, demand: { kind: 'share', share }, rationale: 'We want our fair share.' },
    'escalated, as every round',
  );
}

/** The weak seats of a table: the non-veto seats that together hold about a third of the seats, weakest first. */
export function weakSeats(view: SeatFacts): Seat[] {
  const count = Math.max(2, Math.round(view.seats.length / 3));
  return view.seats
    .filter((s) => !s.veto)
    .sort((a, b) => a.power - b.power || a.seat - b.seat)
    .slice(0, count)
    .map((s) => s.seat)
    .sort((a, b) => a - b);
}

/**
 * Weak seats escalating together, step by step (DESIGN 2.1, 10): each goes public with its own
 * reasonable share demand against the strongest seat in round 2, co-signs the others' once they
 * mobilise, and raises one stage a round while the demand stands. A met demand ends it.
 */
function escalateTogether(view: TableView): StudentDecision | null {
  const me = view.me!.seat;
  const group = weakSeats(view);
  if (!group.includes(me) || view.round < 2) return null;
  const target = strongestOther(view, me);
  const share = reasonableShare(view);
  const mine = view.escalations.find((e) => e.escalator === me && e.target === target);
  if (!mine && !satisfied(view, share)) {
    return act(
      {
        type: 'escalate',
        seat: me,
        target,
        demand: { kind: 'share', share },
        rationale: 'Together we ask for a fair share of the deal.',
      },
      `went public with the other weak seats, demanding ${share}%`,
    );
  }
  for (const e of view.escalations) {
    if (
      e.target === target &&
      e.escalator !== me &&
      group.includes(e.escalator) &&
      e.stage >= 2 &&
      !e.cosigners.includes(me)
    )
      return act({ type: 'cosign', seat: me, escalation: e.id }, 'co-signed a weak seat’s demand');
  }
  return mine ? pressOn(view, mine, 'the demand still stands') : null;
}

/** The order of seats by power share (for tests that place students in weak or strong seats). */
export function seatsByPower(view: SeatFacts): Seat[] {
  return view.seats.map((s) => s.seat).sort((a, b) => view.seats[b].power - view.seats[a].power || a - b);
}

// ---------------------------------------------------------------------------
// Weak seats that coalesce (DESIGN 10: "weak seats that coalesce beat those that do not")

function inBloc(view: TableView): boolean {
  return weakSeats(view).includes(view.me!.seat);
}

/** The lightest winning coalition that holds every seat of the bloc. */
function blocCoalition(view: TableView, bloc: Seat[]): Seat[] | null {
  const n = view.seats.length;
  let best: Seat[] | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const seats: Seat[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) seats.push(i);
    if (!bloc.every((b) => seats.includes(b)) || !isWinningSet(view.scenario, seats)) continue;
    if (
      !best ||
      powerOf(view.scenario, seats) < powerOf(view.scenario, best) ||
      (powerOf(view.scenario, seats) === powerOf(view.scenario, best) && seats.length < best.length)
    )
      best = seats;
  }
  return best;
}

/**
 * The bloc's habit: the weakest bloc seat proposes the lightest winning coalition that holds the
 * whole bloc, with shares by power index and at least each member's declared minimum; the
 * others stand behind it, and every bloc seat accepts only offers that keep the bloc together
 * and pay it its power index.
 */
function holdTogether(view: TableView): StudentDecision | null {
  const me = view.me!.seat;
  const bloc = weakSeats(view);
  if (!bloc.includes(me)) return null;
  const shares = powerShares(view, 'normal');
  const fair = (p: ProposalView) =>
    bloc.every((b) => p.members.includes(b)) && p.split[p.members.indexOf(me)] >= Math.round(100 * shares[me]) - 1;
  const current = view.proposals.find((p) => p.id === view.me!.acceptance);
  if (current && current.proposer !== me && fair(current)) return null;
  const offer = view.proposals
    .filter((p) => p.proposer !== me && p.members.includes(me) && fair(p) && isWinningSet(view.scenario, p.members))
    .sort((a, b) => a.id - b.id)[0];
  if (offer)
    return act(
      { type: 'accept', seat: me, proposal: offer.id },
      'accepted: it keeps the weak seats together and pays my power index',
    );
  if (me !== bloc[0]) return null;
  const members = blocCoalition(view, bloc);
  if (!members) return null;
  const split = toPercentages(members.map((s) => shares[s] + 0.01));
  for (let i = 0; i < members.length; i++) {
    const floor = view.seats[members[i]].declared ?? 0;
    const gap = Math.max(0, floor - split[i]);
    if (gap === 0) continue;
    const payer = members.indexOf(me);
    split[i] += gap;
    split[payer] -= gap;
  }
  if (split.some((x) => x < 0)) return null;
  const terms = myBestTerms(view);
  const own = view.proposals.find((p) => p.proposer === me);
  if (
    own &&
    own.id === view.me!.acceptance &&
    JSON.stringify([own.members, own.split]) === JSON.stringify([members, split])
  )
    return null;
  return act(
    { type: 'propose', seat: me, members, split, terms, visibility: 'public' },
    'proposed a coalition that holds every weak seat',
  );
}

// ---------------------------------------------------------------------------
// One concession, labelled or silent (DESIGN 10: "labelled concessions pay more than silent ones")

/** The size of the measured concession: a tenth of the prize. */
export const MEASURED_CONCESSION = 0.1;

function concedeOnce(view: TableView, labelled: boolean): StudentDecision | null {
  const me = view.me!.seat;
  if (view.round !== 2 || view.concessions.some((c) => c.from === me)) return null;
  const points = Math.round(view.scenario.prize * MEASURED_CONCESSION);
  if (view.me!.points < points) return null;
  // To the strongest partner of the deal it stands in, or the strongest seat at the table.
  const standing = view.proposals.find((p) => p.id === view.me!.acceptance);
  const pool = standing
    ? standing.members.filter((m) => m !== me)
    : view.seats.map((s) => s.seat).filter((s) => s !== me);
  const to = pool.sort((a, b) => view.seats[b].power - view.seats[a].power || a - b)[0];
  if (to === undefined) return null;
  return act(
    {
      type: 'concede',
      seat: me,
      to,
      points,
      labelled,
      rationale: labelled ? 'A concession to build our deal: it costs us a tenth of the prize.' : '',
    },
    labelled ? 'gave a labelled concession' : 'gave a silent concession',
  );
}

// ---------------------------------------------------------------------------
// The money pump v2 allowed (DESIGN 2.1: one point demand per pair of seats per game)

function pumpPoints(view: TableView): StudentDecision | null {
  const me = view.me!.seat;
  const target = strongestOther(view, me);
  if (view.escalations.some((e) => e.escalator === me && e.target === target)) return null;
  return act(
    { type: 'escalate', seat: me, target, demand: { kind: 'concession', points: 20 }, rationale: 'Pay us 20 points.' },
    'demanded 20 points',
  );
}
