// Escalation, demands and concessions as a persona weighs them (DESIGN 2.1, 6): what refusing a
// demand will cost next round under the rules' own numbers (bite by the number of seats behind
// it, walk-away or deal income, action), what meeting it costs (a point demand is a one-off
// payment, a share or an option a cost every round), and when to give or return a concession.
import { bite } from '../../engine/rules';
import type { Demand, Escalation, Seat, Terms } from '../../engine/types';
import type { BotDecision } from '../bot';
import { decision, myShareIn, name, percentOf, roundsLeft, standing, type Ctx } from './context';
import {
  acceptable,
  buildProposal,
  closeness,
  lastWinning,
  MAX_SWITCH_STEP,
  sameProposal,
  type Constraint,
} from './deals';
import { strongestSeat, wins } from './reading';

/** Rounds in a row, most recent first, that this seat was shut out (hardliners: or paid below its power). */
function roundsShutOut(ctx: Ctx): number {
  let count = 0;
  for (let i = ctx.view.history.length - 1; i >= 0; i--) {
    const h = ctx.view.history[i];
    const d = h.deals.find((x) => x.proposalId === h.winning);
    const share = d ? myShareIn(d, ctx.me) : 0;
    if (d && share > 0 && (ctx.persona !== 'hardliner' || share >= percentOf(ctx.shares[ctx.me]))) break;
    count++;
  }
  return count;
}

/** Points per round that refusing will cost next round, when the escalator raises again. */
export function refusalCost(ctx: Ctx, e: Escalation): number {
  const { view } = ctx;
  const rules = view.scenario.escalation;
  const b = bite(1 + e.cosigners.length, view.seats.length);
  const stage = Math.min(4, e.stage + 1);
  const current = standing(ctx);
  const inDeal = !!current && wins(view, current.members);
  const income = inDeal ? (view.scenario.prize * myShareIn(current, ctx.me)) / 100 : 0;
  // Reputation lost for ignoring it, in points it will cost at later tables of bots.
  let cost = view.scenario.reputation.ignoreDemand * 0.5;
  if (inDeal) {
    if (stage >= 3) cost += (rules.complaintIncomeCut ?? 0) * b * income;
  } else {
    if (stage >= 2) cost += view.me!.role.walkAway * b * rules.mobiliseDrop;
    if (stage >= 3) cost += view.me!.role.walkAway * b * rules.complaintDrop;
  }
  if (stage >= 4) cost += rules.actionTargetLoss * b;
  return cost;
}

/** Points per round that meeting a demand costs; a point demand is one payment spread over the rounds it ends. */
export function concedeCost(ctx: Ctx, d: Demand, e: Escalation): number {
  const { view } = ctx;
  if (d.kind === 'share') {
    const current = standing(ctx);
    const has = current ? myShareIn(current, e.escalator) : 0;
    return (view.scenario.prize * Math.max(0, d.share - has)) / 100 / 2;
  }
  if (d.kind === 'concession') return (d.points - e.conceded) / roundsLeft(view);
  const values = view.me!.role.values[d.issue];
  return Math.max(...Object.values(values)) - values[d.option];
}

