// Negotiation personas (DESIGN.md section 6): pure policies over a seat's view. Each call returns
// the persona's next action in the negotiate or prepare phase with a one-line reason, or null
// when it has nothing more to do. The order of the checks is the persona's priorities.
import type { Rng } from '../../engine/rng';
import { escalationShare } from '../../engine/rules';
import type { Demand, Escalation, Seat, SeatAction, Terms } from '../../engine/types';
import type { ProposalView, TableView } from '../../engine/view';
import type { BotDecision } from '../bot';
import {
  knownInterests,
  minimalWinningWith,
  myBestTerms,
  myTermsValue,
  powerShares,
  proposalValue,
  strongestSeat,
  support,
  toPercentages,
  trustRecord,
  wins,
} from './reading';
import { PROFILES, type Difficulty, type PersonaName, type Profile } from './profiles';

export { PERSONA_NAMES, DIFFICULTIES, PROFILES, personaStrategy, type PersonaName, type Difficulty } from './profiles';

interface Ctx {
  view: TableView;
  me: Seat;
  persona: PersonaName;
  profile: Profile;
  difficulty: Difficulty;
  rng: Rng;
  step: number;
  shares: number[];
  /** The least a deal must be worth to this seat per round. */
  required: number;
}

const decision = (action: SeatAction, reason: string): BotDecision => ({ action, reason });
const name = (ctx: Ctx, seat: Seat) => ctx.view.seats[seat].name;

/** The persona's next action, or null when it is done for this phase. */
export function decidePersona(persona: PersonaName, difficulty: Difficulty, view: TableView, rng: Rng, step: number): BotDecision | null {
  const me = view.me!.seat;
  const profile = PROFILES[persona];
  const shares = powerShares(view, difficulty);
  // An easy bot misjudges its own worth a little each time it looks.
  const wobble = difficulty === 'easy' ? 0.8 + 0.4 * rng.float() : 1;
  // A deal must beat the walk-away and pay the persona's idea of its fair share of the prize.
  const required = Math.max(view.me!.walkAway, profile.demand * wobble * view.scenario.prize * shares[me]);
  const ctx: Ctx = { view, me, persona, profile, difficulty, rng, step, shares, required };
  if (view.phase === 'prepare') return declareWalkAway(ctx);
  if (view.phase !== 'negotiate') return null;
  return (
    answerQuestions(ctx) ??
    (view.round === 1 && step === 0 ? askQuestions(ctx) : null) ??
    respondToDemands(ctx) ??
    acceptBest(ctx) ??
    proposeOwn(ctx) ??
    improvePackage(ctx) ??
    escalate(ctx) ??
    concede(ctx) ??
    rejectBad(ctx) ??
    askQuestions(ctx)
  );
}

function fairPercent(ctx: Ctx, seat: Seat): number {
  return Math.round(ctx.shares[seat] * 100);
}

/**
 * Every persona states a public minimum share in prepare [clarity on your walk-away point]:
 * its walk-away as a share of the prize, plus the margin its temperament asks for. Proposers
 * read these declarations to build splits their partners can accept.
 */
function declareWalkAway(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (view.seats[me].declared !== null) return null;
  if (ctx.difficulty === 'easy' && ctx.rng.chance(0.5)) return null;
  const margin = { builder: 0, reciprocator: 0.1, opportunist: 0.2, incumbent: 0.3, hardliner: 0.6 }[ctx.persona];
  const base = (100 * view.me!.role.walkAway) / view.scenario.prize;
  const share = Math.min(90, Math.max(1, Math.round(base * (1 + margin))));
  return decision({ type: 'declare', seat: me, share }, `declared ${share}%: below that I do better walking away`);
}

function answerQuestions(ctx: Ctx): BotDecision | null {
  const q = ctx.view.asks.find((x) => x.to === ctx.me && x.status === 'open');
  if (!q) return null;
  const lowReputation = ctx.view.seats[ctx.me].reputation < 40;
  if (ctx.profile.answers || lowReputation) {
    return decision({ type: 'answer', seat: ctx.me, ask: q.id }, `answered ${name(ctx, q.from)}: sharing interests builds trust and costs me little`);
  }
  return decision({ type: 'decline', seat: ctx.me, ask: q.id }, `declined ${name(ctx, q.from)}: I keep my priorities to myself`);
}

