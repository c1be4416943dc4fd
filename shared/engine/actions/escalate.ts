import { NOT_TEXT, refuse as refusal } from '../errors';
import { isSeat, MAX_TEXT, optionalText } from '../rules';
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
      return Number.isInteger(d.share) && d.share >= 1 && d.share <= 100 ? null : 'A share demand is a whole percentage from 1 to 100.';
    case 'concession':
      return Number.isInteger(d.points) && d.points >= 1 && d.points <= 1000 ? null : 'A concession demand is a whole number of points from 1 to 1000.';
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
  tx.patch({ escalations: state.escalations.map((x) => (x.id === e.id ? { ...x, stage, expiresRound: state.round + 1 } : x)) });
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
  tx.patch({ escalations: state.escalations.map((x) => (x.id === e.id ? { ...x, expiresRound: state.round + 1 } : x)) });
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
  tx.patch({ escalations: state.escalations.map((x) => (x.id === e.id ? { ...x, cosigners: [...x.cosigners, a.seat].sort((p, q) => p - q) } : x)) });
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

/** The demand is met: the escalation ends and credits both sides [de-escalation saves face]. */
export function meetDemand(tx: Tx, id: number): void {
  const e = tx.state.escalations.find((x) => x.id === id);
  if (!e) return;
  tx.patch({ escalations: tx.state.escalations.filter((x) => x.id !== id) });
  tx.emit({ to: 'all', type: 'demand-met', escalation: id });
  const gain = tx.state.scenario.reputation.demandMet;
  tx.reputation(e.target, gain, 'demand-met');
  tx.reputation(e.escalator, gain, 'demand-met');
}

/**
 * Share and option demands are met by the winning deal itself: the escalator got its share, or
 * the option is in force (DESIGN 2.1), whether or not the target sat in that deal.
 */
export function meetDemandsByDeal(tx: Tx, winning: Deal): void {
  for (const e of tx.state.escalations) {
    const d = e.demand;
    if (d.kind === 'share') {
      const i = winning.members.indexOf(e.escalator);
      if (i >= 0 && winning.split[i] >= d.share) meetDemand(tx, e.id);
    } else if (d.kind === 'option') {
      if (winning.terms[d.issue] === d.option) meetDemand(tx, e.id);
    }
  }
}