export function respondToDemands(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const constraint: Constraint & Required<Pick<Constraint, 'members' | 'terms'>> = { members: [], terms: [] };
  const reasons: string[] = [];
  for (const e of view.escalations) {
    if (e.target !== me) continue;
    const refuseCost = refusalCost(ctx, e) * ctx.drawn.yieldAt;
    const giveCost = concedeCost(ctx, e.demand, e);
    const yields =
      ctx.tweak.yields === 'always'
        ? true
        : ctx.tweak.yields === 'never'
          ? false
          : ctx.persona === 'hardliner'
            ? e.stage >= 4 && refuseCost > giveCost
            : ctx.persona === 'builder' || ctx.persona === 'reciprocator'
              ? giveCost <= refuseCost * 1.5
              : refuseCost >= giveCost;
    const d = e.demand;
    const why =
      d.kind === 'concession'
        ? `met ${name(ctx, e.escalator)}'s demand: ${d.points - e.conceded} points once, against about ${Math.round(refusalCost(ctx, e))} a round for refusing`
        : `met ${name(ctx, e.escalator)}'s demand: refusing would cost about ${Math.round(refusalCost(ctx, e))} a round, meeting it about ${Math.round(giveCost)}`;
    if (yields && d.kind === 'concession') {
      const owed = d.points - e.conceded;
      if (view.me!.points >= owed) {
        return decision(
          {
            type: 'concede',
            seat: me,
            to: e.escalator,
            points: owed,
            labelled: true,
            rationale: 'Meeting the demand.',
          },
          why,
        );
      }
    } else if (yields && d.kind === 'share') {
      constraint.members.push({ seat: e.escalator, share: d.share });
      reasons.push(why);
      continue;
    } else if (yields && d.kind === 'option') {
      constraint.terms.push({ issue: d.issue, option: d.option });
      reasons.push(why);
      continue;
    }
    if (e.refusal === null) {
      return decision(
        {
          type: 'refuse',
          seat: me,
          escalation: e.id,
          rationale: 'Our offer already reflects the balance of power at this table.',
        },
        `refused ${name(ctx, e.escalator)}'s demand publicly: meeting it would cost about ${Math.round(giveCost)} a round, refusing about ${Math.round(refusalCost(ctx, e))}`,
      );
    }
  }
  if (reasons.length === 0) return null;
  // An offer on the table that already meets every demand it yields to, and that it can accept:
  // it stands behind that one instead of putting up another.
  const meets = (p: (typeof view.proposals)[number]) =>
    p.members.includes(me) &&
    wins(view, p.members) &&
    constraint.members.every((m) => p.members.includes(m.seat) && myShareIn(p, m.seat) >= m.share) &&
    constraint.terms.every((t) => p.terms[t.issue] === t.option);
  const ready = view.proposals.filter(meets);
  if (ready.some((p) => p.id === view.me!.acceptance)) return null;
  const take = ctx.step < MAX_SWITCH_STEP ? ready.find((p) => p.proposer !== me && acceptable(ctx, p)) : undefined;
  if (take)
    return decision(
      { type: 'accept', seat: me, proposal: take.id },
      `${reasons.join('; ')}: accepted ${name(ctx, take.proposer)}'s offer, which meets it`,
    );
  // Every demand it yields to goes into one proposal, so meeting one does not undo another;
  // the escalators join the deal it stands in, whose package is kept.
  // The escalators join the deal closest to forming that it sits in, on that deal's terms, and
  // it pays their shares out of its own, so the others have no reason to walk away.
  const base = view.proposals
    .filter((p) => p.members.includes(me) && wins(view, p.members) && closeness(ctx, p) >= 0)
    .sort(
      (a, b) => closeness(ctx, b) - closeness(ctx, a) || b.acceptedBy.length - a.acceptedBy.length || a.id - b.id,
    )[0];
  const built = base
    ? joinDeal(ctx, base, constraint)
    : buildProposal({ ...ctx, profile: { ...ctx.profile, ask: 1 } }, constraint);
  const own = view.proposals.find((p) => p.proposer === me);
  // The offer goes on the table once; whether to stand behind it is acceptBest's call.
  if (!built || sameProposal(own, built)) return null;
  return decision(
    { type: 'propose', seat: me, ...built, rationale: 'We have listened and meet the demand.', visibility: 'public' },
    reasons.join('; '),
  );
}

/**
 * Reciprocity for a gift (DESIGN 2.1): the proposer of a standing deal that received a
 * concession last round from a partner in it offers the same deal with a better split for the
 * giver, paid from its own share: a labelled gift is answered in full, a silent one in part.
 */
