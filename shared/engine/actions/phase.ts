import { refuse } from '../errors';
import { nextFloat } from '../rng';
import {
  currentWalkAway,
  isWinningSet,
  payoffsOf,
  powerOf,
  pressingSide,
  pressureShare,
  rulesOf,
  termsValue,
  trustPayoff,
} from '../rules';
import { DEFAULT_CONTINUE } from '../setup';
import { Tx } from '../tx';
import type { ApplyResult, Deal, GameState, Income, RevealedTrustPair, Seat, TrustMove, TrustPair } from '../types';
import { meetDemandsByDeal } from './escalate';

/**
 * advance: the phase change, an action like any other so the engine has no clock. The room
 * sends it when a timer runs out or every human is ready. Each round runs
 * negotiate → resolve → trust → score (DESIGN 2); the trust game skips straight to trust.
 */
export function advance(state: GameState): ApplyResult {
  const tx = new Tx(state);
  switch (state.phase) {
    case 'prepare':
      startRound(tx, 1);
      break;
    case 'negotiate':
      resolve(tx);
      break;
    case 'resolve':
      if (tx.state.trust.length > 0) enterPhase(tx, 'trust');
      else closeRound(tx, []);
      break;
    case 'trust':
      closeRound(tx, reveal(tx));
      break;
    case 'score':
      if (isLastRound(tx)) {
        tx.patch({ phase: 'end', totalRounds: state.round });
        tx.emit({ to: 'all', type: 'phase', phase: 'end', round: state.round });
        tx.emit({ to: 'all', type: 'ended', totalRounds: state.round });
      } else {
        startRound(tx, state.round + 1);
      }
      break;
    case 'end':
      return refuse('game-over', 'The game is over; the debrief is open.');
  }
  return tx.done();
}

/**
 * Whether the round just scored was the last. A fixed length (config) or a length drawn at the
 * start (rules v2) is known to the engine; under rules v3 the horizon draws now, from its own
 * stream, after the minimum and before the cap (DESIGN 2), so no earlier draw hints at it.
 */
function isLastRound(tx: Tx): boolean {
  const s = tx.state;
  if (s.config.rounds !== undefined || rulesOf(s) < 3) return s.round >= s.totalRounds;
  const { min, max } = s.scenario.rounds;
  if (s.round < min) return false;
  if (s.round >= max) return true;
  const [f, horizon] = nextFloat(s.horizon);
  tx.patch({ horizon });
  return f >= (s.scenario.rounds.continue ?? DEFAULT_CONTINUE);
}

function enterPhase(tx: Tx, phase: GameState['phase']): void {
  tx.patch({ phase, seats: tx.state.seats.map((s) => (s.ready ? { ...s, ready: false } : s)) });
  tx.emit({ to: 'all', type: 'phase', phase, round: tx.state.round });
}

function emptyIncome(seat: Seat): Income {
  return { seat, prize: 0, walkAway: 0, values: 0, trust: 0, concessions: 0, escalation: 0 };
}

function startRound(tx: Tx, round: number): void {
  const seats = tx.state.seats.map((s) => s.seat);
  const allPairs: TrustPair[] = [];
  if (tx.state.config.mode === 'trust') {
    for (let a = 0; a < seats.length; a++)
      for (let b = a + 1; b < seats.length; b++) allPairs.push({ a, b, moveA: null, moveB: null });
  }
  tx.patch({ round, income: seats.map(emptyIncome), concessionCredit: [], deals: [], trust: allPairs });
  enterPhase(tx, tx.state.config.mode === 'trust' ? 'trust' : 'negotiate');
}

/**
 * Every fully accepted proposal becomes a deal; one reaching the quota with every veto seat
 * wins, its terms apply to every seat and its split is paid to its members; everyone else gets
 * its current walk-away (DESIGN 2.2). Deals are disjoint because each seat accepts one proposal.
 */
