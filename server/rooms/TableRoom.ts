// One table: one game of the coalition or the trust game, with its players, bots, spectators,
// timers and log. Every outcome comes from the engine (shared/engine); this room only decides who
// may act, when phases close, and who hears what. Each of those concerns lives in its own module:
// seats.ts (seats and tokens), clock.ts (the phase clock), admission.ts (which messages get in),
// outbox.ts (what each client receives), journal.ts (writes, and nothing seen before it is
// durable), lifetime.ts (unstarted tables), restore.ts (rebuilding after a restart).
import { ClientState, CloseCode, Room, type AuthContext, type Client, type Deferred } from '@colyseus/core';
import type { BotSpec } from '../../shared/bots/bot';
import { apply } from '../../shared/engine/apply';
import { createGame } from '../../shared/engine/setup';
import type { Action, GameEvent, GameState, Refusal, Seat } from '../../shared/engine/types';
import { coachNote } from '../../shared/record/coach';
import { heardBy } from '../../shared/record/audience';
import { makeEntry, type ActedBy, type Actor, type LogEntry } from '../../shared/record/log';
import {
  SERVER_MESSAGES,
  type BacklogMessage,
  type CoachMessage,
  type ErrorCode,
  type ErrorMessage,
  type Guess,
  type NoticeMessage,
  type Welcome,
} from '../../shared/protocol';
import { tableFinished, tableOpened } from '../benchmarks/placements';
import { BotDriver } from '../bots/driver';
import { context, type ServerContext } from '../context';
import type { TableRecord } from '../store/store';
import { admit, admitChat, CHAT_BURST, CHAT_WINDOW_MS, readFrame, route } from './admission';
import { PhaseClock } from './clock';
import { Lifetime } from './lifetime';
import { Journal } from './journal';
import { Outbox } from './outbox';
import { listing, projectPresence, projectState } from './project';
import { loadTable, restoreRequest } from './restore';
import { tableResults } from './results';
import { Seats, type JoinDecision, type Member } from './seats';
import { guessesDue, lockGuesses, practiceView } from './practice';
import { creatorKeyOf, withoutCreatorKey } from '../matchmaking';
import { codeTaken, hashToken, newCode, tableFromOptions } from './setup';
import { resolveScenarioOption } from '../studio';
import {
  classTableRequest,
  facilitateTable,
  withoutClassTable,
  type FacilitatorCommand,
  type TableSummaryInput,
} from './facilitate';
import { SeatInfo, TableState } from './state';

export type { RestoreOptions } from './restore';
export type { TableResults } from './results';

type ActResult = { ok: true; events: GameEvent[] } | { ok: false; refusal: { code: ErrorCode; message: string } };

/** Colyseus's frame reader, private in its typings; the session frames still go through it. */
interface FrameReader {
  _onMessage(client: Client, buffer: Uint8Array): void;
}
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with .call(room, …)
const colyseusOnMessage = (Room.prototype as unknown as FrameReader)._onMessage;

export class TableRoom extends Room<{ state: TableState }> {
  // No ceiling from Colyseus: it would count spectators and pending reservations, and a full
  // table would then refuse a player's reconnection. Seats and spectators are capped in seats.ts.
  // A table outlives its connections: between meetings nobody may be there for days. It is
  // disposed when its game has ended and the last client left, or when the server stops.
  autoDispose = false;
  // Hard ceiling of Colyseus; the flood guard (admission.ts) throttles long before it.
  maxMessagesPerSecond = 200;
  // The schema state changes seldom (a seat connects, a phase opens); the game itself travels as
  // views, sent as soon as they are durable. Each room's patch timer also drives its clock, so
  // 100 ms is the resolution of phase deadlines and bot delays: 10 wake-ups a second per table
  // instead of Colyseus's 20.
  patchRate = 100;
  state = new TableState();

