import { NOT_TEXT, refuse as refusal } from '../errors';
import { isSeat, MAX_TEXT, optionalText, rulesOf } from '../rules';
import { Tx } from '../tx';
import type { Action, ApplyResult, Deal, Demand, Escalation, GameState } from '../types';

type Escalate = Extract<Action, { type: 'escalate' }>;
type Raise = Extract<Action, { type: 'raise' }>;
type Renew = Extract<Action, { type: 'renew' }>;
type Cosign = Extract<Action, { type: 'cosign' }>;
type Refuse = Extract<Action, { type: 'refuse' }>;

function checkDemand(state: GameState, d: Demand): string | null {
  if (typeof d !== 'object' || d === null) return 'Say what you demand.';
  switch (d.kind) {
    case 'share':
      return Number.isInteger(d.share) && d.share >= 1 && d.share <= 100
        ? null
        : 'A share demand is a whole percentage from 1 to 100.';
    case 'concession':
      return Number.isInteger(d.points) && d.points >= 1 && d.points <= 1000
        ? null
        : 'A concession demand is a whole number of points from 1 to 1000.';
    case 'option': {
      const issue = state.scenario.issues.find((i) => i.id === d.issue);
      if (!issue) return 'Demand an option on one of the issues.';
      return issue.options.some((o) => o.id === d.option) ? null : `"${d.option}" is not an option of ${issue.name}.`;
    }
    default:
      return 'A demand is a share, a concession or an option.';
  }
}

function findOwn(state: GameState, id: number, seat: number): Escalation | ApplyResult {
  const e = state.escalations.find((x) => x.id === id);
  if (!e) return refusal('unknown-escalation', 'That escalation has ended.');
  if (e.escalator !== seat) return refusal('not-escalator', 'Only the seat that escalated can do that.');
  return e;
}

function isEscalation(x: Escalation | ApplyResult): x is Escalation {
  return (x as Escalation).stage !== undefined;
}

/**
 * escalate, stage 1 (go public): the demand is shown to all and the escalator pays the stage
 * cost. It lapses at the end of the next round unless renewed [staged escalation options].
 */
export function escalate(state: GameState, a: Escalate): ApplyResult {
  if (state.phase !== 'negotiate') return refusal('wrong-phase', 'Escalations happen while the table negotiates.');
  if (!isSeat(state, a.target)) return refusal('unknown-seat', 'There is no such seat at this table.');
  if (a.target === a.seat) return refusal('self-target', 'You cannot escalate against yourself.');
  const problem = checkDemand(state, a.demand);
  if (problem) return refusal('bad-demand', problem);
  if (state.escalations.some((e) => e.escalator === a.seat && e.target === a.target))
    return refusal('already-escalating', 'You already have an escalation against this seat; raise or renew it.');
  // A demand of points is a one-off payment: one per pair of seats per game (rules v3), so it
  // cannot be repeated as a money pump.
  const pair = `${a.seat}-${a.target}`;
  if (rulesOf(state) >= 3 && a.demand.kind === 'concession' && state.pointDemands.includes(pair))
    return refusal(
      'demand-used',
      'You already made your one demand of points against this seat in this game; demand a share or an option instead.',
    );
  const rationale = optionalText(a.rationale);
  if (rationale === null) return NOT_TEXT;
  if (rationale.length > MAX_TEXT) return refusal('text-too-long', `A rationale is at most ${MAX_TEXT} characters.`);
  const tx = new Tx(state);
  const escalation: Escalation = {
    id: tx.nextId(),
    escalator: a.seat,
    target: a.target,
    demand: { ...a.demand },
    rationale,
    stage: 1,
    cosigners: [],
    openedRound: state.round,
    expiresRound: state.round + 1,
    refusal: null,
    conceded: 0,
  };
  tx.patch({ escalations: [...state.escalations, escalation] });
  if (rulesOf(state) >= 3 && a.demand.kind === 'concession') tx.patch({ pointDemands: [...state.pointDemands, pair] });
  tx.points(a.seat, -state.scenario.escalation.stageCost[0], 'escalation');
  tx.emit({ to: 'all', type: 'escalated', escalation });
  return tx.done();
}

/** raise to the next stage; paying its cost renews the escalation too. */
export function raise(state: GameState, a: Raise): ApplyResult {
  if (state.phase !== 'negotiate') return refusal('wrong-phase', 'Escalations happen while the table negotiates.');
  const e = findOwn(state, a.escalation, a.seat);
  if (!isEscalation(e)) return e;
  if (e.stage >= 4) return refusal('max-stage', 'This escalation is already at its last stage (action).');
  const stage = (e.stage + 1) as Escalation['stage'];
  const cost = state.scenario.escalation.stageCost[stage - 1];
  const tx = new Tx(state);
  tx.patch({
    escalations: state.escalations.map((x) => (x.id === e.id ? { ...x, stage, expiresRound: state.round + 1 } : x)),
  });
  tx.points(a.seat, -cost, 'escalation');
  tx.emit({ to: 'all', type: 'raised', escalation: e.id, stage });
  return tx.done();
}