function resolve(tx: Tx): void {
  const s = tx.state;
  const deals: Deal[] = [];
  for (const p of s.proposals) {
    if (!p.members.every((m) => s.seats[m].acceptance === p.id)) continue;
    deals.push({
      proposalId: p.id,
      members: p.members,
      split: p.split,
      terms: p.terms,
      promises: p.promises,
      power: powerOf(s.scenario, p.members),
      wins: isWinningSet(s.scenario, p.members),
    });
  }
  const winning = deals.find((d) => d.wins) ?? null;
  const walkAways = s.seats.map((seat) => currentWalkAway(s, seat.seat));
  const trust: TrustPair[] = [];
  // Only the winning deal has terms to deliver, so only it plays the trust stage (rules v3); v2
  // let every deal play, which let two weak seats farm trust points from a deal that could not win.
  for (const d of rulesOf(s) >= 3 ? (winning ? [winning] : []) : deals) {
    for (let i = 0; i < d.members.length; i++)
      for (let j = i + 1; j < d.members.length; j++)
        trust.push({ a: d.members[i], b: d.members[j], moveA: null, moveB: null });
  }
  tx.patch({ deals, trust });
  enterPhase(tx, 'resolve');
  for (const d of deals) tx.emit({ to: 'all', type: 'deal', deal: d });
  // A deal that gives a member less than the walk-away it declared costs that member reputation
  // [clarity on your walk-away point]; judged when the deal forms, so it cannot be dodged.
  for (const d of deals) {
    d.members.forEach((m, i) => {
      const declared = s.seats[m].declared;
      if (declared !== null && d.split[i] < declared)
        tx.reputation(m, -s.scenario.reputation.breakDeclaration, 'broke-declaration');
    });
  }
  if (!winning) tx.emit({ to: 'all', type: 'no-winning-deal' });
  for (const seat of s.seats) {
    const member = winning ? winning.members.indexOf(seat.seat) : -1;
    if (winning && member >= 0) {
      const prize = (s.scenario.prize * winning.split[member]) / 100;
      tx.points(seat.seat, prize, 'prize');
      // A formal complaint reaches the income of the deal its target sits in (rules v3), so a
      // veto seat that is in every deal still feels it; the points are destroyed, not moved.
      const cut = complaintCut(s, seat.seat) * Math.max(0, prize);
      if (cut > 0) tx.points(seat.seat, -cut, 'escalation');
    } else tx.points(seat.seat, walkAways[seat.seat], 'walkAway');
    if (winning) tx.points(seat.seat, termsValue(s.scenario.roles[seat.seat], winning.terms), 'values');
  }
  if (winning) meetDemandsByDeal(tx, winning);
}

/** The fraction of its deal's prize income a seat loses this round to formal complaints against it. */
function complaintCut(s: GameState, seat: Seat): number {
  if (rulesOf(s) < 3) return 0;
  return Math.min(1, (s.scenario.escalation.complaintIncomeCut ?? 0) * pressureShare(s, seat, 3));
}