// ---------------------------------------------------------------------------
// Proposals

function myShareIn(p: { members: Seat[]; split: number[] }, seat: Seat): number {
  const i = p.members.indexOf(seat);
  return i < 0 ? 0 : p.split[i];
}

function acceptable(ctx: Ctx, p: ProposalView): boolean {
  const declared = ctx.view.seats[ctx.me].declared;
  if (declared !== null && myShareIn(p, ctx.me) < declared) return false;
  if (ctx.persona === 'reciprocator') {
    // Closed to a proposer who defected on it more often than it honoured.
    const r = trustRecord(ctx.view, p.proposer);
    if (r.defected > r.honoured) return false;
  }
  return proposalValue(ctx.view, p) >= ctx.required;
}

/** A member rejected it and does not stand behind it: it cannot become a deal as it is. */
function dead(p: ProposalView): boolean {
  return p.rejections.some((r) => !p.acceptedBy.includes(r.seat));
}

/**
 * How close a proposal is to forming if this seat stands behind it: the share of its members
 * who would then accept it. Every bot ranks by this public measure (then by the earlier
 * proposal), so a table of bots converges on one deal instead of splitting its acceptances.
 */
function closeness(view: TableView, p: ProposalView): number {
  const me = view.me!.seat;
  if (dead(p)) return -1;
  // A member who stands behind a proposal of its own has moved on: this one will not form.
  if (p.members.some((m) => m !== me && m !== p.proposer && view.proposals.some((q) => q.proposer === m && q.id !== p.id && q.acceptedBy.includes(m)))) return -0.5;
  return (p.acceptedBy.length + (p.acceptedBy.includes(me) ? 0 : 1)) / p.members.length;
}

function better(view: TableView, a: ProposalView, b: ProposalView): boolean {
  const ca = closeness(view, a);
  const cb = closeness(view, b);
  return ca > cb + 1e-9 || (Math.abs(ca - cb) <= 1e-9 && a.id < b.id);
}

function acceptBest(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const current = view.proposals.find((p) => p.id === view.me!.acceptance) ?? null;
  const candidates = view.proposals.filter(
    (p) => p.proposer !== me && p.members.includes(me) && p.id !== view.me!.acceptance && wins(view, p.members) && acceptable(ctx, p),
  );
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => (better(view, a, b) ? -1 : better(view, b, a) ? 1 : 0));
  let best = candidates[0];
  if (ctx.profile.switches) {
    // The opportunist breaks an alliance whenever another deal pays it more.
    const richest = candidates.reduce((x, y) => (proposalValue(view, y) > proposalValue(view, x) ? y : x));
    if (!current || proposalValue(view, richest) > proposalValue(view, current) + 2) best = richest;
    else if (current && wins(view, current.members) && acceptable(ctx, current) && !better(view, best, current)) return null;
  } else if (current && wins(view, current.members) && acceptable(ctx, current) && !better(view, best, current)) {
    return null;
  }
  const share = myShareIn(best, me);
  const worth = Math.round(proposalValue(view, best));
  return decision(
    { type: 'accept', seat: me, proposal: best.id },
    `accepted ${name(ctx, best.proposer)}'s proposal: ${share}% and its terms are worth about ${worth} a round to me, above the ${Math.round(ctx.required)} I need`,
  );
}

interface Constraint {
  /** Seats that must be in the coalition with at least these shares. */
  members?: { seat: Seat; share: number }[];
  terms?: { issue: string; option: string }[];
  /** A standing deal to build on: its members stay and its package is kept. */
  keep?: { members: Seat[]; terms: Terms };
}