  private ctx!: ServerContext;
  private record!: TableRecord;
  private game!: GameState;
  private seq = 0;
  private bots!: BotDriver;
  private seats!: Seats;
  private phaseClock!: PhaseClock;
  private lifetime!: Lifetime;
  private outbox!: Outbox;
  private journal!: Journal;
  /** Every log entry of this game, for the coach (the store has them too). */
  private log: LogEntry[] = [];
  private pumping = false;
  private closing = false;
  /** The last round's score ran out while guesses were still due (trust-game practice). */
  private endHeld = false;
  /** A write failed: the table is rebuilt from the store once this room is gone. */
  private crashed = false;

  async onCreate(options: unknown): Promise<void> {
    this.ctx = context();
    (this as unknown as FrameReader)._onMessage = (client, buffer) => this.onFrame(client, buffer);
    this.journal = new Journal(
      () => this.ctx.store,
      (e) => this.giveUp(e),
      (m) => this.ctx.log(`[${this.roomId}] ${m}`),
      { begin: () => this.outbox?.hold(), end: () => this.outbox?.flush() },
    );
    this.ctx.journals.add(this.journal);
    const restore = restoreRequest(options, this.ctx.restoreKey);
    if (restore) {
      await this.restoreTable(restore);
    } else {
      await this.createTable(options);
    }
    await this.setMatchmaking({ private: this.record.settings.private, metadata: listing(this.record, this.game) });
  }

  private async createTable(options: unknown): Promise<void> {
    const session = classTableRequest(options, this.ctx.restoreKey);
    const table = tableFromOptions(
      await resolveScenarioOption(this.ctx, withoutClassTable(withoutCreatorKey(options))),
      this.ctx.settings,
    );
    if (session) table.settings.session = session;
    const creatorKey = creatorKeyOf(options);
    const code = await newCode((c) => codeTaken(this.ctx.store, c));
    this.roomId = code;
    this.game = createGame(table.scenario, table.config);
    this.record = {
      code,
      created: this.ctx.now(),
      status: 'open',
      scenario: table.scenario,
      config: this.game.config,
      settings: table.settings,
      seats: table.seats,
      // Only the creator's own reservation carries this key (matchmaking.ts); a table created
      // without one (by the server itself) has no host until an operator gives it one.
      hostTokenHash: creatorKey === null ? null : hashToken(creatorKey),
      deadline: null,
      results: null,
      finished: null,
    };
    this.journal.record({ op: 'insert', table: this.record });
    tableOpened(this.ctx, this.record);
    this.init();
    this.bots.wakeAll();
    this.pump();
    // A class's table waits for its facilitator, however long the students take to arrive.
    if (!session) this.lifetime.created();
  }

  /** Rebuilds an unfinished table from its log after a restart: same code, seats, deadline. */
  private async restoreTable(code: string): Promise<void> {
    const { record, game, log } = await loadTable(this.ctx.store, code);
    this.record = record;
    this.game = game;
    this.log = log;
    this.seq = log.length;
    this.roomId = code;
    tableOpened(this.ctx, record);
    this.init();
    this.bots.restoreSteps(log);
    if (this.game.phase === 'end') {
      this.finish();
      return;
    }
    // An end that was held for guesses stays held: the guesses close it.
    if (record.deadline === null && guessesDue(record, this.game).length > 0) this.endHeld = true;
    this.phaseClock.restore();
    if (!record.settings.session) this.lifetime.restored();
    for (const s of record.seats)
      if (s.kind === 'human' && s.tokenHash !== null && !s.standIn) this.seats.startTakeover(s.seat);
    this.publish();
    // Bots that were still deciding go on; the ones already done for this phase stay done.
    for (const s of this.game.seats) if (!s.ready) this.bots.wake(s.seat);
    this.pump();
    this.ctx.log(`restored table ${code}: round ${this.game.round}, ${this.game.phase}, ${this.seq} log entries`);
  }

