// What a persona knows when it decides: its view, its profile (with any measuring tweak), the
// thresholds drawn for this game, and what it reads off the table. Built once per decision.
import { deriveRng, Rng } from '../../engine/rng';
import type { Seat, SeatAction } from '../../engine/types';
import type { ProposalView, TableView } from '../../engine/view';
import type { BotDecision } from '../bot';
import { PROFILES, type Difficulty, type PersonaName, type PersonaTweak, type Profile } from './profiles';
import { defectors, goodwill, powerShares, shareWithin, unavailableSeats } from './reading';

export interface Ctx {
  view: TableView;
  me: Seat;
  persona: PersonaName;
  profile: Profile;
  tweak: PersonaTweak;
  difficulty: Difficulty;
  /** This decision's generator. */
  rng: Rng;
  step: number;
  /** Each seat's share of real bargaining power as this persona reads the map. */
  shares: number[];
  /**
   * Thresholds drawn once per game from the seat's own seed (DESIGN 6), so memorising one game's
   * published reasons does not beat the next: multipliers near 1 of the demand, the ask and the
   * point at which a target yields.
   */
  drawn: { demand: number; ask: number; yieldAt: number };
  /** An easy bot misjudges its own worth a little each time it looks. */
  wobble: number;
  unavailable: Set<Seat>;
  defectors: Set<Seat>;
  /** Figures computed once per decision (a decision asks for the same ones many times). */
  memo: Map<string, number | boolean>;
}

/** A figure of this decision, computed on first use. */
export function memo<T extends number | boolean>(ctx: Ctx, key: string, compute: () => T): T {
  const hit = ctx.memo.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  ctx.memo.set(key, value);
  return value;
}

/** How many rounds back each persona remembers a defection: builders forgive soonest. */
const DEFECTION_MEMORY: Record<PersonaName, number> = {
  builder: 1,
  reciprocator: 2,
  opportunist: 1,
  incumbent: 3,
  hardliner: 3,
};

export function makeCtx(
  persona: PersonaName,
  difficulty: Difficulty,
  view: TableView,
  rng: Rng,
  step: number,
  tweak: PersonaTweak,
  seed: number,
): Ctx {
  const base = PROFILES[persona];
  const profile: Profile = {
    ...base,
    packages: tweak.packages ?? base.packages,
    asks: tweak.asks ?? base.asks,
    concedes: tweak.concedes ?? base.concedes,
  };
  const game = new Rng(deriveRng(seed, 'persona-thresholds'));
  const drawn = {
    demand: 0.9 + 0.2 * game.float(),
    ask: 0.95 + 0.1 * game.float(),
    yieldAt: 0.85 + 0.3 * game.float(),
  };
  return {
    view,
    me: view.me!.seat,
    persona,
    profile,
    tweak,
    difficulty,
    rng,
    step,
    shares: powerShares(view, difficulty),
    drawn,
    wobble: difficulty === 'easy' ? 0.8 + 0.4 * rng.float() : 1,
    unavailable: unavailableSeats(view),
    defectors: defectors(view, DEFECTION_MEMORY[persona]),
    memo: new Map(),
  };
}

export const decision = (action: SeatAction, reason: string): BotDecision => ({ action, reason });
export const name = (ctx: Ctx, seat: Seat): string => ctx.view.seats[seat].name;

/** A whole percentage as the screens show it (the power map rounds the same way). */
export function percentOf(x: number): number {
  return Math.round(x * 100);
}

export function myShareIn(p: { members: Seat[]; split: number[] }, seat: Seat): number {
  const i = p.members.indexOf(seat);
  return i < 0 ? 0 : p.split[i];
}

/** Rounds in a row, most recent first, that ended without this seat in a winning deal. */
export function roundsWithoutDeal(view: TableView): number {
  let count = 0;
  for (let i = view.history.length - 1; i >= 0; i--) {
    const h = view.history[i];
    const d = h.deals.find((x) => x.proposalId === h.winning);
    if (d && d.members.includes(view.me!.seat)) break;
    count++;
  }
  return count;
}

/** How fast each persona lowers its demand while it sits outside every deal (per round). */
const PATIENCE: Record<PersonaName, number> = {
  builder: 0.05,
  reciprocator: 0.05,
  opportunist: 0.06,
  incumbent: 0.03,
  hardliner: 0.02,
};

/**
 * What a seat is guessed to get without a deal, per round: this seat knows its own walk-away;
 * another's is read off its declaration (an aspiration, so a little above the truth), or zero.
 */
export function walkAwayGuess(ctx: Ctx, seat: Seat): number {
  if (seat === ctx.me) return ctx.view.me!.walkAway;
  const declared = ctx.view.seats[seat].declared;
  return declared === null ? 0 : (0.85 * declared * ctx.view.scenario.prize) / 100;
}

/** The prize a coalition shares beyond what its members would get anyway (never negative). */
export function coalitionSurplus(ctx: Ctx, members: readonly Seat[]): number {
  let walk = 0;
  for (const m of members) walk += walkAwayGuess(ctx, m);
  return Math.max(0, ctx.view.scenario.prize - walk);
}

/**
 * The least a deal with these members must be worth to this seat per round (prize share, terms,
 * trust): its walk-away plus its power within the coalition's share of the surplus the deal
 * creates, times its temperament's demand, lowered a little for each round it has spent outside
 * any deal (DESIGN 6: splits judged against power within the proposed coalition).
 */
export function required(ctx: Ctx, members: readonly Seat[]): number {
  return memo(ctx, `required:${members.join(',')}`, () => requiredNow(ctx, members));
}

function requiredNow(ctx: Ctx, members: readonly Seat[]): number {
  const { view, me } = ctx;
  const fair = coalitionSurplus(ctx, members) * shareWithin(ctx.shares, members, me);
  const patience = Math.max(0.7, 1 - PATIENCE[ctx.persona] * roundsWithoutDeal(view));
  return view.me!.walkAway + 1 + ctx.profile.demand * ctx.drawn.demand * ctx.wobble * patience * fair;
}

/** Points of goodwill toward `seat` turned into points of a deal this seat will give up for it. */
export function goodwillPoints(ctx: Ctx, seat: Seat): number {
  return memo(ctx, `goodwill:${seat}`, () => goodwill(ctx.view, seat) * 0.6);
}

/** The proposal this seat stands behind, if any. */
export function standing(ctx: Ctx): ProposalView | undefined {
  return ctx.view.proposals.find((p) => p.id === ctx.view.me!.acceptance);
}

/** The expected number of rounds still to play, from what players are told (DESIGN 2). */
export function roundsLeft(view: TableView): number {
  return Math.max(3, view.scenario.expectedRounds - view.round + 1);
}
