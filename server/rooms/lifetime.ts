// How long a table lives before its game starts (issue 11, item 7). A table nobody joined within
// a minute of its creation is forgotten (its creator's connection failed); an unstarted table is
// forgotten once nobody has been at it for `unstartedTableSeconds` (an hour by default), counted
// from its creation at the earliest. Forgotten means gone from memory, the store and the lobby,
// so it is not restored at the next start either. A started table is never forgotten: it
// finishes on its phase clock, with stand-ins in the seats of people who left (DESIGN 5).
import type { Clock, Delayed } from '@colyseus/core';
import type { GameState } from '../../shared/engine/types';
import type { ServerContext } from '../context';
import type { TableRecord } from '../store/store';

const UNJOINED_MS = 60_000;

export interface LifetimeHost {
  readonly ctx: ServerContext;
  record(): TableRecord;
  game(): GameState;
  clock(): Clock;
  /** Anyone connected to the table now. */
  present(): boolean;
  /** Closes the room and deletes the table from the store. */
  forget(reason: string): void;
}

export class Lifetime {
  private timer: Delayed | null = null;

  constructor(private host: LifetimeHost) {}

  private get ttl(): number {
    return this.host.ctx.settings.unstartedTableSeconds * 1000;
  }

  created(): void {
    this.arm(this.host.ctx.now() + UNJOINED_MS, 'nobody joined within a minute');
  }

  /** After a restart the people of an unstarted table get a moment to come back, however old it is. */
  restored(): void {
    const now = this.host.ctx.now();
    this.arm(
      Math.max(this.host.record().created + this.ttl, now + this.host.ctx.settings.restoreGraceSeconds * 1000),
      this.idle(),
    );
  }

  /** The last connection left: the table's unstarted hour starts again. */
  emptied(): void {
    this.arm(Math.max(this.host.record().created + this.ttl, this.host.ctx.now() + this.ttl), this.idle());
  }

  stop(): void {
    this.timer?.clear();
    this.timer = null;
  }

  private idle(): string {
    return `never started, and nobody at it for ${this.host.ctx.settings.unstartedTableSeconds} s`;
  }

  private arm(at: number, reason: string): void {
    this.stop();
    if (this.host.game().phase !== 'prepare') return;
    this.timer = this.host.clock().setTimeout(
      () => {
        this.timer = null;
        // Someone is here: the clock starts again when they leave.
        if (this.host.game().phase === 'prepare' && !this.host.present()) this.host.forget(reason);
      },
      Math.max(0, at - this.host.ctx.now()),
    );
  }
}