  private init(): void {
    this.seats = new Seats({
      ctx: this.ctx,
      record: () => this.record,
      seq: () => this.seq,
      bots: () => this.bots,
      clock: () => this.clock,
      closing: () => this.closing,
      changed: () => {
        this.publish();
        this.pump();
      },
      write: (op) => this.journal.record(op),
    });
    this.phaseClock = new PhaseClock({
      ctx: this.ctx,
      record: () => this.record,
      game: () => this.game,
      state: () => this.state,
      clock: () => this.clock,
      drainBots: () => this.bots.drain(),
      holdEnd: () => {
        if (guessesDue(this.record, this.game).length === 0) return false;
        // The end waits for the guesses (onGuesses closes it); the clock stops showing.
        this.endHeld = true;
        this.record.deadline = null;
        this.journal.record({ op: 'deadline', code: this.record.code, deadline: null });
        this.publish();
        return true;
      },
      advance: () => void this.act({ type: 'advance' }, 'system', null),
      pump: () => this.pump(),
      write: (op) => this.journal.record(op),
    });
    this.lifetime = new Lifetime({
      ctx: this.ctx,
      record: () => this.record,
      game: () => this.game,
      clock: () => this.clock,
      present: () => this.seats.present(),
      forget: (reason) => this.forget(reason),
    });
    this.outbox = new Outbox({
      game: () => this.game,
      practice: (game, seat) => practiceView(this.record, game, seat),
      listening: () => this.seats.listening(),
      closing: () => this.closing,
      after: (fn) => this.journal.after(fn),
      project: (game) => projectState(this.state, this.record, game, this.seats),
    });
    this.bots = new BotDriver(
      {
        game: () => this.game,
        specOf: (seat) => this.botOf(seat),
        act: (action, reason) => {
          const r = this.act(action, 'bot', reason);
          return r.ok ? { ok: true } : { ok: false, refusal: r.refusal as Refusal };
        },
        later: (ms, fn) => {
          const d = this.clock.setTimeout(fn, ms);
          return () => d.clear();
        },
        stepped: () => this.pump(),
        warn: (m) => this.ctx.log(`[${this.roomId}] ${m}`),
      },
      this.ctx.settings.botDelayMs,
    );
    const s = this.state;
    s.code = this.record.code;
    s.scenarioId = this.record.scenario.id;
    s.scenarioName = this.record.scenario.name;
    s.mode = this.record.config.mode;
    for (const seat of this.record.seats) {
      const role = this.record.scenario.roles[seat.seat];
      s.seats.push(new SeatInfo({ seat: seat.seat, roleId: role.id, roleName: role.name }));
    }
    projectState(this.state, this.record, this.game, this.seats);
  }

  private botOf(seat: number): BotSpec | null {
    return this.seats.botOf(seat);
  }

  // -------------------------------------------------------------------------------------------
  // Joining and leaving (seats.ts)

  onAuth(client: Client, options: unknown, context: AuthContext): JoinDecision {
    const address = context.ip ?? 'unknown';
    client.userData = { address };
    return this.seats.decide(options, address);
  }

  onJoin(client: Client, _options: unknown, decision: JoinDecision): void {
    const address = (client.userData as { address?: string } | undefined)?.address ?? 'unknown';
    const { member, token, hostToken, listingChanged } = this.seats.join(client, decision, address);
    if (listingChanged) this.updateListing();
    const welcome: Welcome = {
      code: this.record.code,
      seat: member.seat,
      token,
      hostToken,
      host: member.host,
      serverTime: this.ctx.now(),
    };
    // The seat (and its token) is durable before the welcome hands out the token.
    this.outbox.send(client, SERVER_MESSAGES.welcome, welcome);
    this.outbox.view(member);
    this.sendBacklog(client, member.seat);
    this.publish();
    this.pump();
  }

  onDrop(client: Client): void {
    const member = this.seats.dropped(client);
    if (!member) return;
    this.publish();
    if (this.closing) return;
    const reconnection = this.allowReconnection(client, this.ctx.settings.reconnectSeconds) as
      Deferred<Client> | Promise<Client>;
    member.reconnection = reconnection instanceof Promise ? null : reconnection;
    // A reconnection that times out or is superseded ends in onLeave; nothing more to do here.
    reconnection.catch(() => undefined);
  }

  onReconnect(client: Client): void {
    const member = this.seats.reconnected(client);
    if (!member) return;
    // The new socket has seen nothing yet.
    member.viewVersion = 0;
    this.outbox.view(member);
    this.sendBacklog(client, member.seat);
    this.publish();
    this.pump();
  }

