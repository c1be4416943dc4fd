// How a persona makes and answers proposals: which coalition, which split, which terms, and when
// a proposal on the table is good enough to stand behind. Splits are judged against the seat's
// power within the proposed coalition (DESIGN 6), so a grabber cannot keep the power index of
// the seats it left out, and a declared walk-away is an aspiration, not a floor to be paid to.
import { isWinningSet } from '../../engine/rules';
import type { Seat, Terms } from '../../engine/types';
import type { ProposalView, TableView } from '../../engine/view';
import type { BotDecision } from '../bot';
import {
  coalitionSurplus,
  decision,
  goodwillPoints,
  memo,
  myShareIn,
  name,
  percentOf,
  required,
  standing,
  walkAwayGuess,
  type Ctx,
} from './context';
import {
  knownInterests,
  minimalWinningWith,
  myBestTerms,
  myTermsValue,
  proposalValue,
  shareWithin,
  toPercentages,
  trustRecord,
  wins,
} from './reading';

/** The most times a bot moves its acceptance in one phase (issue 9: bots that churn). */
export const MAX_SWITCH_STEP = 5;
/** After this many actions in a phase a bot stops making new offers and only answers them. */
const MAX_OFFER_STEP = 6;

/**
 * Seats that pushed back on this seat's offers this round: they rejected or countered one of its
 * proposals. A proposer looks for coalitions without them before offering them more.
 */
export function pushedBack(view: TableView): Set<Seat> {
  const me = view.me!.seat;
  const mine = new Set(view.proposals.filter((p) => p.proposer === me).map((p) => p.id));
  const out = new Set<Seat>();
  for (const p of view.proposals) {
    if (p.proposer === me) for (const r of p.rejections) out.add(r.seat);
    if (p.proposer !== me && p.counterTo !== null && (mine.has(p.counterTo) || p.round === view.round)) {
      const countered = view.proposals.find((q) => q.id === p.counterTo);
      if (!countered || countered.proposer === me) out.add(p.proposer);
    }
  }
  return out;
}

/**
 * A proposal that will not form: a member rejected it and does not stand behind it, or it needs a
 * seat that never accepts, or one this seat will not deal with after a defection.
 */
export function dead(ctx: Ctx, p: ProposalView): boolean {
  if (p.rejections.some((r) => !p.acceptedBy.includes(r.seat))) return true;
  return p.members.some(
    (m) => ctx.unavailable.has(m) || (m !== ctx.me && ctx.defectors.has(m) && !ctx.view.seats[m].veto),
  );
}

/** The share of the prize this seat needs from a proposal with these members and terms. */
export function neededShare(ctx: Ctx, p: { members: Seat[]; split: number[]; terms: Terms }): number {
  const mine = p.members.indexOf(ctx.me);
  const without = proposalValue(ctx.view, {
    members: p.members,
    split: p.split.map((x, i) => (i === mine ? 0 : x)),
    terms: p.terms,
  });
  return Math.max(0, Math.ceil((100 * (required(ctx, p.members) - without)) / ctx.view.scenario.prize));
}

/** The demand this seat stands behind against anyone, met by this proposal. */
function meetsMyDemand(ctx: Ctx, p: ProposalView): boolean {
  const share = myShareIn(p, ctx.me);
  return ctx.view.escalations.some(
    (e) =>
      e.escalator === ctx.me && e.demand.kind === 'share' && share >= e.demand.share && p.members.includes(e.target),
  );
}

/** What this seat would accept: a winning deal that pays its share of the coalition's power, or meets its demand. */
export function acceptable(ctx: Ctx, p: ProposalView): boolean {
  return memo(ctx, `acceptable:${p.id}`, () => acceptableNow(ctx, p));
}