/** renew: pay the current stage's cost again to keep it standing through the next round. */
export function renew(state: GameState, a: Renew): ApplyResult {
  if (state.phase !== 'negotiate') return refusal('wrong-phase', 'Escalations happen while the table negotiates.');
  const e = findOwn(state, a.escalation, a.seat);
  if (!isEscalation(e)) return e;
  if (e.expiresRound > state.round)
    return refusal('not-expiring', `This escalation stands through round ${e.expiresRound}; renew it in that round.`);
  const cost = state.scenario.escalation.stageCost[e.stage - 1];
  const tx = new Tx(state);
  tx.patch({
    escalations: state.escalations.map((x) => (x.id === e.id ? { ...x, expiresRound: state.round + 1 } : x)),
  });
  tx.points(a.seat, -cost, 'escalation');
  tx.emit({ to: 'all', type: 'renewed', escalation: e.id });
  return tx.done();
}

/** co-sign from stage 2 (mobilise): each ally pays a little and adds its power to the side. */
export function cosign(state: GameState, a: Cosign): ApplyResult {
  if (state.phase !== 'negotiate') return refusal('wrong-phase', 'Escalations happen while the table negotiates.');
  const e = state.escalations.find((x) => x.id === a.escalation);
  if (!e) return refusal('unknown-escalation', 'That escalation has ended.');
  if (e.escalator === a.seat || e.target === a.seat) return refusal('self-target', 'Only a third seat can co-sign.');
  if (e.cosigners.includes(a.seat)) return refusal('already-cosigned', 'You already co-signed this escalation.');
  if (e.stage < 2) return refusal('stage-too-low', 'Allies co-sign once the escalation reaches stage 2 (mobilise).');
  const tx = new Tx(state);
  tx.patch({
    escalations: state.escalations.map((x) =>
      x.id === e.id ? { ...x, cosigners: [...x.cosigners, a.seat].sort((p, q) => p - q) } : x,
    ),
  });
  tx.points(a.seat, -state.scenario.escalation.cosignCost, 'escalation');
  tx.emit({ to: 'all', type: 'cosigned', escalation: e.id, seat: a.seat });
  return tx.done();
}

/** refuse publicly, with a rationale: it costs the target less than ignoring the demand. */
export function refuseDemand(state: GameState, a: Refuse): ApplyResult {
  if (state.phase !== 'negotiate') return refusal('wrong-phase', 'Demands are refused while the table negotiates.');
  const e = state.escalations.find((x) => x.id === a.escalation);
  if (!e) return refusal('unknown-escalation', 'That escalation has ended.');
  if (e.target !== a.seat) return refusal('not-target', 'Only the seat the demand is addressed to can refuse it.');
  const rationale = optionalText(a.rationale);
  if (rationale === null) return NOT_TEXT;
  if (!rationale) return refusal('empty-text', 'A public refusal needs a rationale.');
  if (rationale.length > MAX_TEXT) return refusal('text-too-long', `A rationale is at most ${MAX_TEXT} characters.`);
  const tx = new Tx(state);
  tx.patch({ escalations: state.escalations.map((x) => (x.id === e.id ? { ...x, refusal: rationale } : x)) });
  tx.emit({ to: 'all', type: 'refused', escalation: e.id, rationale });
  return tx.done();
}

/**
 * The demand is met and the escalation ends. Met by the target's own act, it credits the target
 * [de-escalation gives the powerful a way to concede without losing face]; under rules v3 the
 * escalator earns nothing for it (v2 credited both). Made moot by a deal the target was not in,
 * it ends without credit to anyone.
 */
export function meetDemand(tx: Tx, id: number, byTarget = true): void {
  const e = tx.state.escalations.find((x) => x.id === id);
  if (!e) return;
  tx.patch({ escalations: tx.state.escalations.filter((x) => x.id !== id) });
  tx.emit({ to: 'all', type: 'demand-met', escalation: id, byTarget });
  if (!byTarget) return;
  const gain = tx.state.scenario.reputation.demandMet;
  tx.reputation(e.target, gain, 'demand-met');
  if (rulesOf(tx.state) < 3) tx.reputation(e.escalator, gain, 'demand-met');
}

/**
 * Share and option demands are met by the winning deal: the escalator got its share, or the
 * option is in force (DESIGN 2.1). Under rules v3 that is the target's act only when the target
 * sits in that deal; otherwise the demand is moot and ends without credit. v2 credited both
 * sides whenever the deal met it.
 */
export function meetDemandsByDeal(tx: Tx, winning: Deal): void {
  const v3 = rulesOf(tx.state) >= 3;
  for (const e of tx.state.escalations) {
    const d = e.demand;
    let met = false;
    if (d.kind === 'share') {
      const i = winning.members.indexOf(e.escalator);
      met = i >= 0 && winning.split[i] >= d.share;
    } else if (d.kind === 'option') {
      met = winning.terms[d.issue] === d.option;
    }
    if (met) meetDemand(tx, e.id, !v3 || winning.members.includes(e.target));
  }
}