/** Reveals the trust stage together; silent seats honour. Noise may flip a chosen move. */
function reveal(tx: Tx): RevealedTrustPair[] {
  const s = tx.state;
  const noise = s.config.noise ?? 0;
  let rng = s.rng;
  const flip = (m: TrustMove): TrustMove => {
    if (noise <= 0) return m;
    const [f, next] = nextFloat(rng);
    rng = next;
    return f < noise ? (m === 'honour' ? 'defect' : 'honour') : m;
  };
  const pairs: RevealedTrustPair[] = s.trust.map((p) => {
    const chosenA = p.moveA ?? 'honour';
    const chosenB = p.moveB ?? 'honour';
    return { a: p.a, b: p.b, chosenA, chosenB, moveA: flip(chosenA), moveB: flip(chosenB) };
  });
  tx.patch({ rng });
  // The table sees the moves as played; what a seat chose before noise flipped it stays its own
  // until the debrief [miscommunication] (views show each seat its own chosen moves).
  tx.emit({
    to: 'all',
    type: 'trust-revealed',
    pairs: pairs.map((p) => ({ ...p, chosenA: p.moveA, chosenB: p.moveB })),
  });

  const n = s.seats.length;
  const sum = new Array<number>(n).fill(0);
  const partners = new Array<number>(n).fill(0);
  const honouredAll = new Array<boolean>(n).fill(true);
  const betrayed = new Array<number>(n).fill(0);
  const payoffs = payoffsOf(s);
  const { stake } = s.scenario.trust;
  const honoured = new Set<string>();
  for (const p of pairs) {
    sum[p.a] += trustPayoff(payoffs, p.moveA, p.moveB);
    sum[p.b] += trustPayoff(payoffs, p.moveB, p.moveA);
    partners[p.a]++;
    partners[p.b]++;
    if (p.moveA === 'honour') honoured.add(`${p.a}>${p.b}`);
    if (p.moveB === 'honour') honoured.add(`${p.b}>${p.a}`);
    if (p.moveA === 'defect') {
      honouredAll[p.a] = false;
      if (p.moveB === 'honour') betrayed[p.a]++;
    }
    if (p.moveB === 'defect') {
      honouredAll[p.b] = false;
      if (p.moveA === 'honour') betrayed[p.b]++;
    }
  }
  const rep = s.scenario.reputation;
  for (let seat = 0; seat < n; seat++) {
    if (partners[seat] === 0) continue;
    // The mean over partners, so a large coalition does not multiply points (DESIGN 2.3).
    tx.points(seat, (stake * sum[seat]) / partners[seat], 'trust');
    if (betrayed[seat] > 0) tx.reputation(seat, -rep.defectOnHonour * betrayed[seat], 'defect-on-honour');
    else if (honouredAll[seat]) tx.reputation(seat, rep.honour, 'honour');
  }
  // A promise from A to B is handed over when A honoured B (rules v3), so one defection does not
  // void every promise; v2 required A to honour every partner.
  const v3 = rulesOf(s) >= 3;
  for (const d of s.deals) {
    for (const promise of d.promises) {
      const kept = v3
        ? honoured.has(`${promise.from}>${promise.to}`)
        : partners[promise.from] > 0 && honouredAll[promise.from];
      if (kept) {
        tx.points(promise.from, -promise.points, 'concessions');
        tx.points(promise.to, promise.points, 'concessions');
      }
    }
  }
  return pairs;
}

/**
 * The score: standing escalations cost their target reputation (less if refused publicly) and,
 * at stage 4, points on both sides; unrenewed ones lapse; the round goes into the history.
 */
function closeRound(tx: Tx, revealed: RevealedTrustPair[]): void {
  const s = tx.state;
  const rules = s.scenario.escalation;
  const rep = s.scenario.reputation;
  const underAction = new Set<number>();
  for (const e of s.escalations) {
    if (e.refusal !== null) tx.reputation(e.target, -rep.refuseDemand, 'refused-demand');
    else tx.reputation(e.target, -rep.ignoreDemand, 'ignored-demand');
    if (e.stage === 4) {
      underAction.add(e.target);
      if (rulesOf(s) < 3) tx.points(e.escalator, -rules.actionEscalatorLoss, 'escalation');
    }
  }
  // Action costs both sides each round (DESIGN 2.1); under rules v3 every seat of the side pays,
  // once however many escalations it stands in. The target loses once, by the pressure on it.
  // Points lost here are destroyed, never transferred.
  if (rulesOf(s) >= 3) {
    const side = new Set<Seat>();
    for (const target of underAction) for (const seat of pressingSide(s, target, 4)) side.add(seat);
    for (const seat of [...side].sort((a, b) => a - b)) tx.points(seat, -rules.actionEscalatorLoss, 'escalation');
  }
  for (const target of underAction)
    tx.points(target, -rules.actionTargetLoss * pressureShare(s, target, 4), 'escalation');
  const lapsed = tx.state.escalations.filter((e) => e.expiresRound <= s.round);
  if (lapsed.length > 0) {
    tx.patch({ escalations: tx.state.escalations.filter((e) => e.expiresRound > s.round) });
    for (const e of lapsed) tx.emit({ to: 'all', type: 'lapsed', escalation: e.id });
  }
  const winning = tx.state.deals.find((d) => d.wins) ?? null;
  tx.patch({
    history: [
      ...tx.state.history,
      {
        round: s.round,
        deals: tx.state.deals,
        winning: winning ? winning.proposalId : null,
        terms: winning ? winning.terms : null,
        trust: revealed,
        points: tx.state.seats.map((x) => x.points),
        reputation: tx.state.seats.map((x) => x.reputation),
        income: tx.state.income,
      },
    ],
  });
  enterPhase(tx, 'score');
}