  onLeave(client: Client): void {
    const member = this.seats.left(client);
    if (!member) return;
    if (member.unreadable > 1)
      this.ctx.log(
        `[${this.roomId}] ${member.address} (${client.sessionId}) left after ${member.unreadable} unreadable frames`,
      );
    if (this.seats.members.size === 0) this.lifetime.emptied();
    this.publish();
  }

  /** A table that never started and that nobody is at any more: gone from memory, store and lobby. */
  private forget(reason: string): void {
    if (this.closing) return;
    this.ctx.log(`[${this.roomId}] ${reason}: table forgotten`);
    this.closing = true;
    this.bots.stop();
    this.phaseClock.stop();
    this.seats.cancelTakeovers();
    this.journal.record({ op: 'delete', code: this.record.code });
    this.journal.after(() => void this.disconnect(CloseCode.CONSENTED).catch(() => undefined));
  }

  /**
   * A write failed: the game in memory is ahead of the store, which still holds everything anyone
   * has seen. The room closes (its clients are told to rejoin) and the table is rebuilt from the
   * store once it can be read again (ServerContext.recover).
   */
  private giveUp(error: Error): void {
    this.ctx.log(
      `[${this.roomId}] could not save the table (${error.message}): closing it, to restore it from the store`,
    );
    this.crashed = true;
    this.closing = true;
    this.bots.stop();
    this.phaseClock.stop();
    this.lifetime.stop();
    this.seats.cancelTakeovers();
    this.broadcast(SERVER_MESSAGES.shutdown, {
      message: 'The server could not save this table. Rejoin with your seat token in a moment.',
    });
    void this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
  }

  // -------------------------------------------------------------------------------------------
  // Messages (admission.ts decides what gets in)

  /**
   * Every frame a client sends comes here first. Colyseus's own reader would close the socket and
   * print a stack trace for a frame it cannot decode, and would misname the messages "*" and "";
   * it keeps only the session frames (join, ping, leave).
   */
  private onFrame(client: Client, buffer: Uint8Array): void {
    if (client.state === ClientState.LEAVING) return;
    const frame = readFrame(buffer);
    if (frame.kind === 'session') return colyseusOnMessage.call(this, client, buffer);
    const member = this.seats.members.get(client.sessionId);
    if (!member || member.superseded || !this.admitFrom(member)) return;
    if (frame.kind === 'unreadable') return this.unreadable(member, frame.reason);
    const routed = route(frame.type, frame.payload, this.ctx.settings.maxPayloadChars);
    if (routed.kind === 'refused') return this.outbox.error(client, routed.code, routed.message, frame.type);
    if (routed.kind === 'action') return this.onAction(member, routed.type, routed.payload);
    if (routed.type === 'start') return this.onStart(member);
    if (routed.type === 'guesses') return this.onGuesses(member, (routed.payload as { guesses: Guess[] }).guesses);
    return this.onPause(member, routed.type === 'pause');
  }

  /** The flood guard (admission.ts): every frame counts, readable or not. */
  private admitFrom(member: Member): boolean {
    const verdict = admit(member.rate, this.ctx.settings);
    if (verdict === 'disconnect') {
      // The last word, at once: nothing else is sent to a connection about to close.
      const error: ErrorMessage = { code: 'rate-limited', message: 'Too many messages: disconnected.' };
      member.client.send(SERVER_MESSAGES.error, error);
      member.client.leave(CloseCode.WITH_ERROR, 'flooding');
      return false;
    }
    if (verdict === 'drop-and-tell') this.outbox.error(member.client, 'rate-limited', 'Too many messages: slow down.');
    return verdict === 'admit';
  }

  /** A typed answer each time; one line in the log per connection (and its count when it leaves). */
  private unreadable(member: Member, reason: string): void {
    member.unreadable++;
    if (member.unreadable === 1)
      this.ctx.log(
        `[${this.roomId}] ${member.address} (${member.client.sessionId}) sent an unreadable frame (${reason}); more from it are only counted`,
      );
    this.outbox.error(member.client, 'bad-frame', `That frame could not be read: ${reason}.`);
  }