function chooseCoalition(ctx: Ctx, constraint: Constraint): Seat[] | null {
  const { view, me, shares } = ctx;
  const must = (constraint.members ?? []).map((m) => m.seat);
  if (constraint.keep) return [...new Set([...constraint.keep.members, ...must, me])].sort((a, b) => a - b);
  let options = minimalWinningWith(view, me);
  if (must.length > 0) {
    const withMust = options.filter((c) => must.every((m) => c.includes(m)));
    options = withMust.length > 0 ? withMust : options.map((c) => [...new Set([...c, ...must])].sort((a, b) => a - b));
  }
  if (options.length === 0) return null;
  // Seats standing behind someone else's proposal are harder to win over.
  const committed = (s: Seat) =>
    view.proposals.some((p) => p.proposer !== me && p.acceptedBy.includes(s)) ||
    view.proposals.some((p) => p.proposer === me && p.rejections.some((r) => r.seat === s));
  const price = (s: Seat) => Math.max(shares[s], (view.seats[s].declared ?? 0) / 100);
  const cost = (c: Seat[]) => c.reduce((sum, s) => (s === me ? sum : sum + price(s) + (committed(s) ? 0.25 : 0)), 0);
  if (ctx.difficulty === 'easy') return ctx.rng.pick(options);
  if (ctx.profile.coalition === 'trusted') {
    const trusted = options.filter((c) => c.every((s) => s === me || trustRecord(view, s).defected <= trustRecord(view, s).honoured));
    if (trusted.length > 0) options = trusted;
  }
  if (ctx.profile.coalition === 'broad') {
    // Broad coalitions: the largest minimal winning one, then one more ally with a good name.
    options.sort((a, b) => b.length - a.length || cost(a) - cost(b));
    const base = options[0];
    const outsiders = view.seats.filter((s) => !base.includes(s.seat)).sort((a, b) => b.reputation - a.reputation);
    if (ctx.difficulty === 'hard' && outsiders.length > 0 && outsiders[0].reputation >= 45) return [...base, outsiders[0].seat].sort((a, b) => a - b);
    return base;
  }
  options.sort((a, b) => cost(a) - cost(b) || a.length - b.length);
  return options[0];
}

/** A package: for each issue the option worth most to me plus what members said they care about. */
function chooseTerms(ctx: Ctx, members: Seat[], constraint: Constraint): Terms {
  const { view } = ctx;
  const terms = constraint.keep ? { ...constraint.keep.terms } : myBestTerms(view);
  if (!constraint.keep && ctx.profile.packages && ctx.difficulty !== 'easy') {
    const known = knownInterests(view);
    // An answer ranks issues without saying how much they are worth: guess a point value by rank.
    const byRank = ctx.difficulty === 'hard' ? [20, 12, 6, 3] : [14, 8, 4, 2];
    for (const issue of view.scenario.issues) {
      let best = terms[issue.id];
      let bestScore = -Infinity;
      for (const option of issue.options) {
        let s = view.me!.role.values[issue.id][option.id];
        for (const m of members) {
          const ranked = known.get(m);
          if (!ranked) continue;
          const rank = ranked.findIndex((r) => r.issue === issue.id);
          if (rank >= 0 && ranked[rank].preferred === option.id) s += byRank[rank] ?? 1;
        }
        if (s > bestScore) {
          bestScore = s;
          best = option.id;
        }
      }
      terms[issue.id] = best;
    }
  }
  for (const t of constraint.terms ?? []) terms[t.issue] = t.option;
  return terms;
}

function buildProposal(ctx: Ctx, constraint: Constraint): { members: Seat[]; split: number[]; terms: Terms } | null {
  const members = chooseCoalition(ctx, constraint);
  if (!members) return null;
  const weights = members.map((s) => (s === ctx.me ? ctx.shares[s] * ctx.profile.ask : ctx.shares[s]) + 0.01);
  const split = toPercentages(weights);
  const mine = members.indexOf(ctx.me);
  // Partners get at least what they declared or demanded; the proposer pays for it.
  const floors = members.map((s) => Math.max(s === ctx.me ? 0 : (ctx.view.seats[s].declared ?? 0), constraint.members?.find((m) => m.seat === s)?.share ?? 0));
  for (let i = 0; i < members.length; i++) {
    if (i === mine) continue;
    const gap = Math.max(0, floors[i] - split[i]);
    split[i] += gap;
    split[mine] -= gap;
  }
  if (split[mine] < 0) return null;
  return { members, split, terms: chooseTerms(ctx, members, constraint) };
}

function sameMembers(p: { members: Seat[] }, q: { members: Seat[] }): boolean {
  return p.members.length === q.members.length && p.members.every((m, i) => m === q.members[i]);
}

