// What each client receives: the events of its audience, its seat's view, and its own errors.
// Every message is cut to what its receiver may see (DESIGN 1 "Who sees what") by the engine's
// viewFor and the events' audiences; nothing here decides visibility itself.
import type { Client } from '@colyseus/core';
import type { GameEvent, GameState, Seat } from '../../shared/engine/types';
import { viewFor } from '../../shared/engine/view';
import { hears } from '../../shared/record/audience';
import { SERVER_MESSAGES, type ErrorCode, type ErrorMessage, type EventsMessage, type PracticeView, type ViewMessage } from '../../shared/protocol';
import type { Member } from './seats';

export interface OutboxHost {
  game(): GameState;
  /** What a seat's view message carries about its trust-game practice, if anything. */
  practice(game: GameState, seat: Seat | null): PracticeView | undefined;
  seq(): number;
  listening(): Iterable<Member>;
  closing(): boolean;
}

export class Outbox {
  private viewsQueued = false;

  constructor(private host: OutboxHost) {}

  events(events: readonly GameEvent[]): void {
    if (events.length === 0) return;
    for (const member of this.host.listening()) {
      const seat = member.seat;
      const mine = events.filter((e) => hears(seat, e));
      if (mine.length === 0) continue;
      const message: EventsMessage = { seq: this.host.seq(), events: mine };
      member.client.send(SERVER_MESSAGES.events, message);
    }
  }

  /** Views go out once per burst of actions (a bot's chain of moves is one redraw). */
  queueViews(): void {
    if (this.viewsQueued) return;
    this.viewsQueued = true;
    queueMicrotask(() => {
      this.viewsQueued = false;
      if (this.host.closing()) return;
      const cache = new Map<Seat | null, ViewMessage>();
      const game = this.host.game();
      for (const member of this.host.listening()) {
        let message = cache.get(member.seat);
        if (!message) {
          message = this.message(game, member.seat);
          cache.set(member.seat, message);
        }
        member.client.send(SERVER_MESSAGES.view, message);
      }
    });
  }

  view(client: Client, seat: Seat | null): void {
    const message = this.message(this.host.game(), seat);
    client.send(SERVER_MESSAGES.view, message);
  }
  private message(game: GameState, seat: Seat | null): ViewMessage {
    const practice = this.host.practice(game, seat);
    const view = viewFor(game, seat);
    return practice ? { seq: this.host.seq(), view, practice } : { seq: this.host.seq(), view };
  }

}

export function sendError(client: Client, code: ErrorCode, message: string, type?: string): void {
  const error: ErrorMessage = type === undefined ? { code, message } : { code, message, type: type.slice(0, 40) };
  client.send(SERVER_MESSAGES.error, error);
}