export function rewardGiver(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (ctx.persona === 'hardliner' || ctx.persona === 'incumbent') return null;
  const current = standing(ctx);
  if (!current || current.proposer !== me || current.acceptedBy.length !== current.members.length) return null;
  const gifts = view.concessions.filter(
    (c) => c.to === me && c.round === view.round - 1 && current.members.includes(c.from),
  );
  if (gifts.length === 0 || current.round === view.round) return null;
  const giver = gifts[0].from;
  const points = gifts
    .filter((g) => g.from === giver)
    .reduce((a, g) => a + (g.labelled ? g.points : g.points * 0.35), 0);
  const bonus = Math.round((100 * points) / view.scenario.prize / 2);
  const mine = current.members.indexOf(me);
  if (bonus < 1 || current.split[mine] - bonus < 0) return null;
  const split = current.split.slice();
  split[mine] -= bonus;
  split[current.members.indexOf(giver)] += bonus;
  return decision(
    {
      type: 'propose',
      seat: me,
      members: current.members,
      split,
      terms: current.terms,
      counterTo: current.id,
      rationale: `Answering ${name(ctx, giver)}'s concession: ${bonus}% more of the prize for it.`,
      visibility: 'public',
    },
    `answered ${name(ctx, giver)}'s ${gifts[0].labelled ? 'labelled' : 'silent'} concession with ${bonus}% more in our deal: reciprocity`,
  );
}

/** A deal with the demands met: escalators added at their shares, paid by this seat; the terms demanded set. */
function joinDeal(
  ctx: Ctx,
  base: { members: Seat[]; split: number[]; terms: Terms },
  c: Required<Pick<Constraint, 'members' | 'terms'>>,
): { members: Seat[]; split: number[]; terms: Terms } | null {
  const me = ctx.me;
  const members = [...new Set([...base.members, ...c.members.map((m) => m.seat)])].sort((a, b) => a - b);
  const split = members.map((s) => {
    const demanded = c.members.find((m) => m.seat === s)?.share ?? 0;
    const had = base.members.includes(s) ? base.split[base.members.indexOf(s)] : 0;
    return s === me ? 0 : Math.max(had, demanded);
  });
  const mine = 100 - split.reduce((a, b) => a + b, 0);
  if (mine < 0) return null;
  split[members.indexOf(me)] = mine;
  const terms = { ...base.terms };
  for (const t of c.terms) terms[t.issue] = t.option;
  return { members, split, terms };
}

/** Whether this seat can afford the next escalation step without sinking into debt. */
function canAfford(ctx: Ctx, cost: number): boolean {
  return ctx.view.me!.points - cost >= 10;
}

/**
 * A bot presses only where pressure can work (DESIGN 2.1): alone it bites little, so it raises
 * beyond mobilising only once co-signers stand with it, stops renewing an action that has not
 * moved its target in two rounds, and never spends itself into debt.
 */
