// Negotiation personas (DESIGN.md section 6): pure policies over a seat's view. Each call returns
// the persona's next action in the negotiate or prepare phase with a one-line reason, or null
// when it has nothing more to do. The order of the checks is the persona's priorities; how it
// makes and answers proposals lives in deals.ts, how it weighs pressure and gifts in pressure.ts.
import type { Rng } from '../../engine/rng';
import type { TableView } from '../../engine/view';
import type { BotDecision } from '../bot';
import { decision, makeCtx, name, standing, type Ctx } from './context';
import { acceptBest, counterBest, improvePackage, proposeOwn, rejectBad } from './deals';
import { concede, escalate, respondToDemands, rewardGiver } from './pressure';
import type { Difficulty, PersonaName, PersonaTweak } from './profiles';

export {
  PERSONA_NAMES,
  DIFFICULTIES,
  PROFILES,
  personaStrategy,
  type PersonaName,
  type Difficulty,
  type PersonaTweak,
} from './profiles';

/**
 * The persona's next action, or null when it is done for this phase. `seed` is the seat's own
 * (botSeed): the persona draws its thresholds for the whole game from it.
 */
export function decidePersona(
  persona: PersonaName,
  difficulty: Difficulty,
  view: TableView,
  rng: Rng,
  step: number,
  tweak: PersonaTweak = {},
  seed = 0,
): BotDecision | null {
  const ctx = makeCtx(persona, difficulty, view, rng, step, tweak, seed);
  if (view.phase === 'prepare') return declareWalkAway(ctx);
  if (view.phase !== 'negotiate') return null;
  return (
    answerQuestions(ctx) ??
    (view.round === 1 && step === 0 ? askQuestions(ctx) : null) ??
    respondToDemands(ctx) ??
    rewardGiver(ctx) ??
    acceptBest(ctx) ??
    counterBest(ctx) ??
    proposeOwn(ctx) ??
    improvePackage(ctx) ??
    escalate(ctx) ??
    concede(ctx) ??
    rejectBad(ctx) ??
    askQuestions(ctx)
  );
}

/**
 * Every persona states a public minimum share in prepare [clarity on your walk-away point]:
 * its walk-away as a share of the prize, plus the margin its temperament asks for. It is an
 * aspiration that proposers read, not the floor the persona settles for: it judges a split
 * against its power within the coalition (DESIGN 6).
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
    return decision(
      { type: 'answer', seat: ctx.me, ask: q.id },
      `answered ${name(ctx, q.from)}: sharing interests builds trust and costs me little`,
    );
  }
  return decision(
    { type: 'decline', seat: ctx.me, ask: q.id },
    `declined ${name(ctx, q.from)}: I keep my priorities to myself`,
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
  const partners = standing(ctx)?.members ?? [];
  const pool = view.round <= 2 ? [...partners, ...view.seats.map((s) => s.seat)] : partners;
  const target = pool.find((s) => s !== me && !asked.has(s) && !ctx.unavailable.has(s));
  if (target === undefined) return null;
  return decision(
    { type: 'ask', seat: me, target },
    `asked ${name(ctx, target)} what matters most: a package needs their priorities`,
  );
}
