// A bot seat: a pure policy over its seat's view (DESIGN.md section 6). It keeps no memory of
// its own: everything it knows comes from the view, and its randomness is drawn from a generator
// seeded by (game seed, seat, round, phase, step), so a restored table's bots decide exactly
// as they would have, and a replay needs no bot code at all (decisions are in the log).
import { deriveRng, Rng } from '../engine/rng';
import type { Seat, SeatAction, TrustMove } from '../engine/types';
import type { TableView } from '../engine/view';
import {
  decidePersona,
  PERSONA_NAMES,
  DIFFICULTIES,
  personaStrategy,
  type Difficulty,
  type PersonaName,
  type PersonaTweak,
} from './personas';
import { isStrategyName, STRATEGIES, type StrategyName } from './strategies';
import { decideStudent, type StudentName } from '../students';

export type BotSpec =
  | { kind: 'persona'; persona: PersonaName; difficulty: Difficulty; tweak?: PersonaTweak }
  | { kind: 'strategy'; strategy: StrategyName }
  /** A scripted student (shared/students): measured by the claims, never offered to a table. */
  | { kind: 'student'; student: StudentName };

export interface BotDecision {
  action: SeatAction;
  /** One line a person can audit in the debrief: "rejected: 12% is below my power index of 21%". */
  reason: string;
}

/** The most actions a bot takes in one phase, so a bot can never stall a table. */
export const MAX_BOT_STEPS = 12;

export function isBotSpec(x: unknown): x is BotSpec {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  if (s.kind === 'strategy') return isStrategyName(s.strategy);
  // Scripted students are for measurement (claims, tests, benchmarks), not for a table's seats.
  if (s.kind === 'student') return false;
  if (s.kind === 'persona')
    // A tweaked persona is a measuring instrument, not an opponent.
    return (
      s.tweak === undefined &&
      (PERSONA_NAMES as readonly unknown[]).includes(s.persona) &&
      (DIFFICULTIES as readonly unknown[]).includes(s.difficulty)
    );
  return false;
}

/** A short label for a bot: "builder (hard)", "tit-for-tat". */
export function botLabel(spec: BotSpec): string {
  return spec.kind === 'persona'
    ? `${spec.persona} (${spec.difficulty})`
    : spec.kind === 'student'
      ? `student: ${spec.student}`
      : spec.strategy;
}

/**
 * A bot seat's own seed, derived from (game seed, seat). Bots get this, never the game seed,
 * from which the hidden number of rounds could be recomputed (DESIGN 2, 6).
 */
export function botSeed(gameSeed: number, seat: Seat): number {
  return deriveRng(gameSeed, `seat:${seat}`);
}

/** The generator a bot uses for one decision. */
export function botRng(seed: number, seat: Seat, round: number, phase: string, step: number): Rng {
  return new Rng(deriveRng(seed, `bot:${seat}:${round}:${phase}:${step}`));
}

/** One pairing's history from the public record, as the seat saw it. */
export function trustHistory(view: TableView, partner: Seat): { own: TrustMove[]; partner: TrustMove[] } {
  const me = view.me!.seat;
  const own: TrustMove[] = [];
  const theirs: TrustMove[] = [];
  for (const round of view.history) {
    for (const p of round.trust) {
      if (p.a === me && p.b === partner) {
        own.push(p.moveA);
        theirs.push(p.moveB);
      } else if (p.b === me && p.a === partner) {
        own.push(p.moveB);
        theirs.push(p.moveA);
      }
    }
  }
  return { own, partner: theirs };
}

/** The trust move toward the first partner still waiting for one, by the bot's strategy. */
function decideTrust(view: TableView, strategy: StrategyName, rng: Rng): BotDecision | null {
  const me = view.me!.seat;
  const slot = view.trust.find((t) => t.move === null);
  if (!slot) return null;
  const d = STRATEGIES[strategy](trustHistory(view, slot.partner), rng, view.scenario.trust.payoffs);
  return {
    action: { type: 'trust', seat: me, partner: slot.partner, move: d.move },
    reason: `${view.seats[slot.partner].name}: ${d.reason}`,
  };
}

/**
 * The bot's next action in the current phase, or null when it has nothing more to do (the
 * driver then marks it ready). `step` counts the actions it already took this phase.
 */
export function decideBot(spec: BotSpec, view: TableView, seed: number, step: number): BotDecision | null {
  // `seed` is the seat's own: botSeed(game seed, seat).
  if (view.me === null || view.phase === 'end' || step >= MAX_BOT_STEPS) return null;
  const rng = botRng(seed, view.me.seat, view.round, view.phase, step);
  if (spec.kind === 'student') return decideStudent(spec.student, view, rng, step, seed);
  if (view.phase === 'trust') {
    const strategy = spec.kind === 'strategy' ? spec.strategy : personaStrategy(spec.persona);
    return decideTrust(view, strategy, rng);
  }
  if (spec.kind === 'strategy' || view.mode === 'trust') return null;
  return decidePersona(spec.persona, spec.difficulty, view, rng, step, spec.tweak, seed);
}
