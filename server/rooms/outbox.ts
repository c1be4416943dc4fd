// What each client receives: the events of its audience, its seat's view, and its own errors.
// Every message is cut to what its receiver may see (DESIGN 1 "Who sees what") by the engine's
// viewFor and the events' audiences; nothing here decides visibility itself.
//
// A client gets a view only when what it can see changed, and a view's `seq` counts the changes
// of that seat's (or the spectators') view, not the log: otherwise every private chat or
// members-only proposal would reach every other client as a fresh view with a higher number,
// telling them when private moves happen and how many there were (issue 11, item 8).
//
// Nothing goes out before the writes behind it are durable (journal.ts): each message waits in
// the host's `after`, carrying the game as it was when the message was made, never a newer one.
import type { Client } from '@colyseus/core';
import type { GameEvent, GameState, Seat } from '../../shared/engine/types';
import { viewFor, type TableView } from '../../shared/engine/view';
import { hears } from '../../shared/record/audience';
import {
  SERVER_MESSAGES,
  type ErrorCode,
  type ErrorMessage,
  type EventsMessage,
  type PracticeView,
  type ViewMessage,
  type ViewPatchMessage,
} from '../../shared/protocol';
import { diffView } from '../../shared/view-patch';
import type { Member } from './seats';

export interface OutboxHost {
  game(): GameState;
  /** What a seat's view message carries about its trust-game practice, if anything. */
  practice(game: GameState, seat: Seat | null): PracticeView | undefined;
  listening(): Iterable<Member>;
  closing(): boolean;
  /** Runs `fn` once every write recorded so far is durable (Journal.after). */
  after(fn: () => void): void;
  /** Projects the public schema state from this game (project.ts). */
  project(game: GameState): void;
}

/** The latest view of one seat (or of the spectators), how many times it has changed, and the last change. */
interface Shown {
  version: number;
  view: TableView;
  /** The seat's practice as JSON ('' when it has none), to see whether it changed. */
  practice: string;
  /** The whole view, encoded when a connection needs it. */
  full: ViewMessage;
  /** From version - 1 to this one; null for the first. */
  patch: ViewPatchMessage | null;
}

/** The TCP socket under a Colyseus WebSocket client (ws keeps it as `_socket`). */
type Corkable = { _socket?: { cork(): void; uncork(): void } };

export class Outbox {
  private viewsQueued = false;
  /** While a batch of writes is released: sockets written to, corked until the release ends. */
  private corked: Set<Corkable['_socket'] & object> | null = null;
  private shown = new Map<Seat | null, Shown>();

  constructor(private host: OutboxHost) {}

  events(events: readonly GameEvent[]): void {
    if (events.length === 0) return;
    this.host.after(() => this.sendEvents(events));
  }

  private sendEvents(events: readonly GameEvent[]): void {
    for (const member of this.host.listening()) {
      const seat = member.seat;
      const mine = events.filter((e) => hears(seat, e));
      if (mine.length === 0) continue;
      const message: EventsMessage = { events: mine };
      this.out(member.client, SERVER_MESSAGES.events, message);
    }
  }

  /**
   * The public state and the views go out once per burst of actions (a bot's chain of moves is
   * one redraw), the views only to the clients whose view changed.
   */
  publish(): void {
    if (this.viewsQueued) return;
    this.viewsQueued = true;
    queueMicrotask(() => {
      this.viewsQueued = false;
      // Every write of this burst is recorded by now: the game as it stands is what they make durable.
      const game = this.host.game();
      this.host.after(() => {
        this.host.project(game);
        if (this.host.closing()) return;
        const fresh = new Map<Seat | null, Shown>();
        for (const member of this.host.listening()) {
          let shown = fresh.get(member.seat);
          if (!shown) {
            shown = this.current(member.seat, game);
            fresh.set(member.seat, shown);
          }
          this.sendView(member, shown);
        }
      });
    });
  }

  /** The whole current view, to a member that just joined or came back. */
  view(member: Member): void {
    const game = this.host.game();
    this.host.after(() => this.sendView(member, this.current(member.seat, game)));
  }

  /** A message of the room's own (welcome, coach note, error), in order with everything else. */
  send(client: Client, type: string, message: unknown): void {
    this.host.after(() => this.out(client, type, message));
  }

  error(client: Client, code: ErrorCode, message: string, type?: string): void {
    const error: ErrorMessage = type === undefined ? { code, message } : { code, message, type: type.slice(0, 40) };
    this.send(client, SERVER_MESSAGES.error, error);
  }

  /**
   * Everything released by one committed batch (a move's events, the views it changed, errors)
   * leaves each socket in one write instead of one system call per message: most of the server's
   * own time at 800 tables went to writev.
   */
  hold(): void {
    this.corked ??= new Set();
  }

  flush(): void {
    const corked = this.corked;
    this.corked = null;
    if (corked) for (const socket of corked) socket.uncork();
  }

  private out(client: Client, type: string, message: unknown): void {
    const socket = (client.ref as unknown as Corkable)._socket;
    if (this.corked && socket && !this.corked.has(socket)) {
      socket.cork();
      this.corked.add(socket);
    }
    client.send(type, message);
  }

  /** A connection one change behind gets the change; any other, the whole view. */
  private sendView(member: Member, shown: Shown): void {
    if (member.viewVersion === shown.version) return;
    const patch = shown.patch !== null && member.viewVersion === shown.patch.base;
    member.viewVersion = shown.version;
    if (patch) this.out(member.client, SERVER_MESSAGES.viewPatch, shown.patch);
    else this.out(member.client, SERVER_MESSAGES.view, shown.full);
  }

  private current(seat: Seat | null, game: GameState): Shown {
    const view = viewFor(game, seat);
    // A seat's trust-game practice (its guesses, whether they are due) travels with its view, whole.
    const practice = this.host.practice(game, seat);
    const practiceText = practice ? JSON.stringify(practice) : '';
    const last = this.shown.get(seat);
    const ops = last ? diffView(last.view, view) : null;
    if (last && ops!.length === 0 && last.practice === practiceText) return last;
    const version = (last?.version ?? 0) + 1;
    const full: ViewMessage = practice ? { seq: version, view, practice } : { seq: version, view };
    const patch: ViewPatchMessage | null = last
      ? practice
        ? { seq: version, base: last.version, ops: ops!, practice }
        : { seq: version, base: last.version, ops: ops! }
      : null;
    const shown: Shown = { version, view, practice: practiceText, full, patch };
    this.shown.set(seat, shown);
    return shown;
  }
}