/**
 * A package builder, once its coalition stands and it has learned what its partners care
 * about, offers the same coalition and split with terms that are worth more to them and no
 * less to itself [ask what matters most to them].
 */
function improvePackage(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (!ctx.profile.packages || ctx.difficulty === 'easy') return null;
  // Only the proposer revises a standing deal: its new proposal replaces the old one, so the
  // coalition never has two versions of itself to split between.
  const current = view.proposals.find((p) => p.id === view.me!.acceptance);
  if (!current || current.proposer !== me || current.acceptedBy.length !== current.members.length) return null;
  if (current.round === view.round) return null;
  const known = knownInterests(view);
  if (!current.members.some((m) => m !== me && known.has(m))) return null;
  const terms = chooseTerms(ctx, current.members, {});
  if (JSON.stringify(terms) === JSON.stringify(current.terms)) return null;
  // A small cost to itself is worth a package its partners value much more.
  if (myTermsValue(view, terms) < myTermsValue(view, current.terms) - 6) return null;
  return decision(
    { type: 'propose', seat: me, members: current.members, split: current.split, terms, counterTo: current.id, rationale: 'Same coalition and split, a package that gives each of us more of what we care about.', visibility: 'public' },
    'offered our coalition a better package: the answers I got show terms that cost me nothing and are worth more to my partners',
  );
}

function sameProposal(p: ProposalView | undefined, q: { members: Seat[]; split: number[]; terms: Terms }): boolean {
  if (!p) return false;
  return JSON.stringify([p.members, p.split, p.terms]) === JSON.stringify([q.members, q.split, q.terms]);
}

function proposeOwn(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const own = view.proposals.find((p) => p.proposer === me);
  const current = view.proposals.find((p) => p.id === view.me!.acceptance);
  // Standing behind a live proposal of someone else's: nothing to propose.
  if (current && current.proposer !== me && wins(view, current.members) && closeness(view, current) >= 0) return null;
  if (own && current === own && !dead(own)) return null;
  // Members who rejected my last offer are offered a little more this time.
  const raises = (own?.rejections ?? []).map((r) => ({ seat: r.seat, share: myShareIn(own!, r.seat) + 5 }));
  const built = buildProposal(ctx, { members: raises.filter((r) => r.share < 60) });
  if (!built || sameProposal(own, built)) return null;
  const others = built.members.filter((m) => m !== me);
  const rationale =
    ctx.profile.coalition === 'cheapest'
      ? `The smallest coalition that reaches the quota of ${view.scenario.quota}.`
      : `Shares follow real bargaining power (the power index), not just weight.`;
  return decision(
    { type: 'propose', seat: me, members: built.members, split: built.split, terms: built.terms, rationale, visibility: 'public' },
    `proposed a coalition with ${others.map((s) => name(ctx, s)).join(', ')}: it reaches the quota and gives me ${myShareIn(built, me)}% (power index ${fairPercent(ctx, me)}%)`,
  );
}

function askQuestions(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (!ctx.profile.asks) return null;
  if (ctx.difficulty === 'easy' && ctx.rng.chance(0.6)) return null;
  const mine = view.asks.filter((q) => q.from === me);
  if (mine.filter((q) => q.round === view.round).length >= 2) return null;
  const asked = new Set(mine.filter((q) => q.status !== 'declined' || q.round === view.round).map((q) => q.to));
  // Partners first, at any time; the rest of the table early on, to map interests.
  const partners = view.proposals.find((p) => p.id === view.me!.acceptance)?.members ?? [];
  const pool = view.round <= 2 ? [...partners, ...view.seats.map((s) => s.seat)] : partners;
  const target = pool.find((s) => s !== me && !asked.has(s));
  if (target === undefined) return null;
  return decision({ type: 'ask', seat: me, target }, `asked ${name(ctx, target)} what matters most: a package needs their priorities`);
}

