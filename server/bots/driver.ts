// When bots act (DESIGN 2, 6): at the start of each phase and whenever an event concerns them.
// One first-in-first-out queue per table, worked one decision at a time: with a human-looking
// delay in play and none in tests, the bots act in the same order either way.
import { botSeed, decideBot, type BotSpec } from '../../shared/bots/bot';
import { concerned } from '../../shared/bots/wake';
import { nextFloat, seedRng } from '../../shared/engine/rng';
import type { GameEvent, GameState, Refusal, Seat, SeatAction } from '../../shared/engine/types';
import { viewFor } from '../../shared/engine/view';
import type { LogEntry } from '../../shared/record/log';

export interface BotHost {
  game(): GameState;
  /** The bot that plays a seat now, or null when a person does. */
  specOf(seat: Seat): BotSpec | null;
  /** Applies a bot's action through the same path as a player's. */
  act(action: SeatAction, reason: string): { ok: true } | { ok: false; refusal: Refusal };
  /** A timer on the room's clock; returns its cancel function. */
  later(ms: number, fn: () => void): () => void;
  /** Called after every bot step (the room checks whether the phase can close). */
  stepped(): void;
  warn(message: string): void;
}

export class BotDriver {
  private queue: Seat[] = [];
  /** Actions each bot seat took in this phase: the `step` of decideBot. */
  private steps = new Map<Seat, number>();
  private cancelTimer: (() => void) | null = null;
  private stopped = false;

  constructor(
    private host: BotHost,
    private delayMs: number,
  ) {}

  /** A new phase: every count starts again. */
  newPhase(): void {
    this.steps.clear();
    this.queue = [];
    this.cancel();
  }

  /** After a restore: the steps each bot already took in the current phase, from the log. */
  restoreSteps(log: readonly LogEntry[]): void {
    this.steps.clear();
    for (let i = log.length - 1; i >= 0 && log[i].action.type !== 'advance'; i--) {
      const e = log[i];
      if (e.by === 'bot' && typeof e.actor === 'number') this.steps.set(e.actor, (this.steps.get(e.actor) ?? 0) + 1);
    }
  }

  /** Queue a seat to think, if a bot plays it and it is not queued already. */
  wake(seat: Seat): void {
    if (this.stopped || this.queue.includes(seat) || this.host.specOf(seat) === null) return;
    this.queue.push(seat);
    this.kick();
  }

  wakeAll(): void {
    for (const s of this.host.game().seats) this.wake(s.seat);
  }

  /** Wakes the bots an accepted action concerns: proposals that include them, questions to them… */
  wakeConcerned(actor: Seat | null, events: readonly GameEvent[]): void {
    const game = this.host.game();
    for (const seat of concerned(game, events)) if (seat !== actor) this.wake(seat);
  }

  /** A person took the seat back: it no longer thinks. */
  forget(seat: Seat): void {
    this.queue = this.queue.filter((s) => s !== seat);
  }

  idle(): boolean {
    return this.queue.length === 0;
  }

  /**
   * Works the whole queue now, without delays: in tests (delay 0), and before a phase closes on
   * its timer, so bots always decide before a phase closes. Bounded: decideBot stops a bot after
   * MAX_BOT_STEPS actions in a phase, and a bot that is done is marked ready once.
   */
  drain(): void {
    this.cancel();
    let guard = 0;
    while (this.queue.length > 0 && guard++ < 1000) this.step();
    if (guard >= 1000) this.host.warn('bot queue did not settle after 1000 steps');
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.cancel();
  }

  private cancel(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private kick(): void {
    if (this.delayMs <= 0 || this.cancelTimer || this.queue.length === 0 || this.stopped) return;
    const game = this.host.game();
    const [f] = nextFloat(
      seedRng(`${game.config.seed}:${this.queue[0]}:${game.round}:${game.phase}:${this.steps.get(this.queue[0]) ?? 0}`),
    );
    this.cancelTimer = this.host.later(Math.round(this.delayMs * (0.5 + f)), () => {
      this.cancelTimer = null;
      this.step();
      this.host.stepped();
      this.kick();
    });
  }

  /** One decision of the bot at the head of the queue. */
  private step(): void {
    const seat = this.queue.shift();
    if (seat === undefined) return;
    const spec = this.host.specOf(seat);
    const game = this.host.game();
    if (spec === null || game.phase === 'end') return;
    const step = this.steps.get(seat) ?? 0;
    const decision = decideBot(spec, viewFor(game, seat), botSeed(game.config.seed, seat), step);
    if (decision) {
      const result = this.host.act(decision.action, decision.reason);
      if (result.ok) {
        this.steps.set(seat, step + 1);
        this.queue.push(seat);
        return;
      }
      this.host.warn(
        `bot at seat ${seat} was refused (${result.refusal.code}: ${result.refusal.message}) for ${JSON.stringify(decision.action)}`,
      );
    }
    if (!this.host.game().seats[seat].ready) {
      const result = this.host.act(
        { type: 'ready', seat },
        decision ? 'ready: my last move was refused' : 'ready: nothing more to do this phase',
      );
      if (result.ok) this.steps.set(seat, step + 1);
    }
  }
}