  private onAction(member: Member, type: Action['type'], payload: Record<string, unknown>): void {
    const client = member.client;
    if (member.seat === null)
      return this.outbox.error(client, 'not-seated', 'Spectators watch; they do not play.', type);
    const {
      seat: named,
      at,
      ...rest
    } = payload as { seat?: unknown; at?: { round: number; phase: string } } & Record<string, unknown>;
    if (named !== undefined && named !== member.seat)
      return this.outbox.error(client, 'not-your-seat', 'You can act only for your own seat.', type);
    if (at !== undefined && (at.round !== this.game.round || at.phase !== this.game.phase))
      return this.outbox.error(
        client,
        'wrong-phase',
        `That was meant for round ${at.round} (${at.phase}), which has closed.`,
        type,
      );
    if (type === 'chat' && !admitChat(member.rate))
      return this.outbox.error(
        client,
        'rate-limited',
        `At most ${CHAT_BURST} chat messages in ${CHAT_WINDOW_MS / 1000} seconds.`,
        type,
      );
    const action = { ...rest, type, seat: member.seat } as Action;
    const result = this.act(action, 'human', null);
    if (!result.ok) return this.outbox.error(client, result.refusal.code, result.refusal.message, type);
    this.pump();
  }

  private onPause(member: Member, pause: boolean): void {
    const type = pause ? 'pause' : 'resume';
    if (!member.host)
      return this.outbox.error(member.client, 'not-host', 'Only the table’s host can pause or resume the game.', type);
    if (this.record.status !== 'open' || this.game.phase === 'prepare')
      return this.outbox.error(member.client, 'not-started', 'The game is not running.', type);
    const refused = this.phaseClock.pause(pause);
    if (refused !== null) return this.outbox.error(member.client, 'bad-payload', refused, type);
    this.publish();
  }

  /** Trust-game practice: a person locks in the strategies it names; a held end then goes on. */
  private onGuesses(member: Member, guesses: Guess[]): void {
    if (member.seat === null)
      return this.outbox.error(member.client, 'not-seated', 'Spectators watch; they do not guess.', 'guesses');
    if (this.record.status !== 'open')
      return this.outbox.error(member.client, 'game-over', 'The game is over; the reveal is open.', 'guesses');
    const result = lockGuesses(this.record, this.game, member.seat, guesses);
    if (!result.ok) return this.outbox.error(member.client, result.code, result.message, 'guesses');
    this.record.settings.guesses = [...(this.record.settings.guesses ?? []), result.locked];
    this.journal.record({ op: 'settings', code: this.record.code, settings: this.record.settings });
    this.publish();
    // An end held for these guesses whose clock already ran out closes now; otherwise as usual.
    if (this.endHeld && guessesDue(this.record, this.game).length === 0) {
      this.endHeld = false;
      this.act({ type: 'advance' }, 'system', null);
    }
    this.pump();
  }

  private onStart(member: Member): void {
    if (!member.host)
      return this.outbox.error(member.client, 'not-host', 'Only the table’s host can start the game.', 'start');
    if (this.game.phase !== 'prepare')
      return this.outbox.error(member.client, 'already-started', 'The game has already started.', 'start');
    this.seats.fillEmptySeats();
    this.lifetime.stop();
    this.updateListing();
    // Bots always decide before a phase closes, prepare included (they may declare walk-aways).
    this.bots.drain();
    const actor: Actor = member.seat ?? 'facilitator';
    const result = this.act({ type: 'advance' }, member.seat === null ? 'facilitator' : 'human', null, actor);
    if (!result.ok) return this.outbox.error(member.client, result.refusal.code, result.refusal.message, 'start');
    this.pump();
  }