function rejectBad(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const p = view.proposals.find(
    (x) => x.proposer !== me && x.members.includes(me) && x.id !== view.me!.acceptance && !x.rejections.some((r) => r.seat === me) && !acceptable(ctx, x),
  );
  if (!p) return null;
  const share = myShareIn(p, me);
  const declared = view.seats[me].declared;
  const reason =
    declared !== null && share < declared
      ? `${share}% is below the ${declared}% I declared`
      : share < fairPercent(ctx, me)
        ? `${share}% is below my power index of ${fairPercent(ctx, me)}%`
        : `worth about ${Math.round(proposalValue(view, p))} a round to me, less than the ${Math.round(ctx.required)} I need`;
  return decision({ type: 'reject', seat: me, proposal: p.id, reason }, `rejected: ${reason}`);
}

// ---------------------------------------------------------------------------
// Escalation and concessions

function lastWinning(view: TableView): { members: Seat[]; split: number[] } | null {
  for (let i = view.history.length - 1; i >= 0; i--) {
    const h = view.history[i];
    const d = h.deals.find((x) => x.proposalId === h.winning);
    if (d) return d;
  }
  return null;
}

/** Rounds in a row, most recent first, that this seat was shut out or paid below its power. */
function roundsShutOut(ctx: Ctx): number {
  let count = 0;
  for (let i = ctx.view.history.length - 1; i >= 0; i--) {
    const h = ctx.view.history[i];
    const d = h.deals.find((x) => x.proposalId === h.winning);
    // Hardliners count a share below their power index as being shut out; others only exclusion.
    const share = d ? myShareIn(d, ctx.me) : 0;
    if (d && share > 0 && (ctx.persona !== 'hardliner' || share >= fairPercent(ctx, ctx.me))) break;
    count++;
  }
  return count;
}

/** Points per round refusing will cost next round, when the escalator raises again. */
function refusalCost(ctx: Ctx, e: Escalation): number {
  const rules = ctx.view.scenario.escalation;
  const s = escalationShare(ctx.view.scenario, e);
  const stage = Math.min(4, e.stage + 1);
  let cost = ctx.view.scenario.reputation.ignoreDemand * 0.5;
  if (stage >= 2) cost += ctx.view.me!.role.walkAway * s * rules.mobiliseDrop;
  if (stage >= 3) cost += ctx.view.me!.role.walkAway * s * rules.complaintDrop;
  if (stage >= 4) cost += rules.actionTargetLoss * s;
  return cost;
}

function concedeCost(ctx: Ctx, d: Demand): number {
  if (d.kind === 'share') return (ctx.view.scenario.prize * d.share) / 100 / 2;
  if (d.kind === 'concession') return d.points / 3;
  const values = ctx.view.me!.role.values[d.issue];
  return Math.max(...Object.values(values)) - values[d.option];
}

function respondToDemands(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const constraint: Constraint & Required<Pick<Constraint, 'members' | 'terms'>> = { members: [], terms: [] };
  const reasons: string[] = [];
  for (const e of view.escalations) {
    if (e.target !== me) continue;
    const refuseCost = refusalCost(ctx, e);
    const giveCost = concedeCost(ctx, e.demand);
    const yields =
      ctx.persona === 'hardliner' ? e.stage >= 4 && refuseCost > giveCost :
      ctx.persona === 'builder' || ctx.persona === 'reciprocator' ? giveCost <= refuseCost * 1.5 :
      refuseCost >= giveCost;
    const why = `met ${name(ctx, e.escalator)}'s demand: refusing would cost about ${Math.round(refuseCost)} a round, meeting it about ${Math.round(giveCost)}`;
    const d = e.demand;
    if (yields && d.kind === 'concession') {
      const owed = d.points - e.conceded;
      if (view.me!.points >= owed) {
        return decision({ type: 'concede', seat: me, to: e.escalator, points: owed, labelled: true, rationale: 'Meeting the demand.' }, why);
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
        { type: 'refuse', seat: me, escalation: e.id, rationale: 'Our offer already reflects the balance of power at this table.' },
        `refused ${name(ctx, e.escalator)}'s demand publicly: meeting it would cost about ${Math.round(giveCost)} a round, refusing about ${Math.round(refuseCost)}`,
      );
    }
  }
  if (reasons.length === 0) return null;
  // Every demand it yields to goes into one proposal, so meeting one does not undo another;
  // the escalators join the deal it stands in, whose package is kept.
  const standing = view.proposals.find((p) => p.id === view.me!.acceptance);
  if (standing && wins(view, standing.members)) constraint.keep = { members: standing.members, terms: standing.terms };
  const built = buildProposal(ctx, constraint);
  const own = view.proposals.find((p) => p.proposer === me);
  // The offer goes on the table once; whether to stand behind it is acceptBest's call.
  if (!built || sameProposal(own, built)) return null;
  return decision({ type: 'propose', seat: me, ...built, rationale: 'We have listened and meet the demand.', visibility: 'public' }, reasons.join('; '));
}

