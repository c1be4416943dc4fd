// One table: one game of the coalition or the trust game, with its players, bots, spectators,
// timers and log. Every outcome comes from the engine (shared/engine); this room only decides who
// may act, when phases close, and who hears what.
import { CloseCode, Room, type Client, type Delayed } from '@colyseus/core';
import type { Deferred } from '@colyseus/core';
import { botLabel, type BotSpec } from '../../shared/bots/bot';
import { apply } from '../../shared/engine/apply';
import { scoreGame } from '../../shared/engine/scoring';
import { createGame } from '../../shared/engine/setup';
import type { Action, GameEvent, GameState, Refusal, Seat } from '../../shared/engine/types';
import { viewFor } from '../../shared/engine/view';
import { coachNote } from '../../shared/record/coach';
import { hears, heardBy } from '../../shared/record/audience';
import { makeEntry, replay, type ActedBy, type Actor } from '../../shared/record/log';
import {
  ACTION_MESSAGES,
  type BacklogMessage,
  CONTROL_MESSAGES,
  joinOptions,
  SERVER_MESSAGES,
  type ActionMessage,
  type CoachMessage,
  type ErrorCode,
  type ErrorMessage,
  type EventsMessage,
  type Guess,
  type LockedGuesses,
  type TableListing,
  type ViewMessage,
  type Welcome,
} from '../../shared/protocol';
import { tableFinished, tableOpened } from '../benchmarks/placements';
import { BotDriver } from '../bots/driver';
import { guessesDue, lockGuesses, practiceView } from './practice';
import { context, type ServerContext } from '../context';
import type { SeatEventKind, SeatRecord, TableRecord } from '../store/store';
import { cleanName, hashToken, joinError, newCode, newToken, sameName, seatOfRole, STAND_IN, tableFromOptions } from './setup';
import { SeatInfo, TableState } from './state';

/** Options only the server itself passes: restore a table from the store after a restart. */
export interface RestoreOptions {
  restore: { code: string; key: string };
}

interface HostDecision {
  host: boolean;
  hostToken: string | null;
  /** This join would create the table's host token (the first connection to a new table). */
  creator: boolean;
}

type JoinDecision = HostDecision &
  ({ kind: 'spectate' } | { kind: 'reclaim'; seat: Seat; token: string } | { kind: 'claim'; seat: Seat; name: string });

interface Member {
  client: Client;
  seat: Seat | null;
  host: boolean;
  connected: boolean;
  /** Another connection took this seat; this one only waits to be closed. */
  superseded: boolean;
  reconnection: Deferred<Client> | null;
  /** Token bucket of the flood guard. */
  tokens: number;
  refilled: number;
  drops: number;
  lastRateError: number;
  chat: number[];
}

type ActResult = { ok: true; events: GameEvent[] } | { ok: false; refusal: { code: ErrorCode; message: string } };

const UNJOINED_MS = 60_000;
const CHAT_BURST = 5;
const CHAT_WINDOW_MS = 10_000;

export class TableRoom extends Room<{ state: TableState }> {
  maxClients = 64;
  // A table outlives its connections: between meetings nobody may be there for days. It is
  // disposed when its game has ended and the last client left, or when the server stops.
  autoDispose = false;
  // Hard ceiling of Colyseus; the flood guard below throttles long before it.
  maxMessagesPerSecond = 200;
  state = new TableState();

  private ctx!: ServerContext;
  private record!: TableRecord;
  private game!: GameState;
  private seq = 0;
  private bots!: BotDriver;
  private members = new Map<string, Member>();
  /** The connection that holds each seat (by session id). */
  private seatSession = new Map<Seat, string>();
  private takeoverTimers = new Map<Seat, Delayed>();
  private phaseTimer: Delayed | null = null;
  private viewsQueued = false;
  private pumping = false;
  private closing = false;
  /** The last round's score ran out while guesses were still due (trust-game practice). */
  private endHeld = false;

  async onCreate(options: unknown): Promise<void> {
    this.ctx = context();
    const restore = restoreRequest(options, this.ctx.restoreKey);
    if (restore) {
      this.restoreTable(restore);
    } else {
      this.createTable(options);
    }
    this.onMessage('*', (client: Client, type: string | number, payload: unknown) => this.onAnyMessage(client, String(type), payload));
    await this.setMatchmaking({ private: this.record.settings.private, metadata: this.listing() });
  }