function acceptableNow(ctx: Ctx, p: ProposalView): boolean {
  const { view, me } = ctx;
  const declared = view.seats[me].declared;
  // Accepting below its own declaration would cost it reputation.
  if (declared !== null && myShareIn(p, me) < declared) return false;
  if (p.members.some((m) => m !== me && ctx.defectors.has(m) && !view.seats[m].veto)) return false;
  if (ctx.persona === 'reciprocator') {
    const r = trustRecord(view, p.proposer);
    if (r.defected > r.honoured) return false;
  }
  if (meetsMyDemand(ctx, p)) return true;
  const need = required(ctx, p.members);
  // The last seat a deal waits for weighs it against nothing at all this round: a flexible
  // temperament settles for part of what it asked above its walk-away; a stonewaller does not.
  const last = p.members.every((m) => m === me || p.acceptedBy.includes(m));
  const bar = last ? view.me!.walkAway + HOLDOUT[ctx.persona] * (need - view.me!.walkAway) : need;
  return proposalValue(view, p) + goodwillPoints(ctx, p.proposer) >= bar;
}

/** How much of its asking a persona still insists on when it alone stands between the table and a deal. */
const HOLDOUT: Record<string, number> = {
  builder: 0.45,
  reciprocator: 0.55,
  opportunist: 0.65,
  incumbent: 0.85,
  hardliner: 0.95,
};

/**
 * How close a proposal is to forming if this seat stands behind it: the share of its members
 * who would then accept it. Every bot ranks by this public measure (then by value and the
 * earlier proposal), so a table of bots converges on one deal instead of splitting.
 */
export function closeness(ctx: Ctx, p: ProposalView): number {
  return memo(ctx, `closeness:${p.id}`, () => closenessNow(ctx, p));
}

function closenessNow(ctx: Ctx, p: ProposalView): number {
  const { view, me } = ctx;
  if (dead(ctx, p)) return -1;
  // A member whose own proposal has won support from others has moved on: this one will not
  // form. (A member merely standing behind an offer nobody else backs can still be won over.)
  if (
    p.members.some(
      (m) =>
        m !== me &&
        m !== p.proposer &&
        view.proposals.some(
          (q) => q.proposer === m && q.id !== p.id && q.acceptedBy.includes(m) && q.acceptedBy.length >= 2,
        ),
    )
  )
    return -0.5;
  return (p.acceptedBy.length + (p.acceptedBy.includes(me) ? 0 : 1)) / p.members.length;
}

export function acceptBest(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const current = standing(ctx);
  // After a few moves in a phase a seat that stands behind something stays there (issue 9: churn).
  if (current && ctx.step >= MAX_SWITCH_STEP) return null;
  const value = (p: ProposalView) => proposalValue(view, p) + goodwillPoints(ctx, p.proposer);
  // Its own open offer counts too: a seat that moved to another may come back to it.
  const candidates = view.proposals.filter(
    (p) =>
      p.members.includes(me) &&
      p.id !== view.me!.acceptance &&
      wins(view, p.members) &&
      closeness(ctx, p) >= 0 &&
      (p.proposer === me || acceptable(ctx, p)),
  );
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => closeness(ctx, b) - closeness(ctx, a) || value(b) - value(a) || a.id - b.id);
  const best = candidates[0];
  const currentLive =
    current &&
    wins(view, current.members) &&
    closeness(ctx, current) >= 0 &&
    (current.proposer === me || acceptable(ctx, current));
  if (currentLive) {
    // Move only for a clearly better deal that is at least as close to forming, and only a few
    // times a phase, so acceptances settle instead of churning.
    if (ctx.step >= MAX_SWITCH_STEP) return null;
    const margin = view.scenario.prize * (ctx.profile.switches ? 0.03 : 0.06);
    // The same deal on the same terms, enlarged (say, to meet a demand), with no less for this
    // seat, is taken at once: it costs nothing and settles a conflict.
    const enlarged = (p: ProposalView) =>
      JSON.stringify(p.terms) === JSON.stringify(current.terms) &&
      current.members.every((m) => p.members.includes(m)) &&
      myShareIn(p, me) >= myShareIn(current, me);
    const better = candidates.find((p) => p.id !== current.id && enlarged(p));
    if (better)
      return decision(
        { type: 'accept', seat: me, proposal: better.id },
        `accepted ${name(ctx, better.proposer)}'s proposal: our deal on the same terms, enlarged, with the same ${myShareIn(better, me)}% for me`,
      );
    if (value(best) < value(current) + margin || closeness(ctx, best) < closeness(ctx, current)) return null;
  }
  const share = myShareIn(best, me);
  const worth = Math.round(proposalValue(view, best));
  return decision(
    { type: 'accept', seat: me, proposal: best.id },
    meetsMyDemand(ctx, best)
      ? `accepted ${name(ctx, best.proposer)}'s proposal: it meets my demand with ${share}%`
      : `accepted ${name(ctx, best.proposer)}'s proposal: ${share}% and its terms are worth about ${worth} a round to me, above the ${Math.round(required(ctx, best.members))} I need`,
  );
}

