import { NOT_TEXT, refuse } from '../errors';
import { isSeat, MAX_TEXT, round2, optionalText, rulesOf } from '../rules';
import { Tx } from '../tx';
import type { Action, ApplyResult, GameState } from '../types';
import { meetDemand } from './escalate';

type Concede = Extract<Action, { type: 'concede' }>;

/**
 * concede: points now, no strings. A labelled concession is shown with what it costs the giver,
 * measured against the prize (rules v3; never against the giver's private points, which v2 used
 * and which let a player read them off), and raises reputation in proportion to the points
 * given; a silent one raises it less. Credit is given once per pair of seats per round, so
 * splitting a gift earns nothing extra [label every concession].
 */
export function concede(state: GameState, a: Concede): ApplyResult {
  if (state.phase !== 'negotiate')
    return refuse('wrong-phase', 'Concessions can be made only while the table negotiates.');
  if (!isSeat(state, a.to)) return refuse('unknown-seat', 'There is no such seat at this table.');
  if (a.to === a.seat) return refuse('self-target', 'You cannot concede to yourself.');
  if (!Number.isInteger(a.points) || a.points < 1)
    return refuse('bad-points', 'A concession is a whole number of points, at least 1.');
  const have = state.seats[a.seat].points;
  if (a.points > have) return refuse('not-enough-points', `You have ${Math.max(0, Math.floor(have))} points to give.`);
  const rationale = optionalText(a.rationale);
  if (rationale === null) return NOT_TEXT;
  if (rationale.length > MAX_TEXT) return refuse('text-too-long', `A rationale is at most ${MAX_TEXT} characters.`);
  const labelled = a.labelled === true;
  const costShare = round2(a.points / (rulesOf(state) >= 3 ? state.scenario.prize : have));
  const tx = new Tx(state);
  tx.points(a.seat, -a.points, 'concessions');
  tx.points(a.to, a.points, 'concessions');
  tx.patch({
    // A silent concession shows no cost: its share would reveal the giver's private points.
    concessions: [
      ...tx.state.concessions,
      {
        round: state.round,
        from: a.seat,
        to: a.to,
        points: a.points,
        labelled,
        costShare: labelled ? costShare : 0,
        rationale,
      },
    ],
  });
  // A silent concession is a private transfer; a labelled one is public with its cost.
  tx.emit({
    to: labelled ? 'all' : [a.seat, a.to],
    type: 'conceded',
    from: a.seat,
    receiver: a.to,
    points: a.points,
    labelled,
    costShare: labelled ? costShare : 0,
    rationale,
  });
  const key = `${a.seat}-${a.to}`;
  if (!state.concessionCredit.includes(key)) {
    const rules = state.scenario.reputation;
    const full = Math.min(rules.labelledMax, Math.round(rules.labelledPerCostShare * costShare));
    const gain = labelled ? full : Math.floor(full * rules.silentFactor);
    if (gain > 0) {
      tx.patch({ concessionCredit: [...state.concessionCredit, key] });
      tx.reputation(a.seat, gain, labelled ? 'labelled-concession' : 'silent-concession');
    }
  }
  for (const e of state.escalations) {
    if (e.escalator === a.to && e.target === a.seat && e.demand.kind === 'concession') {
      const conceded = e.conceded + a.points;
      tx.patch({ escalations: tx.state.escalations.map((x) => (x.id === e.id ? { ...x, conceded } : x)) });
      if (conceded >= e.demand.points) meetDemand(tx, e.id, true);
    }
  }
  return tx.done();
}