  private createTable(options: unknown): void {
    const table = tableFromOptions(options, this.ctx.settings);
    const code = newCode((c) => this.ctx.store.hasTable(c));
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
      hostTokenHash: null,
      deadline: null,
      results: null,
      finished: null,
    };
    this.ctx.store.insertTable(this.record);
    tableOpened(this.ctx, this.record);
    this.init();
    this.bots.wakeAll();
    this.pump();
    // A table whose creator never arrived (a dropped connection during create) is forgotten.
    this.clock.setTimeout(() => {
      if (this.record.hostTokenHash !== null || this.members.size > 0 || this.closing) return;
      this.ctx.log(`[${this.roomId}] nobody joined: table forgotten`);
      this.closing = true;
      this.bots.stop();
      this.ctx.store.deleteTable(this.record.code);
      void this.disconnect().catch(() => undefined);
    }, UNJOINED_MS);
  }

  /** Rebuilds an unfinished table from its log after a restart: same code, seats, deadline. */
  private restoreTable(code: string): void {
    const record = this.ctx.store.getTable(code);
    if (!record || record.status !== 'open') throw new Error(`table ${code} is not open`);
    const log = this.ctx.store.log(code);
    this.record = record;
    this.game = replay({ scenario: record.scenario, config: record.config, log });
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
    if (typeof record.settings.pausedRemaining === 'number') {
      this.state.paused = true;
      this.state.remaining = record.settings.pausedRemaining;
    } else if (record.deadline !== null) {
      const now = this.ctx.now();
      // A phase that ran out while the server was down gets a moment for its players to return.
      if (record.deadline <= now) {
        record.deadline = now + this.ctx.settings.restoreGraceSeconds * 1000;
        this.ctx.store.setDeadline(code, record.deadline);
      }
      this.startPhaseTimer();
    }
    for (const s of record.seats) if (s.kind === 'human' && s.tokenHash !== null && !s.standIn) this.startTakeover(s.seat);
    this.syncState();
    // Bots that were still deciding go on; the ones already done for this phase stay done.
    for (const s of this.game.seats) if (!s.ready) this.bots.wake(s.seat);
    this.pump();
    this.ctx.log(`restored table ${code}: round ${this.game.round}, ${this.game.phase}, ${this.seq} log entries`);
  }

  private init(): void {
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
    this.syncState();
  }

  // -------------------------------------------------------------------------------------------
  // Joining

  onAuth(_client: Client, options: unknown): JoinDecision {
    const parsed = joinOptions.safeParse(options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw joinError('bad-options', `${issue.path.join('.') || 'options'}: ${issue.message}`);
    }
    const o = parsed.data;
    const isHost = o.hostToken !== undefined && this.record.hostTokenHash === hashToken(o.hostToken);
    // The first connection to a new table is its creator, and so its host.
    const creator = this.record.hostTokenHash === null && this.members.size === 0;
    const hostToken = creator ? newToken() : isHost ? o.hostToken! : null;
    const host = creator || isHost;
    if (o.token !== undefined) {
      const hash = hashToken(o.token);
      const seat = this.record.seats.find((s) => s.tokenHash === hash);
      if (!seat) throw joinError('bad-token', 'That seat token is not valid at this table.');
      return { kind: 'reclaim', seat: seat.seat, token: o.token, host, hostToken, creator };
    }
    if (o.spectate) return { kind: 'spectate', host, hostToken, creator };
    if (this.record.status === 'finished') throw joinError('table-over', 'This game is over; you can watch its debrief as a spectator.');
    const name = cleanName(o.name);
    if (name === null) throw joinError('bad-name', 'Choose a name of 1 to 24 characters.');
    if (this.record.seats.some((s) => s.name !== null && sameName(s.name, name)))
      throw joinError('name-taken', `Someone at this table is already called "${name}".`);
    return { kind: 'claim', seat: this.chooseSeat(o.role), name, host, hostToken, creator };
  }

  private chooseSeat(role: string | number | undefined): Seat {
    const free = (s: SeatRecord) => s.kind === 'human' && s.tokenHash === null;
    if (role !== undefined) {
      const seat = seatOfRole(this.record.scenario, role);
      if (seat === null) throw joinError('bad-options', `role: this scenario has no role "${String(role)}".`);
      if (!free(this.record.seats[seat])) throw joinError('role-taken', `${this.record.scenario.roles[seat].name} is not free.`);
      return seat;
    }
    const seat = this.record.seats.find(free);
    if (!seat) throw joinError('table-full', 'Every seat at this table is taken; you can join as a spectator.');
    return seat.seat;
  }

  onJoin(client: Client, _options: unknown, decision: JoinDecision): void {
    let seat: Seat | null = null;
    let token: string | null = null;
    if (decision.kind === 'claim') {
      const rec = this.record.seats[decision.seat];
      // Re-checked here: another join may have taken the seat since onAuth.
      if (rec.tokenHash !== null) throw joinError('role-taken', `${this.record.scenario.roles[rec.seat].name} is not free.`);
      if (this.record.seats.some((s) => s.name !== null && sameName(s.name, decision.name)))
        throw joinError('name-taken', `Someone at this table is already called "${decision.name}".`);
      token = newToken();
      rec.name = decision.name;
      rec.tokenHash = hashToken(token);
      this.seatEvent(rec.seat, 'claimed', decision.name);
      if (rec.standIn) this.release(rec, null);
      this.ctx.store.updateSeats(this.record.code, this.record.seats);
      this.updateListing();
      seat = rec.seat;
    } else if (decision.kind === 'reclaim') {
      seat = decision.seat;
      token = decision.token;
      this.supersede(seat);
      const rec = this.record.seats[seat];
      if (rec.standIn && this.record.status === 'open') {
        this.release(rec);
        this.ctx.store.updateSeats(this.record.code, this.record.seats);
      }
    }
    let { host, hostToken } = decision;
    if (decision.creator) {
      if (this.record.hostTokenHash === null) {
        this.record.hostTokenHash = hashToken(hostToken!);
        this.ctx.store.updateHost(this.record.code, this.record.hostTokenHash);
      } else {
        // Someone else's first join got there first: that one is the host.
        host = false;
        hostToken = null;
      }
    }
    const member: Member = {
      client,
      seat,
      host,
      connected: true,
      superseded: false,
      reconnection: null,
      tokens: this.ctx.settings.rateBurst,
      refilled: Date.now(),
      drops: 0,
      lastRateError: 0,
      chat: [],
    };
    this.members.set(client.sessionId, member);
    if (seat !== null) {
      this.seatSession.set(seat, client.sessionId);
      this.cancelTakeover(seat);
    }
    const welcome: Welcome = {
      code: this.record.code,
      seat,
      token,
      hostToken,
      host,
      serverTime: this.ctx.now(),
    };
    client.send(SERVER_MESSAGES.welcome, welcome);
    this.sendView(client, seat);
    this.sendBacklog(client, seat);
    this.syncState();
    this.pump();
  }

  /** A person takes the seat from its stand-in bot (back, or for the first time when claiming it). */
  private release(rec: SeatRecord, event: SeatEventKind | null = 'reclaimed'): void {
    rec.standIn = false;
    rec.bot = null;
    this.bots.forget(rec.seat);
    if (event) this.seatEvent(rec.seat, event, rec.name ?? '');
  }

  /** A new connection for a seat closes the old one (the newest tab wins). */
  private supersede(seat: Seat): void {
    const old = this.seatSession.get(seat);
    if (old === undefined) return;
    const member = this.members.get(old);
    this.seatSession.delete(seat);
    if (!member) return;
    member.superseded = true;
    this.members.delete(old);
    if (member.reconnection) member.reconnection.reject(new Error('superseded'));
    else member.client.leave(CloseCode.CONSENTED, 'Your seat was opened in another window.');
  }

  onDrop(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (!member || member.superseded) return;
    member.connected = false;
    if (member.seat !== null) this.startTakeover(member.seat);
    this.syncState();
    if (this.closing) return;
    const reconnection = this.allowReconnection(client, this.ctx.settings.reconnectSeconds) as Deferred<Client> | Promise<Client>;
    member.reconnection = reconnection instanceof Promise ? null : reconnection;
    // A reconnection that times out or is superseded ends in onLeave; nothing more to do here.
    reconnection.catch(() => undefined);
  }

  onReconnect(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (!member) return;
    member.client = client;
    member.connected = true;
    member.reconnection = null;
    if (member.seat !== null && this.seatSession.get(member.seat) === client.sessionId) {
      this.cancelTakeover(member.seat);
      const rec = this.record.seats[member.seat];
      if (rec.standIn && this.record.status === 'open') {
        this.release(rec);
        this.ctx.store.updateSeats(this.record.code, this.record.seats);
      }
    }
    this.sendView(client, member.seat);
    this.sendBacklog(client, member.seat);
    this.syncState();
    this.pump();
  }

  onLeave(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (!member) return;
    this.members.delete(client.sessionId);
    if (member.seat !== null && this.seatSession.get(member.seat) === client.sessionId) {
      this.seatSession.delete(member.seat);
      this.startTakeover(member.seat);
    }
    this.syncState();
  }

  // -------------------------------------------------------------------------------------------
  // Takeover (DESIGN 5): in class a bot takes a seat whose player is gone; the player reclaims it.

  private startTakeover(seat: Seat): void {
    const rec = this.record.seats[seat];
    if (this.record.settings.policy !== 'in-class' || this.record.status !== 'open' || this.closing) return;
    if (rec.kind !== 'human' || rec.standIn || this.takeoverTimers.has(seat)) return;
    const seconds = this.ctx.settings.takeoverSeconds;
    this.takeoverTimers.set(
      seat,
      this.clock.setTimeout(() => {
        this.takeoverTimers.delete(seat);
        const session = this.seatSession.get(seat);
        if (session !== undefined && this.members.get(session)?.connected) return;
        if (rec.standIn || this.record.status !== 'open') return;
        rec.standIn = true;
        rec.bot = STAND_IN;
        this.ctx.store.updateSeats(this.record.code, this.record.seats);
        this.seatEvent(seat, 'takeover', `${rec.name ?? 'the player'} was gone ${seconds} s: ${botLabel(STAND_IN)} plays the seat`);
        this.bots.wake(seat);
        this.syncState();
        this.pump();
      }, seconds * 1000),
    );
  }

  private cancelTakeover(seat: Seat): void {
    this.takeoverTimers.get(seat)?.clear();
    this.takeoverTimers.delete(seat);
  }

  private seatEvent(seat: Seat, kind: SeatEventKind, detail: string): void {
    this.ctx.store.addSeatEvent(this.record.code, { time: this.ctx.now(), seq: this.seq, seat, kind, detail });
  }

  /** The bot that plays a seat now, or null when a person does (or may still come). */
  private botOf(seat: Seat): BotSpec | null {
    const rec = this.record.seats[seat];
    if (rec.kind === 'bot' || rec.standIn) return rec.bot;
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Messages

  private onAnyMessage(client: Client, type: string, payload: unknown): void {
    const member = this.members.get(client.sessionId);
    if (!member || member.superseded) return;
    if (!this.admit(member)) return;
    let size: number;
    try {
      size = JSON.stringify(payload ?? null)?.length ?? 0;
    } catch {
      size = Infinity;
    }
    if (size > this.ctx.settings.maxPayloadChars)
      return this.sendError(client, 'too-large', `A message is at most ${this.ctx.settings.maxPayloadChars} characters.`, type);
    if (Object.hasOwn(ACTION_MESSAGES, type)) return this.onAction(member, type as ActionMessage, payload);
    if (type === 'start' || type === 'pause' || type === 'resume' || type === 'guesses') {
      const parsed = CONTROL_MESSAGES[type].safeParse(payload ?? {});
      if (!parsed.success) return this.sendError(client, 'bad-payload', describe(parsed.error), type);
      if (type === 'start') return this.onStart(member);
      if (type === 'guesses') return this.onGuesses(member, (parsed.data as { guesses: Guess[] }).guesses);
      return this.onPause(member, type === 'pause');
    }
    this.sendError(client, 'unknown-message', `There is no message called "${type.slice(0, 40)}".`, type);
  }

  private onAction(member: Member, type: ActionMessage, payload: unknown): void {
    const client = member.client;
    const parsed = ACTION_MESSAGES[type].safeParse(payload ?? {});
    if (!parsed.success) return this.sendError(client, 'bad-payload', describe(parsed.error), type);
    if (member.seat === null) return this.sendError(client, 'not-seated', 'Spectators watch; they do not play.', type);
    const { seat: named, at, ...rest } = parsed.data as { seat?: unknown; at?: { round: number; phase: string } } & Record<string, unknown>;
    if (named !== undefined && named !== member.seat) return this.sendError(client, 'not-your-seat', 'You can act only for your own seat.', type);
    if (at !== undefined && (at.round !== this.game.round || at.phase !== this.game.phase))
      return this.sendError(client, 'wrong-phase', `That was meant for round ${at.round} (${at.phase}), which has closed.`, type);
    if (type === 'chat' && !this.admitChat(member))
      return this.sendError(client, 'rate-limited', `At most ${CHAT_BURST} chat messages in ${CHAT_WINDOW_MS / 1000} seconds.`, type);
    const action = { ...rest, type, seat: member.seat } as Action;
    const result = this.act(action, 'human', null);
    if (!result.ok) return this.sendError(client, result.refusal.code, result.refusal.message, type);
    this.pump();
  }

  /**
   * pause / resume: the host freezes the phase clock and later restarts it with the time that was
   * left. Nothing else stops: moves already made stand, and a phase still closes early when every
   * seat is ready. A restart while paused restores the phase untimed until the host resumes.
   */
  private onPause(member: Member, pause: boolean): void {
    const type = pause ? 'pause' : 'resume';
    if (!member.host) return this.sendError(member.client, 'not-host', 'Only the table’s host can pause or resume the game.', type);
    if (this.record.status !== 'open' || this.game.phase === 'prepare')
      return this.sendError(member.client, 'not-started', 'The game is not running.', type);
    if (pause === this.state.paused) return this.sendError(member.client, 'bad-payload', pause ? 'The game is already paused.' : 'The game is not paused.', type);
    if (pause) {
      this.state.remaining = this.record.deadline === null ? 0 : Math.max(0, this.record.deadline - this.ctx.now());
      this.phaseTimer?.clear();
      this.phaseTimer = null;
      this.record.deadline = null;
    } else if (this.state.remaining > 0) {
      this.record.deadline = this.ctx.now() + this.state.remaining;
      this.state.remaining = 0;
    }
    this.state.paused = pause;
    // The pause is stored with the table, so a restart keeps it (and the time that was left).
    this.record.settings.pausedRemaining = pause ? this.state.remaining : null;
    this.ctx.store.updateSettings(this.record.code, this.record.settings);
    this.ctx.store.setDeadline(this.record.code, this.record.deadline);
    if (!pause) this.startPhaseTimer();
    this.syncState();
  }

  /** Trust-game practice: a person locks in the strategies it names; a held end then goes on. */
  private onGuesses(member: Member, guesses: Guess[]): void {
    if (member.seat === null) return this.sendError(member.client, 'not-seated', 'Spectators watch; they do not guess.', 'guesses');
    if (this.record.status !== 'open') return this.sendError(member.client, 'game-over', 'The game is over; the reveal is open.', 'guesses');
    const result = lockGuesses(this.record, this.game, member.seat, guesses);
    if (!result.ok) return this.sendError(member.client, result.code, result.message, 'guesses');
    this.record.settings.guesses = [...(this.record.settings.guesses ?? []), result.locked];
    this.ctx.store.updateSettings(this.record.code, this.record.settings);
    this.queueViews();
    // An end held for these guesses whose clock already ran out closes now; otherwise as usual.
    if (this.endHeld && guessesDue(this.record, this.game).length === 0) {
      this.endHeld = false;
      this.act({ type: 'advance' }, 'system', null);
    }
    this.pump();
  }

  /** The solo coach's note on the round just scored, sent to each person's seat only (DESIGN 5). */
  private sendCoachNotes(): void {
    if (!this.record.settings.solo || this.game.config.mode !== 'coalition') return;
    const log = this.ctx.store.log(this.record.code);
    const record = { scenario: this.game.scenario, config: this.game.config, log };
    for (const member of this.members.values()) {
      if (member.seat === null || !member.connected || member.superseded) continue;
      try {
        const message: CoachMessage = { round: this.game.round, note: coachNote(record, member.seat, this.game.round) };
        member.client.send(SERVER_MESSAGES.coach, message);
      } catch (e) {
        this.ctx.log(`[${this.roomId}] coach note failed: ${(e as Error).message}`);
      }
    }
  }

  private onStart(member: Member): void {
    if (!member.host) return this.sendError(member.client, 'not-host', 'Only the table’s host can start the game.', 'start');
    if (this.game.phase !== 'prepare') return this.sendError(member.client, 'already-started', 'The game has already started.', 'start');
    // Bots sit in every seat nobody claimed (DESIGN 5); a latecomer can still claim one.
    let filled = false;
    for (const rec of this.record.seats) {
      if (rec.kind === 'human' && rec.tokenHash === null && !rec.standIn) {
        rec.standIn = true;
        rec.bot = STAND_IN;
        filled = true;
        this.seatEvent(rec.seat, 'stand-in', `nobody took the seat: ${botLabel(STAND_IN)} plays it`);
      }
    }
    if (filled) this.ctx.store.updateSeats(this.record.code, this.record.seats);
    this.updateListing();
    // Bots always decide before a phase closes, prepare included (they may declare walk-aways).
    this.bots.drain();
    const actor: Actor = member.seat ?? 'facilitator';
    const result = this.act({ type: 'advance' }, member.seat === null ? 'facilitator' : 'human', null, actor);
    if (!result.ok) return this.sendError(member.client, result.refusal.code, result.refusal.message, 'start');
    this.pump();
  }

  /** Flood guard: a token bucket per client; a client that keeps flooding is disconnected. */
  private admit(member: Member): boolean {
    const { rateBurst, ratePerSecond, floodLimit } = this.ctx.settings;
    const now = Date.now();
    member.tokens = Math.min(rateBurst, member.tokens + ((now - member.refilled) / 1000) * ratePerSecond);
    member.refilled = now;
    if (member.tokens >= 1) {
      member.tokens -= 1;
      member.drops = 0;
      return true;
    }
    member.drops++;
    if (member.drops > floodLimit) {
      this.sendError(member.client, 'rate-limited', 'Too many messages: disconnected.');
      member.client.leave(CloseCode.WITH_ERROR, 'flooding');
      return false;
    }
    if (now - member.lastRateError >= 1000) {
      member.lastRateError = now;
      this.sendError(member.client, 'rate-limited', 'Too many messages: slow down.');
    }
    return false;
  }

  private admitChat(member: Member): boolean {
    const now = Date.now();
    member.chat = member.chat.filter((t) => now - t < CHAT_WINDOW_MS);
    if (member.chat.length >= CHAT_BURST) return false;
    member.chat.push(now);
    return true;
  }

  private sendError(client: Client, code: ErrorCode, message: string, type?: string): void {
    const error: ErrorMessage = type === undefined ? { code, message } : { code, message, type: type.slice(0, 40) };
    client.send(SERVER_MESSAGES.error, error);
  }

  // -------------------------------------------------------------------------------------------
  // The one path of every action: engine, log (committed), then broadcast.

  private act(action: Action, by: ActedBy, reason: string | null, actor?: Actor): ActResult {
    if (this.record.status !== 'open') return { ok: false, refusal: { code: 'game-over', message: 'The game is over; the debrief is open.' } };
    const before = this.game;
    const result = apply(before, action);
    if (!result.ok) return result;
    const next = result.state;
    const phaseChanged = next.phase !== before.phase || next.round !== before.round;
    const deadline = phaseChanged ? this.deadlineOf(next) : undefined;
    const entry = makeEntry(before, this.seq, action, { by, reason, time: this.ctx.now(), actor });
    try {
      this.ctx.store.append(this.record.code, entry, deadline);
    } catch (e) {
      this.ctx.log(`[${this.roomId}] could not write log entry ${this.seq}: ${(e as Error).message}`);
      return { ok: false, refusal: { code: 'internal', message: 'The server could not save that move; try again.' } };
    }
    this.game = next;
    this.seq++;
    if (deadline !== undefined) this.record.deadline = deadline;
    this.sendEvents(result.events);
    if (phaseChanged) this.enterPhase();
    else this.bots.wakeConcerned(action.type === 'advance' ? null : action.seat, result.events);
    this.syncState();
    this.queueViews();
    return { ok: true, events: result.events };
  }

  private deadlineOf(state: GameState): number | null {
    const d = this.record.settings.durations;
    const seconds =
      state.phase === 'negotiate' ? d.negotiate : state.phase === 'trust' ? d.trust : state.phase === 'resolve' ? d.resolve : state.phase === 'score' ? d.score : null;
    return seconds === null ? null : this.ctx.now() + seconds * 1000;
  }

  private enterPhase(): void {
    this.bots.newPhase();
    this.phaseTimer?.clear();
    this.phaseTimer = null;
    if (this.game.phase === 'end') {
      this.finish();
      return;
    }
    // A new phase starts its own clock, so a pause ends with the phase it held.
    if (this.state.paused) {
      this.state.paused = false;
      this.state.remaining = 0;
      this.record.settings.pausedRemaining = null;
      this.ctx.store.updateSettings(this.record.code, this.record.settings);
    }
    this.startPhaseTimer();
    this.bots.wakeAll();
    this.updateListing();
    if (this.game.phase === 'score') this.sendCoachNotes();
  }

  private startPhaseTimer(): void {
    this.phaseTimer?.clear();
    this.phaseTimer = null;
    if (this.record.deadline === null) return;
    const phase = this.game.phase;
    const round = this.game.round;
    this.phaseTimer = this.clock.setTimeout(
      () => {
        this.phaseTimer = null;
        if (this.game.phase !== phase || this.game.round !== round || this.record.status !== 'open') return;
        // Bots always decide before a phase closes.
        this.bots.drain();
        if (guessesDue(this.record, this.game).length > 0) {
          // The end waits for the guesses (onGuesses closes it); the clock stops showing.
          this.endHeld = true;
          this.record.deadline = null;
          this.ctx.store.setDeadline(this.record.code, null);
          this.syncState();
        } else if (this.game.phase === phase && this.game.round === round) {
          const closed = this.act({ type: 'advance' }, 'system', null);
          // The log could not be written: try again shortly rather than leave the phase open.
          if (!closed.ok && closed.refusal.code === 'internal') {
            this.record.deadline = this.ctx.now() + 1000;
            this.startPhaseTimer();
          }
        }
        this.pump();
      },
      Math.max(0, this.record.deadline - this.ctx.now()),
    );
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
    this.phaseTimer?.clear();
    this.phaseTimer = null;
    for (const seat of [...this.takeoverTimers.keys()]) this.cancelTakeover(seat);
    const results = this.results();
    const now = this.ctx.now();
    this.ctx.store.finish(this.record.code, results, now);
    this.record.status = 'finished';
    this.record.results = results;
    this.record.finished = now;
    this.record.deadline = null;
    tableFinished(this.ctx, this.record.code);
    this.autoDispose = true;
    this.syncState();
    this.queueViews();
    this.updateListing();
    if (this.clients.length === 0) this.clock.setTimeout(() => void this.disconnect().catch(() => undefined), 0);
  }

  /** What a finished game stores and the HTTP API serves. */
  private results(): TableResults {
    const g = this.game;
    return {
      code: this.record.code,
      scenario: { id: g.scenario.id, name: g.scenario.name },
      mode: g.config.mode,
      seed: g.config.seed,
      totalRounds: g.totalRounds,
      seats: this.record.seats.map((s) => ({
        seat: s.seat,
        roleId: g.scenario.roles[s.seat].id,
        roleName: g.scenario.roles[s.seat].name,
        name: s.name,
        kind: s.kind,
        bot: s.bot ? botLabel(s.bot) : null,
        standIn: s.standIn,
      })),
      score: scoreGame(g),
      pointsByRound: g.history.map((h) => h.points),
      guesses: this.record.settings.guesses ?? [],
      finished: this.ctx.now(),
    };
  }

  // -------------------------------------------------------------------------------------------
  // What clients receive

  private sendEvents(events: readonly GameEvent[]): void {
    if (events.length === 0) return;
    for (const member of this.members.values()) {
      if (!member.connected || member.superseded) continue;
      const seat = member.seat;
      const mine = events.filter((e) => hears(seat, e));
      if (mine.length === 0) continue;
      const message: EventsMessage = { seq: this.seq, events: mine };
      member.client.send(SERVER_MESSAGES.events, message);
    }
  }

  /** Views go out once per burst of actions (a bot's chain of moves is one redraw). */
  private queueViews(): void {
    if (this.viewsQueued) return;
    this.viewsQueued = true;
    queueMicrotask(() => {
      this.viewsQueued = false;
      if (this.closing) return;
      const cache = new Map<Seat | null, ViewMessage>();
      for (const member of this.members.values()) {
        if (!member.connected || member.superseded) continue;
        let message = cache.get(member.seat);
        if (!message) {
          message = this.viewMessage(member.seat);
          cache.set(member.seat, message);
        }
        member.client.send(SERVER_MESSAGES.view, message);
      }
    });
  }

  private sendView(client: Client, seat: Seat | null): void {
    client.send(SERVER_MESSAGES.view, this.viewMessage(seat));
  }

  private viewMessage(seat: Seat | null): ViewMessage {
    const practice = practiceView(this.record, this.game, seat);
    return practice ? { seq: this.seq, view: viewFor(this.game, seat), practice } : { seq: this.seq, view: viewFor(this.game, seat) };
  }

  /** What this seat heard before it (re)joined, rebuilt from the log under the same audience rule. */
  private sendBacklog(client: Client, seat: Seat | null): void {
    const record = { scenario: this.record.scenario, config: this.record.config, log: this.ctx.store.log(this.record.code) };
    const message: BacklogMessage = { seq: this.seq, batches: heardBy(record, seat) };
    client.send(SERVER_MESSAGES.backlog, message);
  }

  /** Projects the public lobby facts into the schema state (only changed fields are sent). */
  private syncState(): void {
    const s = this.state;
    const g = this.game;
    s.status = this.record.status === 'finished' ? 'ended' : g.phase === 'prepare' ? 'prepare' : 'playing';
    s.phase = g.phase;
    s.round = g.round;
    s.deadline = this.record.deadline ?? 0;
    s.seq = this.seq;
    let spectators = 0;
    for (const m of this.members.values()) if (m.seat === null && m.connected && !m.superseded) spectators++;
    s.spectators = spectators;
    const ended = this.record.status === 'finished';
    for (const rec of this.record.seats) {
      const info = s.seats[rec.seat];
      const session = this.seatSession.get(rec.seat);
      const member = session === undefined ? undefined : this.members.get(session);
      info.name = rec.name ?? '';
      info.kind = rec.kind;
      info.playedBy = rec.kind === 'bot' || rec.standIn ? 'bot' : rec.tokenHash === null ? 'nobody' : 'human';
      info.connected = member?.connected ?? false;
      info.ready = g.seats[rec.seat].ready;
      info.host = member?.host ?? false;
      info.bot = ended && rec.bot ? botLabel(rec.bot) : '';
    }
  }

  private updateListing(): void {
    void this.setMatchmaking({ metadata: this.listing() }).catch(() => undefined);
  }

  /** Public facts for the lobby list of public tables. */
  private listing(): TableListing {
    return {
      code: this.record.code,
      scenario: this.record.scenario.name,
      mode: this.record.config.mode,
      phase: this.game.phase,
      round: this.game.round,
      freeSeats: this.record.seats.filter((s) => s.kind === 'human' && s.tokenHash === null).length,
      seats: this.record.seats.length,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Shutdown: everything is already committed; tell the clients and let them go.

  onBeforeShutdown(): void {
    this.closing = true;
    this.bots.stop();
    this.broadcast(SERVER_MESSAGES.shutdown, {
      message: 'The server is restarting. Your table is saved: rejoin with your seat token in a moment.',
    });
    void this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
  }

  onDispose(): void {
    this.closing = true;
    this.bots?.stop();
  }

  /** For tests and the operator: the engine state and log length behind this room. */
  snapshot(): { game: GameState; seq: number; record: TableRecord } {
    return { game: this.game, seq: this.seq, record: this.record };
  }
}


export interface TableResults {
  code: string;
  scenario: { id: string; name: string };
  mode: string;
  seed: number;
  totalRounds: number;
  seats: { seat: Seat; roleId: string; roleName: string; name: string | null; kind: 'human' | 'bot'; bot: string | null; standIn: boolean }[];
  score: ReturnType<typeof scoreGame>;
  pointsByRound: number[][];
  /** Trust-game practice: the guesses each person locked in. */
  guesses: LockedGuesses[];
  finished: number;
}

function restoreRequest(options: unknown, key: string): string | null {
  if (typeof options !== 'object' || options === null) return null;
  const r = (options as Partial<RestoreOptions>).restore;
  if (!r || typeof r !== 'object' || r.key !== key || typeof r.code !== 'string') return null;
  return r.code;
}

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