/**
 * A counter-offer to a winning proposal this seat cannot accept (DESIGN 2.1: counter): the same
 * coalition with the smallest change that would win this seat: first its own share raised to
 * what it needs (paid by the proposer); only if the proposer cannot pay that, the one issue that
 * costs it most set to its preferred option as well. Negotiation moves toward a deal instead of
 * ending at "no". Each proposal is countered once, and never a counter of this seat's own offer.
 */
function counter(ctx: Ctx, p: ProposalView): BotDecision | null {
  const { view, me } = ctx;
  if (ctx.difficulty === 'easy' || ctx.step >= MAX_OFFER_STEP || !wins(view, p.members) || dead(ctx, p)) return null;
  if (p.counterTo !== null && view.proposals.find((q) => q.id === p.counterTo)?.proposer === me) return null;
  if (view.proposals.some((q) => q.proposer === me && q.counterTo === p.id)) return null;
  const mine = p.members.indexOf(me);
  const from = p.members.indexOf(p.proposer);
  const attempt = (terms: Terms): number[] | null => {
    const split = p.split.slice();
    const raise = Math.max(0, neededShare(ctx, { members: p.members, split, terms }) - split[mine]);
    if (raise > split[from]) return null;
    split[mine] += raise;
    split[from] -= raise;
    return split;
  };
  // The issue that costs this seat most under these terms, set to its preferred option.
  const values = view.me!.role.values;
  let worst: { issue: string; gain: number; option: string } | null = null;
  for (const issue of view.scenario.issues) {
    const best = issue.options.map((o) => o.id).reduce((x, y) => (values[issue.id][y] > values[issue.id][x] ? y : x));
    const gain = values[issue.id][best] - values[issue.id][p.terms[issue.id]];
    if (gain > 0 && (!worst || gain > worst.gain)) worst = { issue: issue.id, gain, option: best };
  }
  const shareOnly = attempt(p.terms);
  const withFlip = worst && !ctx.tweak.moneyOnly ? attempt({ ...p.terms, [worst.issue]: worst.option }) : null;
  // Ask for the term when it saves more than a twentieth of the prize over asking for money alone.
  const preferFlip = withFlip !== null && (shareOnly === null || withFlip[mine] + 5 < shareOnly[mine]);
  const split = preferFlip ? withFlip : shareOnly;
  if (!split) return null;
  const flipped = preferFlip ? worst : null;
  const terms = flipped ? { ...p.terms, [flipped.issue]: flipped.option } : { ...p.terms };
  if (!flipped && split[mine] === p.split[mine]) return null;
  const change = [
    split[mine] !== p.split[mine] ? `${split[mine]}% for us` : '',
    flipped ? optionName(view, flipped.issue, flipped.option) : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return decision(
    {
      type: 'propose',
      seat: me,
      members: p.members,
      split,
      terms,
      counterTo: p.id,
      rationale: `The same coalition with ${change}: that is what we need to join.`,
      visibility: 'public',
    },
    `countered ${name(ctx, p.proposer)}'s proposal: I need about ${Math.round(required(ctx, p.members))} a round from it; asked for ${change}`,
  );
}

/** Counters the offer closest to forming that includes this seat and that it cannot accept. */
export function counterBest(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  const current = standing(ctx);
  // Behind a live offer, its own or another's, a seat waits for answers rather than countering.
  if (current && wins(view, current.members) && closeness(ctx, current) >= 0) return null;
  const open = view.proposals
    .filter(
      (p) =>
        p.proposer !== me &&
        p.members.includes(me) &&
        p.id !== view.me!.acceptance &&
        !acceptable(ctx, p) &&
        closeness(ctx, p) >= 0,
    )
    .sort((a, b) => closeness(ctx, b) - closeness(ctx, a) || a.id - b.id);
  for (const p of open) {
    const c = counter(ctx, p);
    if (c) return c;
  }
  return null;
}

function optionName(view: TableView, issue: string, option: string): string {
  const i = view.scenario.issues.find((x) => x.id === issue);
  return i?.options.find((o) => o.id === option)?.name ?? option;
}

export function rejectBad(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  // A "no" is said where it matters: to an offer that would form with this seat's acceptance,
  // so its proposer knows to look elsewhere; other offers are simply left alone.
  const p = view.proposals.find(
    (x) =>
      x.proposer !== me &&
      x.members.includes(me) &&
      x.id !== view.me!.acceptance &&
      !x.rejections.some((r) => r.seat === me) &&
      x.acceptedBy.length >= x.members.length - 2 &&
      !acceptable(ctx, x),
  );
  if (!p) return null;
  const share = myShareIn(p, me);
  const declared = view.seats[me].declared;
  const need = neededShare(ctx, p);
  const defector = p.members.find((m) => m !== me && ctx.defectors.has(m) && !view.seats[m].veto);
  const reason =
    declared !== null && share < declared
      ? `${share}% is below the ${declared}% I declared`
      : defector !== undefined
        ? `${name(ctx, defector)} defected on a partner who honoured it`
        : need <= 100
          ? `${share}% is below the ${need}% I need with these terms: my walk-away plus my power's share of what this coalition adds`
          : `worth about ${Math.round(proposalValue(view, p))} a round to me, less than the ${Math.round(required(ctx, p.members))} I need`;
  return decision({ type: 'reject', seat: me, proposal: p.id, reason }, `rejected: ${reason}`);
}

export interface Constraint {
  /** Seats that must be in the coalition with at least these shares. */
  members?: { seat: Seat; share: number }[];
  terms?: { issue: string; option: string }[];
  /** A standing deal to build on: its members stay and its package is kept. */
  keep?: { members: Seat[]; terms: Terms };
}

/** Minimal winning coalitions with this seat, without seats that never accept or that defect, where possible. */
function coalitionOptions(ctx: Ctx): Seat[][] {
  let options = minimalWinningWith(ctx.view, ctx.me);
  const avoid = (bad: Set<Seat>) => {
    const kept = options.filter((c) => c.every((s) => !bad.has(s) || ctx.view.seats[s].veto));
    if (kept.length > 0) options = kept;
  };
  avoid(ctx.unavailable);
  avoid(ctx.defectors);
  return options;
}

export function chooseCoalition(ctx: Ctx, constraint: Constraint): Seat[] | null {
  const { view, me, shares } = ctx;
  const must = (constraint.members ?? []).map((m) => m.seat);
  if (constraint.keep) return [...new Set([...constraint.keep.members, ...must, me])].sort((a, b) => a - b);
  let options = coalitionOptions(ctx);
  if (must.length > 0) {
    const withMust = options.filter((c) => must.every((m) => c.includes(m)));
    options = withMust.length > 0 ? withMust : options.map((c) => [...new Set([...c, ...must])].sort((a, b) => a - b));
  }
  if (options.length === 0) return null;
  // Seats standing behind someone else's proposal, or that rejected mine, are harder to win over;
  // a seat that gave this one a concession is easier to work with [reciprocity].
  const resisting = pushedBack(view);
  const committed = (s: Seat) => view.proposals.some((p) => p.proposer !== me && p.acceptedBy.includes(s));
  const price = (s: Seat) =>
    memo(
      ctx,
      `price:${s}`,
      () =>
        Math.max(shares[s], (view.seats[s].declared ?? 0) / 100) +
        (committed(s) ? 0.1 : 0) +
        (resisting.has(s) ? 0.3 : 0) -
        goodwillPoints(ctx, s) / view.scenario.prize,
    );
  const cost = (c: Seat[]) => c.reduce((sum, s) => (s === me ? sum : sum + price(s)), 0);
  if (ctx.difficulty === 'easy') return ctx.rng.pick(options);
  if (ctx.profile.coalition === 'trusted') {
    const trusted = options.filter((c) =>
      c.every((s) => s === me || trustRecord(view, s).defected <= trustRecord(view, s).honoured),
    );
    if (trusted.length > 0) options = trusted;
  }
  if (ctx.profile.coalition === 'broad') {
    // Broad coalitions: the largest minimal winning one, then one more ally with a good name.
    options.sort((a, b) => b.length - a.length || cost(a) - cost(b));
    const base = options[0];
    const outsiders = view.seats
      .filter((s) => !base.includes(s.seat) && !ctx.unavailable.has(s.seat) && !ctx.defectors.has(s.seat))
      .sort((a, b) => b.reputation - a.reputation);
    if (ctx.difficulty === 'hard' && outsiders.length > 0 && outsiders[0].reputation >= 45)
      return [...base, outsiders[0].seat].sort((a, b) => a - b);
    return base;
  }
  options.sort((a, b) => cost(a) - cost(b) || a.length - b.length);
  return options[0];
}

/** A package: for each issue the option worth most to me plus what members said they care about. */
export function chooseTerms(ctx: Ctx, members: Seat[], constraint: Constraint): Terms {
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

export function buildProposal(
  ctx: Ctx,
  constraint: Constraint,
): { members: Seat[]; split: number[]; terms: Terms } | null {
  const members = chooseCoalition(ctx, constraint);
  if (!members) return null;
  const { view, me, shares } = ctx;
  // Each member gets what it would have anyway plus its power within the coalition's share of
  // the surplus; the proposer asks its temperament's premium on its own part, and partners who
  // gave it a concession get a little of it back [reciprocity].
  const surplus = coalitionSurplus(ctx, members);
  const weights = members.map((s) => {
    const part = surplus * shareWithin(shares, members, s);
    return s === me
      ? walkAwayGuess(ctx, s) + part * ctx.profile.ask * ctx.drawn.ask + 0.01
      : walkAwayGuess(ctx, s) + part + 0.01 + goodwillPoints(ctx, s);
  });
  const split = toPercentages(weights);
  const mine = members.indexOf(me);
  // Partners get at least what they declared or demanded; the proposer pays for it.
  const floors = members.map((s) =>
    Math.max(s === me ? 0 : (view.seats[s].declared ?? 0), constraint.members?.find((m) => m.seat === s)?.share ?? 0),
  );
  for (let i = 0; i < members.length; i++) {
    if (i === mine) continue;
    const gap = Math.max(0, floors[i] - split[i]);
    split[i] += gap;
    split[mine] -= gap;
  }
  if (split[mine] < 0) return null;
  const terms = chooseTerms(ctx, members, constraint);
  // Never below one's own declaration; below one's own need only to meet a demand.
  if (split[mine] < (view.seats[me].declared ?? 0)) return null;
  const meetingDemands = !!constraint.members?.length || !!constraint.keep;
  if (!meetingDemands && split[mine] < neededShare(ctx, { members, split, terms })) return null;
  return { members, split, terms };
}

export function sameProposal(
  p: ProposalView | undefined,
  q: { members: Seat[]; split: number[]; terms: Terms },
): boolean {
  if (!p) return false;
  return sameList(p.members, q.members) && sameList(p.split, q.split) && sameTerms(p.terms, q.terms);
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Same issues in the same order with the same options (what comparing their JSON tested). */
function sameTerms(a: Terms, b: Terms): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return sameList(ka, kb) && ka.every((k) => a[k] === b[k]);
}

/** The rationale a proposal carries, true of the coalition it names. */
function rationaleFor(ctx: Ctx, members: Seat[]): string {
  const { view } = ctx;
  const minimal = members.every(
    (s) =>
      !isWinningSet(
        view.scenario,
        members.filter((x) => x !== s),
      ),
  );
  if (ctx.profile.coalition === 'cheapest' && minimal)
    return `A minimal winning coalition: it reaches the quota of ${view.scenario.quota}, and losing any member would sink it.`;
  return 'Shares follow real bargaining power within this coalition (the power index), not just weight.';
}

export function proposeOwn(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (ctx.step >= MAX_OFFER_STEP) return null;
  const own = view.proposals.find((p) => p.proposer === me);
  const current = standing(ctx);
  // Standing behind a live proposal of someone else's: nothing to propose.
  if (current && current.proposer !== me && wins(view, current.members) && closeness(ctx, current) >= 0) return null;
  if (own && current === own && !dead(ctx, own)) return null;
  // Members who rejected my last offer are offered a little more this time.
  const raises = (own?.rejections ?? []).map((r) => ({ seat: r.seat, share: myShareIn(own!, r.seat) + 5 }));
  const built = buildProposal(ctx, { members: raises.filter((r) => r.share < 60 && !ctx.unavailable.has(r.seat)) });
  if (!built || sameProposal(own, built)) return null;
  const others = built.members.filter((m) => m !== me);
  return decision(
    {
      type: 'propose',
      seat: me,
      members: built.members,
      split: built.split,
      terms: built.terms,
      rationale: rationaleFor(ctx, built.members),
      visibility: 'public',
    },
    `proposed a coalition with ${others.map((s) => name(ctx, s)).join(', ')}: it reaches the quota and gives me ${myShareIn(built, me)}% (my share of its power is ${percentOf(shareWithin(ctx.shares, built.members, me))}%)`,
  );
}

/**
 * A package builder, once its coalition stands and it has learned what its partners care
 * about, offers the same coalition and split with terms that are worth more to them and no
 * less to itself [ask what matters most to them].
 */
export function improvePackage(ctx: Ctx): BotDecision | null {
  const { view, me } = ctx;
  if (!ctx.profile.packages || ctx.difficulty === 'easy') return null;
  // Only the proposer revises a standing deal: its new proposal replaces the old one, so the
  // coalition never has two versions of itself to split between.
  const current = standing(ctx);
  if (!current || current.proposer !== me || current.acceptedBy.length !== current.members.length) return null;
  if (current.round === view.round) return null;
  const known = knownInterests(view);
  if (!current.members.some((m) => m !== me && known.has(m))) return null;
  const terms = chooseTerms(ctx, current.members, {});
  if (JSON.stringify(terms) === JSON.stringify(current.terms)) return null;
  // A small cost to itself is worth a package its partners value much more.
  if (myTermsValue(view, terms) < myTermsValue(view, current.terms) - 6) return null;
  return decision(
    {
      type: 'propose',
      seat: me,
      members: current.members,
      split: current.split,
      terms,
      counterTo: current.id,
      rationale: 'Same coalition and split, a package that gives each of us more of what we care about.',
      visibility: 'public',
    },
    'offered our coalition a better package: the answers I got show terms that cost me little and are worth more to my partners',
  );
}

export function lastWinning(view: TableView): { members: Seat[]; split: number[] } | null {
  for (let i = view.history.length - 1; i >= 0; i--) {
    const h = view.history[i];
    const d = h.deals.find((x) => x.proposalId === h.winning);
    if (d) return d;
  }
  return null;
}