export function escalate(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const rules = view.scenario.escalation;
  const mine = view.escalations.filter((e) => e.escalator === me);
  for (const e of mine) {
    const side = 1 + e.cosigners.length;
    const desired = Math.min(side >= 2 ? 4 : 2, 1 + view.round - e.openedRound);
    const next = rules.stageCost[Math.min(3, e.stage)];
    if (e.stage < desired && canAfford(ctx, next + (e.stage === 3 ? rules.actionEscalatorLoss : 0)))
      return decision(
        { type: 'raise', seat: me, escalation: e.id },
        `raised the pressure on ${name(ctx, e.target)} to stage ${e.stage + 1}: the demand still stands`,
      );
    const stale = view.round - e.openedRound >= 4 + (side >= 2 ? 2 : 0);
    if (e.expiresRound <= view.round && !stale && canAfford(ctx, rules.stageCost[e.stage - 1]))
      return decision(
        { type: 'renew', seat: me, escalation: e.id },
        `renewed the escalation against ${name(ctx, e.target)}`,
      );
  }
  const winning = lastWinning(view);
  for (const e of view.escalations) {
    if (e.escalator === me || e.target === me || e.cosigners.includes(me) || e.stage < 2) continue;
    if (!ctx.profile.concedes && ctx.persona !== 'hardliner') continue;
    if (winning && winning.members.includes(me)) continue;
    if (!canAfford(ctx, rules.cosignCost + rules.actionEscalatorLoss)) continue;
    const side = 2 + e.cosigners.length;
    return decision(
      { type: 'cosign', seat: me, escalation: e.id },
      `co-signed against ${name(ctx, e.target)}: with ${side} seats behind it the pressure bites at ${percentOf(bite(side, view.seats.length))}% of its full force`,
    );
  }
  if (!Number.isFinite(ctx.profile.escalateAfter) || mine.length > 0) return null;
  // Only a seat shut out of a deal that exists has someone to press.
  if (!winning || winning.members.includes(me) || roundsShutOut(ctx) < ctx.profile.escalateAfter) return null;
  if (!canAfford(ctx, rules.stageCost[0] + rules.stageCost[1])) return null;
  // Pressure goes to the seat that can let it in: a veto holder, or the strongest member of the
  // deal that shut it out.
  const shutOutBy = winning.members.filter((m) => m !== me);
  const strongestMember = shutOutBy.sort((a, b) => view.seats[b].power - view.seats[a].power)[0];
  const target = view.seats.find((s) => s.veto && s.seat !== me)?.seat ?? strongestMember ?? strongestSeat(view);
  if (target === me) return null;
  if (ctx.difficulty === 'easy' && ctx.rng.chance(0.5)) return null;
  const index = percentOf(ctx.shares[me]);
  const share = Math.max(5, index);
  return decision(
    {
      type: 'escalate',
      seat: me,
      target,
      demand: { kind: 'share', share },
      rationale: `Our power index is ${index}% and we have been left out; we ask for ${share}% of the deal.`,
    },
    `went public against ${name(ctx, target)}: shut out for ${roundsShutOut(ctx)} round(s), demanding ${share}% (my power index is ${index}%)`,
  );
}

export function concede(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (!ctx.profile.concedes || view.me!.points < 10) return null;
  if (view.concessions.some((c) => c.from === me && c.round === view.round)) return null;
  const labelled = ctx.tweak.labels ?? true;
  if (ctx.persona === 'reciprocator') {
    // Reciprocity: a gift is returned, a named one in full, a silent one in part.
    const gift = view.concessions.find((c) => c.to === me && c.round === view.round - 1);
    if (!gift) return null;
    const owed = gift.labelled ? gift.points : Math.floor(gift.points / 3);
    const points = Math.min(owed, Math.floor(view.me!.points / 4));
    if (points < 1) return null;
    return decision(
      { type: 'concede', seat: me, to: gift.from, points, labelled, rationale: 'Returning your concession.' },
      `returned ${name(ctx, gift.from)}'s ${gift.labelled ? 'labelled' : 'silent'} concession with ${points}: reciprocity keeps the coalition together`,
    );
  }
  if (view.round < 2 || view.seats[me].reputation >= 60 || ctx.difficulty === 'easy') return null;
  const deal = standing(ctx);
  if (!deal) return null;
  // A gift to unlock a deal, not a tax on one that holds: a builder already in the winning deal
  // keeps its points.
  const last = view.history[view.history.length - 1];
  if (last && last.deals.some((d) => d.proposalId === last.winning && d.members.includes(me))) return null;
  const partners = deal.members.filter((m) => m !== me).sort((a, b) => myShareIn(deal, a) - myShareIn(deal, b));
  if (partners.length === 0) return null;
  const points = Math.max(1, Math.round(view.scenario.prize * 0.04));
  if (points > view.me!.points) return null;
  const cost = percentOf(points / view.scenario.prize);
  return decision(
    {
      type: 'concede',
      seat: me,
      to: partners[0],
      points,
      labelled,
      rationale: labelled ? `A no-strings concession: it costs us ${cost}% of the prize.` : '',
    },
    `gave ${name(ctx, partners[0])} a ${labelled ? 'labelled' : 'silent'} concession of ${points}: it costs me little and shows good faith`,
  );
}
