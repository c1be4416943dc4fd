// The phase clock: when each phase closes, the timer that closes it, and the host's pause and
// resume. The clock never decides an outcome; closing a phase is an `advance` through the engine.
import type { Clock, Delayed } from '@colyseus/core';
import type { GameState } from '../../shared/engine/types';
import type { ServerContext } from '../context';
import type { TableRecord, WriteOp } from '../store/store';
import type { TableState } from './state';

export interface ClockHost {
  readonly ctx: ServerContext;
  record(): TableRecord;
  game(): GameState;
  state(): TableState;
  clock(): Clock;
  /** Bots always decide before a phase closes. */
  drainBots(): void;
  /**
   * The phase may not close yet although its time ran out (a solo trust game's end waits for the
   * player's guesses): the host holds it and closes it later; true when it did.
   */
  holdEnd(): boolean;
  /** Closes the phase (an `advance`). */
  advance(): void;
  /** Runs whatever can run now (see TableRoom.pump). */
  pump(): void;
  /** Records a write to the store (journal.ts). */
  write(op: WriteOp): void;
}

export class PhaseClock {
  private timer: Delayed | null = null;

  constructor(private host: ClockHost) {}

  /** When a phase that starts now closes, by the table's durations; null when untimed. */
  deadlineOf(state: GameState): number | null {
    const d = this.host.record().settings.durations;
    const seconds =
      state.phase === 'negotiate'
        ? d.negotiate
        : state.phase === 'trust'
          ? d.trust
          : state.phase === 'resolve'
            ? d.resolve
            : state.phase === 'score'
              ? d.score
              : null;
    return seconds === null ? null : this.host.ctx.now() + seconds * 1000;
  }

  /** Arms the timer for the record's deadline (none when untimed or paused). */
  start(): void {
    this.stop();
    const record = this.host.record();
    if (record.deadline === null) return;
    const game = this.host.game();
    const phase = game.phase;
    const round = game.round;
    this.timer = this.host.clock().setTimeout(
      () => {
        this.timer = null;
        const now = this.host.game();
        if (now.phase !== phase || now.round !== round || this.host.record().status !== 'open') return;
        this.host.drainBots();
        const after = this.host.game();
        // Held (a solo trust game's end waits for guesses): the host closes the phase once it may.
        if (!this.host.holdEnd() && after.phase === phase && after.round === round) this.host.advance();
        this.host.pump();
      },
      Math.max(0, record.deadline - this.host.ctx.now()),
    );
  }

  stop(): void {
    this.timer?.clear();
    this.timer = null;
  }

  /** A new phase starts its own clock, so a pause ends with the phase it held. */
  newPhase(): void {
    const state = this.host.state();
    if (state.paused) {
      const record = this.host.record();
      state.paused = false;
      state.remaining = 0;
      record.settings.pausedRemaining = null;
      this.host.write({ op: 'settings', code: record.code, settings: record.settings });
    }
    this.start();
  }

  /**
   * pause / resume: the host freezes the phase clock and later restarts it with the time that was
   * left. Nothing else stops: moves already made stand, and a phase still closes early when every
   * seat is ready. A restart while paused restores the phase untimed until the host resumes.
   * Returns a refusal message, or null when done.
   */
  pause(pause: boolean): string | null {
    const state = this.host.state();
    const record = this.host.record();
    if (pause === state.paused) return pause ? 'The game is already paused.' : 'The game is not paused.';
    if (pause) {
      state.remaining = record.deadline === null ? 0 : Math.max(0, record.deadline - this.host.ctx.now());
      this.stop();
      record.deadline = null;
    } else if (state.remaining > 0) {
      record.deadline = this.host.ctx.now() + state.remaining;
      state.remaining = 0;
    }
    state.paused = pause;
    // The pause is stored with the table, so a restart keeps it (and the time that was left).
    record.settings.pausedRemaining = pause ? state.remaining : null;
    this.host.write({ op: 'settings', code: record.code, settings: record.settings });
    this.host.write({ op: 'deadline', code: record.code, deadline: record.deadline });
    if (!pause) this.start();
    return null;
  }

  /** The facilitator gives the phase more time (paused or running); returns a refusal, or null. */
  extend(ms: number): string | null {
    const state = this.host.state();
    const record = this.host.record();
    if (state.paused) {
      state.remaining += ms;
      record.settings.pausedRemaining = state.remaining;
      this.host.write({ op: 'settings', code: record.code, settings: record.settings });
      return null;
    }
    if (record.deadline === null) return 'This phase has no clock: it ends when everyone is ready.';
    record.deadline += ms;
    this.host.write({ op: 'deadline', code: record.code, deadline: record.deadline });
    this.start();
    return null;
  }

  /** After a restart: a paused phase stays paused; a phase that ran out while down gets a grace. */
  restore(): void {
    const record = this.host.record();
    const state = this.host.state();
    if (typeof record.settings.pausedRemaining === 'number') {
      state.paused = true;
      state.remaining = record.settings.pausedRemaining;
    } else if (record.deadline !== null) {
      const now = this.host.ctx.now();
      // A phase that ran out while the server was down gets a moment for its players to return.
      if (record.deadline <= now) {
        record.deadline = now + this.host.ctx.settings.restoreGraceSeconds * 1000;
        this.host.write({ op: 'deadline', code: record.code, deadline: record.deadline });
      }
      this.start();
    }
  }
}