function escalate(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const mine = view.escalations.filter((e) => e.escalator === me);
  for (const e of mine) {
    const desired = Math.min(4, 1 + view.round - e.openedRound);
    if (e.stage < desired) return decision({ type: 'raise', seat: me, escalation: e.id }, `raised the pressure on ${name(ctx, e.target)} to stage ${e.stage + 1}: the demand still stands`);
    if (e.expiresRound <= view.round) return decision({ type: 'renew', seat: me, escalation: e.id }, `renewed the escalation against ${name(ctx, e.target)}`);
  }
  const winning = lastWinning(view);
  for (const e of view.escalations) {
    if (e.escalator === me || e.target === me || e.cosigners.includes(me) || e.stage < 2) continue;
    if (!ctx.profile.concedes && ctx.persona !== 'hardliner') continue;
    if (winning && winning.members.includes(me) && winning.members.includes(e.target)) continue;
    return decision({ type: 'cosign', seat: me, escalation: e.id }, `co-signed against ${name(ctx, e.target)}: together our power share is what makes refusing costly`);
  }
  if (!Number.isFinite(ctx.profile.escalateAfter) || mine.length > 0) return null;
  if (roundsShutOut(ctx) < ctx.profile.escalateAfter) return null;
  // Pressure goes to the seat that can let it in: a veto holder, or the strongest member of the
  // deal that shut it out.
  const shutOutBy = lastWinning(view)?.members.filter((m) => m !== me) ?? [];
  const strongestMember = shutOutBy.sort((a, b) => view.seats[b].power - view.seats[a].power)[0];
  const target = view.seats.find((s) => s.veto && s.seat !== me)?.seat ?? strongestMember ?? strongestSeat(view);
  if (target === me) return null;
  if (ctx.difficulty === 'easy' && ctx.rng.chance(0.5)) return null;
  const share = Math.max(5, fairPercent(ctx, me));
  return decision(
    { type: 'escalate', seat: me, target, demand: { kind: 'share', share }, rationale: `We hold ${share}% of the real power and have been left out.` },
    `went public against ${name(ctx, target)}: shut out for ${roundsShutOut(ctx)} round(s), demanding ${share}% (my power index)`,
  );
}

function concede(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (!ctx.profile.concedes || view.me!.points < 10) return null;
  if (view.concessions.some((c) => c.from === me && c.round === view.round)) return null;
  if (ctx.persona === 'reciprocator') {
    const gift = view.concessions.find((c) => c.to === me && c.round === view.round - 1);
    if (!gift) return null;
    const points = Math.min(gift.points, Math.floor(view.me!.points / 4));
    if (points < 1) return null;
    return decision({ type: 'concede', seat: me, to: gift.from, points, labelled: true, rationale: 'Returning your concession.' }, `returned ${name(ctx, gift.from)}'s concession: reciprocity keeps the coalition together`);
  }
  if (view.round < 2 || view.seats[me].reputation >= 75 || ctx.difficulty === 'easy') return null;
  const deal = view.proposals.find((p) => p.id === view.me!.acceptance);
  if (!deal) return null;
  const partners = deal.members.filter((m) => m !== me).sort((a, b) => myShareIn(deal, a) - myShareIn(deal, b));
  if (partners.length === 0) return null;
  const points = Math.max(1, Math.floor(view.me!.points * 0.05));
  return decision(
    { type: 'concede', seat: me, to: partners[0], points, labelled: true, rationale: 'A small labelled concession: it costs us 5% of our points.' },
    `gave ${name(ctx, partners[0])} a labelled concession of ${points}: it costs me little and shows good faith`,
  );
}

