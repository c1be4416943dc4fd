import { refuse } from '../errors';
import { nextFloat } from '../rng';
import { currentWalkAway, isWinningSet, powerOf, pressureShare, termsValue, trustPayoff } from '../rules';
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
      if (state.round >= state.totalRounds) {
        tx.patch({ phase: 'end' });
        tx.emit({ to: 'all', type: 'phase', phase: 'end', round: state.round });
        tx.emit({ to: 'all', type: 'ended', totalRounds: state.totalRounds });
      } else {
        startRound(tx, state.round + 1);
      }
      break;
    case 'end':
      return refuse('game-over', 'The game is over; the debrief is open.');
  }
  return tx.done();
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
    for (let a = 0; a < seats.length; a++) for (let b = a + 1; b < seats.length; b++) allPairs.push({ a, b, moveA: null, moveB: null });
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
  for (const d of deals) {
    for (let i = 0; i < d.members.length; i++)
      for (let j = i + 1; j < d.members.length; j++) trust.push({ a: d.members[i], b: d.members[j], moveA: null, moveB: null });
  }
  tx.patch({ deals, trust });
  enterPhase(tx, 'resolve');
  for (const d of deals) tx.emit({ to: 'all', type: 'deal', deal: d });
  // A deal that gives a member less than the walk-away it declared costs that member reputation
  // [clarity on your walk-away point]; judged when the deal forms, so it cannot be dodged.
  for (const d of deals) {
    d.members.forEach((m, i) => {
      const declared = s.seats[m].declared;
      if (declared !== null && d.split[i] < declared) tx.reputation(m, -s.scenario.reputation.breakDeclaration, 'broke-declaration');
    });
  }
  if (!winning) tx.emit({ to: 'all', type: 'no-winning-deal' });
  for (const seat of s.seats) {
    const member = winning ? winning.members.indexOf(seat.seat) : -1;
    if (winning && member >= 0) tx.points(seat.seat, (s.scenario.prize * winning.split[member]) / 100, 'prize');
    else tx.points(seat.seat, walkAways[seat.seat], 'walkAway');
    if (winning) tx.points(seat.seat, termsValue(s.scenario.roles[seat.seat], winning.terms), 'values');
  }
  if (winning) meetDemandsByDeal(tx, winning);
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
  tx.emit({ to: 'all', type: 'trust-revealed', pairs: pairs.map((p) => ({ ...p, chosenA: p.moveA, chosenB: p.moveB })) });

  const n = s.seats.length;
  const sum = new Array<number>(n).fill(0);
  const partners = new Array<number>(n).fill(0);
  const honouredAll = new Array<boolean>(n).fill(true);
  const betrayed = new Array<number>(n).fill(0);
  const { payoffs, stake } = s.scenario.trust;
  for (const p of pairs) {
    sum[p.a] += trustPayoff(payoffs, p.moveA, p.moveB);
    sum[p.b] += trustPayoff(payoffs, p.moveB, p.moveA);
    partners[p.a]++;
    partners[p.b]++;
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
  for (const d of s.deals) {
    for (const promise of d.promises) {
      if (partners[promise.from] > 0 && honouredAll[promise.from]) {
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
      tx.points(e.escalator, -rules.actionEscalatorLoss, 'escalation');
    }
  }
  // The target loses once, by the power share of everyone taking action against it.
  for (const target of underAction) tx.points(target, -rules.actionTargetLoss * pressureShare(s, target, 4), 'escalation');
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