  /** The solo coach's note on the round just scored, sent to each person's seat only (DESIGN 5). */
  private sendCoachNotes(): void {
    if (!this.record.settings.solo || this.game.config.mode !== 'coalition') return;
    const record = { scenario: this.game.scenario, config: this.game.config, log: this.log };
    for (const member of this.seats.listening()) {
      if (member.seat === null) continue;
      try {
        const message: CoachMessage = { round: this.game.round, note: coachNote(record, member.seat, this.game.round) };
        this.outbox.send(member.client, SERVER_MESSAGES.coach, message);
      } catch (e) {
        this.ctx.log(`[${this.roomId}] coach note failed: ${(e as Error).message}`);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // The one path of every action: engine, log (recorded; nobody sees the result before it is
  // committed, see journal.ts), then broadcast.

  private act(action: Action, by: ActedBy, reason: string | null, actor?: Actor): ActResult {
    if (this.record.status !== 'open')
      return { ok: false, refusal: { code: 'game-over', message: 'The game is over; the debrief is open.' } };
    const before = this.game;
    const result = apply(before, action);
    if (!result.ok) return result;
    const next = result.state;
    const phaseChanged = next.phase !== before.phase || next.round !== before.round;
    const deadline = phaseChanged ? this.phaseClock.deadlineOf(next) : undefined;
    const entry = makeEntry(before, this.seq, action, { by, reason, time: this.ctx.now(), actor });
    this.journal.record({ op: 'append', code: this.record.code, entry, deadline });
    this.log.push(entry);
    this.game = next;
    this.seq++;
    if (deadline !== undefined) this.record.deadline = deadline;
    this.outbox.events(result.events);
    if (phaseChanged) this.enterPhase();
    else this.bots.wakeConcerned(action.type === 'advance' ? null : action.seat, result.events);
    this.publish();
    return { ok: true, events: result.events };
  }

  private enterPhase(): void {
    this.bots.newPhase();
    this.phaseClock.stop();
    if (this.game.phase === 'end') {
      this.finish();
      return;
    }
    this.phaseClock.newPhase();
    this.bots.wakeAll();
    this.updateListing();
    if (this.game.phase === 'score') this.sendCoachNotes();
  }

  /**
   * Runs what can run now: with no bot delay, every queued bot decision; then closes the phase
   * early when every seat is ready (every person said so, every bot is done).
   */
  private pump(): void {
    if (this.pumping || this.closing) return;
    this.pumping = true;
    try {
      for (let guard = 0; guard < 10_000 && this.record.status === 'open'; guard++) {
        // Bots take a person's time only while a person is still deciding: then they finish at once.
        if (this.ctx.settings.botDelayMs <= 0 || this.everyPersonReady()) this.bots.drain();
        if (!this.canCloseEarly()) break;
        if (!this.act({ type: 'advance' }, 'system', null).ok) break;
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Every seat a person plays (not a stand-in) is ready; false when nobody is at the table. */
  private everyPersonReady(): boolean {
    const people = this.record.seats.filter((s) => s.kind === 'human' && !s.standIn);
    return people.length > 0 && people.every((s) => this.game.seats[s.seat].ready);
  }

  private canCloseEarly(): boolean {
    const phase = this.game.phase;
    if (phase === 'prepare' || phase === 'end' || !this.bots.idle()) return false;
    const humans = this.record.seats.filter((s) => s.kind === 'human');
    // When every person is away the clock runs: a class whose network drops must not find its
    // game played out by stand-ins when it comes back.
    if (humans.length > 0 && humans.every((s) => s.standIn)) return false;
    if (guessesDue(this.record, this.game).length > 0) return false;
    return this.game.seats.every((s) => s.ready);
  }

  private finish(): void {
    this.bots.stop();
    this.phaseClock.stop();
    this.seats.cancelTakeovers();
    const now = this.ctx.now();
    const results = tableResults(this.record, this.game, now);
    this.journal.record({ op: 'finish', code: this.record.code, results, time: now });
    this.record.status = 'finished';
    this.record.results = results;
    this.record.finished = now;
    this.record.deadline = null;
    // Placements read the finished table and its whole log from the store: once they are saved.
    const code = this.record.code;
    this.journal.after(() => tableFinished(this.ctx, code));
    this.autoDispose = true;
    this.publish();
    this.updateListing();
    if (this.clients.length === 0) this.clock.setTimeout(() => void this.disconnect().catch(() => undefined), 0);
  }

  /** What this seat heard before it (re)joined, rebuilt from the log under the same audience rule. */
  private sendBacklog(client: Client, seat: Seat | null): void {
    const record = { scenario: this.record.scenario, config: this.record.config, log: this.log };
    // Events only: where each batch fell in the log would tell how many private moves came between.
    const message: BacklogMessage = { batches: heardBy(record, seat).map(({ events }) => ({ events })) };
    this.outbox.send(client, SERVER_MESSAGES.backlog, message);
  }

  /** The public state and each client's view, once what is behind them is durable (outbox.ts). */
  private publish(): void {
    projectPresence(this.state, this.record, this.seats);
    this.outbox.publish();
    const session = this.record.settings.session;
    if (session) this.ctx.classes.tableChanged(session.code, this.record.code);
  }

  // -------------------------------------------------------------------------------------------
  // A class session's facilitator (server/class) steers its tables through these; the session
  // checks the facilitator key, the table only that the command fits the game.

  /** Runs a facilitator command; returns a refusal, or null when done. */
  facilitate(command: FacilitatorCommand): string | null {
    if (this.closing) return 'The table is closing.';
    const refusal = facilitateTable(command, {
      record: this.record,
      game: this.game,
      seats: this.seats,
      phaseClock: this.phaseClock,
      start: () => this.facilitatorStart(),
      close: () => {
        this.bots.drain();
        const r = this.act({ type: 'advance' }, 'facilitator', null, 'facilitator');
        if (r.ok) this.pump();
        return r.ok ? null : r.refusal.message;
      },
      end: () => {
        this.finish();
        return null;
      },
      notice: (text) => this.broadcast(SERVER_MESSAGES.notice, { text, time: this.ctx.now() } satisfies NoticeMessage),
    });
    if (refusal === null) this.publish();
    return refusal;
  }

  private facilitatorStart(): string | null {
    if (this.game.phase !== 'prepare') return 'The game has already started.';
    this.seats.fillEmptySeats();
    // A student seated by the facilitator who never came: a bot takes the seat as for one who left.
    for (const s of this.record.seats)
      if (s.kind === 'human' && s.tokenHash !== null && !s.standIn && !this.seats.holder(s.seat)?.connected)
        this.seats.startTakeover(s.seat);
    this.updateListing();
    this.bots.drain();
    const result = this.act({ type: 'advance' }, 'facilitator', null, 'facilitator');
    if (!result.ok) return result.refusal.message;
    this.pump();
    return null;
  }

  /** What the facilitator's console shows of this table (tableSummary decides what is private). */
  summary(): TableSummaryInput {
    return {
      record: this.record,
      game: this.game,
      connected: (seat) => this.seats.holder(seat)?.connected ?? false,
      paused: this.state.paused,
      remaining: this.state.remaining,
    };
  }

  private updateListing(): void {
    void this.setMatchmaking({ metadata: listing(this.record, this.game) }).catch(() => undefined);
  }

  // -------------------------------------------------------------------------------------------
  // Shutdown: everything is already committed; tell the clients and let them go.

  onBeforeShutdown(): void {
    this.closing = true;
    this.bots.stop();
    // Once every move anyone has seen is saved (App.close waits for that too before the store closes).
    this.journal.after(() => {
      this.broadcast(SERVER_MESSAGES.shutdown, {
        message: 'The server is restarting. Your table is saved: rejoin with your seat token in a moment.',
      });
      void this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
    });
  }

  onDispose(): void {
    this.closing = true;
    this.bots?.stop();
    this.seats?.clear();
    const journal = this.journal;
    if (journal) void journal.drained().then(() => this.ctx.journals.delete(journal));
    if (this.crashed) this.ctx.recover(this.record.code);
  }

  /** Resolves once every write this table has made so far is durable. */
  settled(): Promise<void> {
    return this.journal.drained();
  }

  /** For tests and the operator: the engine state and log length behind this room. */
  snapshot(): { game: GameState; seq: number; record: TableRecord } {
    return { game: this.game, seq: this.seq, record: this.record };
  }
}
