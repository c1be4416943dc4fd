// One class session (issue 10): its waiting room, its facilitator's console and its projector,
// live. Students join it with the session's code and a name, wait, and are seated by the
// facilitator (or, once tables exist, as they arrive); each seated student gets a fresh seat
// token of its table, so the same name on another device gets the same seat back. The tables are
// ordinary tables (TableRoom) created by this room; the facilitator's commands (routes.ts, with
// the key) reach them through TableRoom.facilitate. Everything durable is in the store, so after
// a server kill the session and its tables come back (restoreSessions).
import { TRUST_GAME_ID } from '../../shared/trust-game/scenario';
import { ClientState, CloseCode, matchMaker, Room, type AuthContext, type Client } from '@colyseus/core';
import { randomBytes } from 'node:crypto';
import {
  CLASS_MESSAGES,
  NAME_RELEASED,
  type ClassAnswerMessage,
  type ConsoleModel,
  type ConsoleTable,
  type StudentModel,
} from '../../shared/class/console';
import type { ClassAnswer } from '../../shared/class/input';
import { classQuestions, validAnswer } from '../../shared/class/questions';
import { classFrame, FloodGuard, sendError } from './messages';
import { joinError, cleanName, hashToken, newToken, sameName } from '../rooms/setup';
import { CLASS_TABLE, type FacilitatorCommand } from '../rooms/facilitate';
import type { TableRoom } from '../rooms/TableRoom';
import { context, type ServerContext } from '../context';
import { answerRow, sessionRow, type SessionRecord, type StudentRecord } from '../store/sessions';
import { placeStudents, tablesFor } from './seating';
import { consoleOf, offline, studentOf } from './models';
import { NameClaims } from './names';
import { liveTable, projectorModel, seatKey, type Seating } from './summary';
import { replay } from '../../shared/record/log';

/** Options only this process passes: open the session stored under `code`. */
export interface ClassRoomOptions {
  session: { code: string; key: string };
}

/** A student's connection carries the student's name claim: the private token their browser keeps. */
type Role = { kind: 'facilitator' } | { kind: 'projector' } | { kind: 'student'; student: string; claim: string };

export type SessionCommand =
  | { type: 'seat-all' }
  | { type: 'assign'; student: string; table: string; seat: number }
  | { type: 'table'; table: string | null; command: Extract<FacilitatorCommand, { type: TableCommandType }> }
  | { type: 'message'; text: string }
  | { type: 'release'; student: string }
  | { type: 'end' };

export type TableCommandType = 'start' | 'pause' | 'resume' | 'extend' | 'close' | 'hold' | 'give-back';

/** Colyseus's frame reader, private in its typings; the session frames (join, ping, leave) still go through it. */
interface FrameReader {
  _onMessage(client: Client, buffer: Uint8Array): void;
}
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with .call(room, …)
const colyseusOnMessage = (Room.prototype as unknown as FrameReader)._onMessage;

export class ClassRoom extends Room {
  autoDispose = false;
  // Students send only their answers: a handful a minute. Each connection's frames pass the tables' flood guard
  // (rooms/admission.ts), which disconnects a flood; this is Colyseus's own ceiling on the session frames.
  maxMessagesPerSecond = 20;
  /** Each connection's flood guard. */
  private flood = new FloodGuard(() => this.ctx.settings);
  // A class of 60 with reloads and second devices stays far below; a script opening thousands does not.
  maxClients = 500;
  private ctx!: ServerContext;
  private session!: SessionRecord;
  private answers: ClassAnswer[] = [];
  private roles = new Map<string, Role>();
  /** The seat token last handed to each seated student (memory only: the table keeps its hash). */
  private tokens = new Map<string, string>();
  /** The last summary of each table (kept when its room is gone after the game). */
  private lastTables = new Map<string, ConsoleTable>();
  /** What each connection was last sent, to send only what changed. */
  private lastSent = new Map<string, string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private listener = () => this.changed();
  private names!: NameClaims;
  /** Connections let go because the facilitator released their student's name: no reconnection for them. */
  private released = new Set<string>();
  /** Each connection's client address: counted with the server's per-address connections. */
  private addressOf = new Map<string, string>();
  /** The last join, leave or command: a session nobody started expires after `unstartedTableSeconds` idle. */
  private lastActivity = 0;
  /** Commands run one at a time: seating creates tables, which takes a moment. */
  private queue: Promise<unknown> = Promise.resolve();

  async onCreate(options: ClassRoomOptions): Promise<void> {
    this.ctx = context();
    const o = options?.session;
    if (!o || o.key !== this.ctx.restoreKey) throw new Error('a session is opened by the server only');
    const session = await this.ctx.store.getSession(o.code);
    if (!session) throw new Error(`no session ${o.code}`);
    this.session = session;
    this.answers = await this.ctx.store.answers(o.code);
    this.roomId = session.code;
    await this.setPrivate(true);
    this.ctx.classes.listen(session.code, this.listener);
    // After a restart nobody is connected yet: every name is held from now, as if its device had just left.
    this.names = new NameClaims(this.ctx.now, () => this.ctx.settings.nameHoldSeconds);
    this.names.restored(session.students);
    for (const code of session.tables) {
      if (this.table(code)) continue;
      const record = await this.ctx.store.getTable(code);
      // A finished table's room is gone: its record and log say what the console showed.
      if (record?.status === 'finished') {
        const game = replay({ scenario: record.scenario, config: record.config, log: await this.ctx.store.log(code) });
        const input = { record, game, connected: () => false, paused: false, remaining: 0 };
        this.lastTables.set(code, liveTable(this.labelOf(code), input, this.seating(), this.ctx.now()));
      }
    }
    (this as unknown as FrameReader)._onMessage = (client, buffer) => this.onFrame(client, buffer);
    this.lastActivity = this.ctx.now();
    this.clock.setInterval(() => void this.expireIfIdle(), 60_000);
  }

  /**
   * Ends the session (and its tables) when nobody started any of its tables, nobody is connected and nothing
   * happened for `unstartedTableSeconds`, like a table nobody started; true when it did.
   */
  async expireIfIdle(): Promise<boolean> {
    if (this.session.status === 'ended' || this.clients.length > 0) return false;
    if (this.ctx.now() - this.lastActivity < this.ctx.settings.unstartedTableSeconds * 1000) return false;
    if (this.session.tables.some((code) => this.tableSummary(code)?.status !== 'prepare')) return false;
    this.ctx.log(
      `[class ${this.session.code}] never started: ended after ${this.ctx.settings.unstartedTableSeconds} s idle`,
    );
    await this.command({ type: 'end' });
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Who connects: the facilitator (key), the projector (public facts) or a student (a name).

  onAuth(client: Client, options: Record<string, unknown> | undefined, auth: AuthContext): Role {
    const o = options ?? {};
    const address = auth.ip ?? 'unknown';
    const role = this.admit(o, address);
    this.addressOf.set(client.sessionId, address);
    return role;
  }

  private admit(o: Record<string, unknown>, address: string): Role {
    if (o.key !== undefined) {
      const verdict = this.ctx.classes.keys.check(address, o.key, this.session.keyHash);
      if (verdict === 'throttled')
        throw joinError('too-many-guesses', 'Too many wrong keys from your address; wait a while.');
      if (verdict !== 'ok') throw joinError('bad-token', 'That facilitator key is not this session’s.');
      return { kind: 'facilitator' };
    }
    if (o.projector === true) {
      this.checkAddress(address);
      return { kind: 'projector' };
    }
    if (this.session.status === 'ended') throw joinError('table-over', 'This class session has ended.');
    const name = cleanName(typeof o.name === 'string' ? o.name : undefined);
    if (name === null) throw joinError('bad-name', 'Choose a name of 1 to 24 characters.');
    const roster = this.session.setup.roster;
    if (roster.length > 0 && !roster.some((r) => sameName(r, name)))
      throw joinError('bad-name', 'That name is not on this class’s list: pick yours from the list.');
    return this.claimName(name, typeof o.claim === 'string' ? o.claim : null, address);
  }

  /** The server's per-address connection limit (as at tables); a student's own claim and the key pass it. */
  private checkAddress(address: string): void {
    const limit = this.ctx.settings.maxConnectionsPerAddress;
    if (limit > 0 && this.ctx.addresses.count(address) >= limit)
      throw joinError('too-many-connections', `Your address already holds ${limit} connections to this server.`);
  }

  /** A student by name: whose name it is (names.ts), within the address and session limits. */
  private claimName(name: string, claim: string | null, address: string): Role {
    const known = this.session.students.find((st) => sameName(st.name, name));
    if (!this.names.holds(known, claim)) this.checkAddress(address);
    const cap = this.ctx.settings.maxStudentsPerSession;
    if (!known && this.session.students.length >= cap)
      throw joinError('table-full', `This class session is full: it takes ${cap} students.`);
    const here = [...this.roles.values()].some((r) => r.kind === 'student' && r.student === known?.id);
    try {
      this.names.check(known, claim, here);
    } catch (e) {
      this.changed();
      throw e;
    }
    const student = known ?? this.newStudent(name);
    const issued = this.names.issue(student, claim);
    if (issued.changed) this.save();
    return { kind: 'student', student: student.id, claim: issued.claim };
  }

  private newStudent(name: string): StudentRecord {
    const roster = this.session.setup.roster.find((r) => sameName(r, name));
    const student: StudentRecord = {
      id: `s${randomBytes(4).toString('hex')}`,
      name: roster ?? name,
      joined: this.ctx.now(),
      table: null,
      seat: null,
    };
    this.session.students.push(student);
    this.save();
    return student;
  }

  onJoin(client: Client, _options: unknown, role: Role): void {
    this.roles.set(client.sessionId, role);
    this.ctx.addresses.add(this.addressOf.get(client.sessionId) ?? 'unknown');
    this.lastActivity = this.ctx.now();
    if (role.kind === 'student') {
      const student = this.student(role.student);
      if (student?.table !== null && student?.table !== undefined) {
        // A new connection (a reload, another device): a new seat token, the old one closed out.
        this.issueToken(student);
      } else if (student && this.session.status === 'running') {
        void this.run(() => this.seatWaiting());
      }
    }
    this.sendTo(client, true);
    this.changed();
  }

  async onLeave(client: Client, code?: number): Promise<void> {
    const role = this.roles.get(client.sessionId);
    const released = this.released.delete(client.sessionId);
    if (role?.kind === 'student' && code !== CloseCode.CONSENTED && !released) {
      try {
        await this.allowReconnection(client, this.ctx.settings.reconnectSeconds);
        this.sendTo(client, true);
        return;
      } catch {
        // gone for good
      }
    }
    this.roles.delete(client.sessionId);
    this.lastSent.delete(client.sessionId);
    this.forgetAddress(client.sessionId);
    this.flood.forget(client.sessionId);
    this.lastActivity = this.ctx.now();
    if (role?.kind === 'student') this.names.left(role.student);
    this.changed();
  }

  private forgetAddress(sessionId: string): void {
    const address = this.addressOf.get(sessionId);
    if (address === undefined) return;
    this.addressOf.delete(sessionId);
    this.ctx.addresses.remove(address);
  }

  onDispose(): void {
    for (const id of [...this.addressOf.keys()]) this.forgetAddress(id);
    this.ctx.classes.unlisten(this.session.code, this.listener);
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  // -------------------------------------------------------------------------------------------
  // Facilitator commands (routes.ts has checked the key).

  /**
   * Runs a command after the ones before it; resolves to a refusal, or null when done. `address`: the facilitator's,
   * against which every table the command creates is counted (the server's tables-per-address limit).
   */
  command(c: SessionCommand, address = 'unknown'): Promise<string | null> {
    this.lastActivity = this.ctx.now();
    return this.run(() => this.execute(c, address));
  }

  private run<T>(fn: () => Promise<T> | T): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A command's answer comes once what it changed is durable (its tables' writes and the session's). */
  private async execute(c: SessionCommand, address: string): Promise<string | null> {
    const refusal = await this.executeNow(c, address);
    await Promise.all(this.session.tables.map((code) => this.table(code)?.settled() ?? Promise.resolve()));
    await this.saveNow();
    return refusal;
  }

  private async executeNow(c: SessionCommand, address: string): Promise<string | null> {
    if (this.session.status === 'ended') return 'This session has ended.';
    switch (c.type) {
      case 'seat-all':
        return this.seatAll(address);
      case 'assign':
        return this.assign(c.student, c.table, c.seat);
      case 'release': {
        const student = this.student(c.student);
        if (!student) return 'There is no such student in this session.';
        // The next device to type this name becomes the student; the devices holding the old claim are let go (and
        // told why, so that their page does not join again by itself and take the name back).
        this.names.release(student);
        for (const client of this.clients) {
          const role = this.roles.get(client.sessionId);
          if (role?.kind === 'student' && role.student === student.id) {
            this.released.add(client.sessionId);
            client.leave(NAME_RELEASED);
          }
        }
        // A fresh seat token for nobody yet: the old device's table connection is closed out now, not only once the
        // new device arrives.
        this.issueToken(student);
        this.save();
        this.changed();
        return null;
      }
      case 'message': {
        const text = c.text.trim().slice(0, 280);
        if (text.length === 0) return 'Write a message first.';
        this.session.messages.push({ time: this.ctx.now(), text });
        this.save();
        for (const code of this.session.tables) this.table(code)?.facilitate({ type: 'notice', text });
        this.changed();
        return null;
      }
      case 'end': {
        for (const code of this.session.tables) this.table(code)?.facilitate({ type: 'end' });
        this.session.status = 'ended';
        this.session.ended = this.ctx.now();
        await this.saveNow();
        this.changed();
        return null;
      }
      case 'table': {
        const codes = c.table === null ? this.session.tables : [c.table];
        if (codes.length === 0) return 'There are no tables yet: seat the students first.';
        const refusals: string[] = [];
        for (const code of codes) {
          if (!this.session.tables.includes(code)) return 'That table is not in this session.';
          const room = this.table(code);
          const refusal = room ? room.facilitate(c.command) : 'This table’s game is over.';
          if (refusal !== null) refusals.push(codes.length > 1 ? `${this.labelOf(code)}: ${refusal}` : refusal);
        }
        this.changed();
        // For all tables, the command counts when it did something anywhere.
        return refusals.length === codes.length ? refusals.join(' ') : null;
      }
    }
  }

  /** Everyone waiting gets a seat: tables created first if there are none. */
  private async seatAll(address: string): Promise<string | null> {
    const waiting = this.session.students.filter((s) => s.table === null);
    const fixed = this.session.setup.tables;
    if (this.session.tables.length === 0) {
      if (waiting.length === 0) return 'Nobody is waiting yet.';
      const tooMany = await this.createTables(tablesFor(waiting.length, this.humanSeats().length, fixed), address);
      return tooMany ?? this.seatWaiting();
    }
    const refusal = this.seatWaiting();
    const left = this.session.students.filter((s) => s.table === null).length;
    // Latecomers beyond every free seat get tables of their own: as many as they fill, up to a fixed number.
    const more = fixed === null ? tablesFor(left, this.humanSeats().length, null) : fixed - this.session.tables.length;
    if (left === 0 || more <= 0) return refusal;
    const tooMany = await this.createTables(Math.min(more, tablesFor(left, this.humanSeats().length, null)), address);
    return tooMany ?? this.seatWaiting();
  }

  private humanSeats(): number[] {
    return this.session.setup.seats.flatMap((s, seat) => (s.kind === 'human' ? [seat] : []));
  }

  /** Makes up to `count` tables, each counted against `address`; a refusal when the address may make fewer. */
  private async createTables(count: number, address: string): Promise<string | null> {
    const setup = this.session.setup;
    const start = this.session.tables.length;
    let allowed = 0;
    while (allowed < count && this.ctx.creations.take(address)) allowed++;
    const created = await Promise.all(
      Array.from({ length: allowed }, async (_, i) => {
        const label = `Table ${start + i + 1}`;
        const seed = setup.seeds?.[start + i];
        const listing = await matchMaker.createRoom('table', {
          // The trust game's table is named, never given (its setup refuses any other scenario).
          scenario: setup.mode === 'trust' ? TRUST_GAME_ID : (setup.scenario as unknown as Record<string, unknown>),
          mode: setup.mode,
          seats: setup.seats,
          durations: setup.durations,
          policy: setup.policy,
          private: true,
          spectate: true,
          ...(setup.roundRange ? { roundRange: setup.roundRange } : {}),
          ...(setup.rounds !== undefined ? { rounds: setup.rounds } : {}),
          ...(setup.mode === 'trust' ? { players: setup.seats.length } : {}),
          ...(seed !== undefined ? { seed } : {}),
          [CLASS_TABLE]: { key: this.ctx.restoreKey, code: this.session.code, label },
        });
        return listing.roomId;
      }),
    );
    this.session.tables.push(...created);
    if (created.length > 0) this.session.status = 'running';
    await this.saveNow();
    return allowed < count
      ? `Too many new tables from your address: ${allowed} of ${count} made; wait a few minutes for the rest.`
      : null;
  }

  /** Students without a seat take the free person seats, fewest people first (seating.ts). */
  private seatWaiting(): string | null {
    const waiting = this.session.students.filter((s) => s.table === null);
    if (waiting.length === 0) return null;
    const codes = this.session.tables;
    const free = codes.map((code) => this.freeSeats(code));
    const people = codes.map((code) => this.session.students.filter((s) => s.table === code).length);
    const places = placeStudents(waiting.length, free, people);
    let unplaced = 0;
    places.forEach((place, i) => {
      if (!place) {
        unplaced++;
        return;
      }
      this.seat(waiting[i], codes[place.table], place.seat);
    });
    this.save();
    this.changed();
    return unplaced > 0 ? `${unplaced} student(s) wait: every seat for a person is taken.` : null;
  }

  /** Person seats nobody holds at an open table (a bot standing in for nobody counts as free). */
  private freeSeats(code: string): number[] {
    const room = this.table(code);
    if (!room) return [];
    const { record } = room.summary();
    if (record.status !== 'open') return [];
    const taken = new Set(this.session.students.filter((s) => s.table === code).map((s) => s.seat));
    return record.seats
      .filter((s) => s.kind === 'human' && s.tokenHash === null && !s.held && !taken.has(s.seat))
      .map((s) => s.seat);
  }

  private seat(student: StudentRecord, code: string, seat: number): string | null {
    const room = this.table(code);
    if (!room) return 'That table’s game is over.';
    const token = newToken();
    const refusal = room.facilitate({
      type: 'assign',
      seat,
      name: this.tableName(student, code, seat),
      tokenHash: hashToken(token),
    });
    if (refusal !== null) return refusal;
    student.table = code;
    student.seat = seat;
    this.tokens.set(student.id, token);
    return null;
  }

  /** What the table calls the student: the role's name in an anonymous session. */
  private tableName(student: StudentRecord, code: string, seat: number): string {
    if (!this.session.setup.anonymous) return student.name;
    return this.table(code)?.summary().record.scenario.roles[seat].name ?? student.name;
  }

  private issueToken(student: StudentRecord): void {
    if (student.table === null || student.seat === null) return;
    const room = this.table(student.table);
    if (!room || room.summary().record.status !== 'open') return;
    const token = newToken();
    const refusal = room.facilitate({
      type: 'assign',
      seat: student.seat,
      name: this.tableName(student, student.table, student.seat),
      tokenHash: hashToken(token),
    });
    if (refusal === null) this.tokens.set(student.id, token);
  }

  /** By hand: a student to a seat (before the start; a late arrival to a free seat at any time). */
  private assign(id: string, code: string, seat: number): string | null {
    const student = this.student(id);
    if (!student) return 'There is no such student in this session.';
    if (!this.session.tables.includes(code)) return 'That table is not in this session.';
    const room = this.table(code);
    if (!room) return 'That table’s game is over.';
    if (student.table === code && student.seat === seat) return null;
    const target = room.summary().record.seats[seat];
    if (!target || target.kind !== 'human') return 'That seat is not for a person.';
    const occupant = this.session.students.find((s) => s.table === code && s.seat === seat);
    if (occupant) return `${occupant.name} sits there; move them first.`;
    if (target.tokenHash !== null && !this.session.students.some((s) => s.table === code && s.seat === seat))
      return 'Someone already sits there.';
    if (student.table !== null && student.seat !== null) {
      const from = this.table(student.table);
      if (from && from.summary().game.phase !== 'prepare') return 'A seated student moves only before the start.';
      const refusal = from?.facilitate({ type: 'unassign', seat: student.seat }) ?? null;
      if (refusal !== null) return refusal;
      student.table = null;
      student.seat = null;
      this.tokens.delete(student.id);
    }
    const refusal = this.seat(student, code, seat);
    this.save();
    this.changed();
    return refusal;
  }

  // -------------------------------------------------------------------------------------------
  // Before/after answers, from the student's own screen.

  /** Every frame a client sends: session frames to Colyseus, an answer to onAnswer, anything else a typed error. */
  private onFrame(client: Client, buffer: Uint8Array): void {
    if (client.state === ClientState.LEAVING) return;
    const frame = classFrame(buffer, this.ctx.settings.maxPayloadChars);
    if (frame.kind === 'session') return colyseusOnMessage.call(this, client, buffer);
    if (!this.flood.admit(client)) return;
    if (frame.kind === 'refused') return sendError(client, frame.code, frame.message, frame.type);
    const refusal = this.onAnswer(client, frame.message);
    if (refusal !== null) sendError(client, 'bad-payload', refusal, CLASS_MESSAGES.answer);
  }

  /** Records a student's answer; a refusal sentence when it is not one to record now. */
  private onAnswer(client: Client, message: ClassAnswerMessage): string | null {
    const role = this.roles.get(client.sessionId);
    if (role?.kind !== 'student') return 'Only students answer the questions.';
    if (!this.session.setup.questions) return 'This session asks no questions.';
    const student = this.student(role.student);
    if (!student) return 'You are not in this session.';
    const phase = this.questionPhase(student);
    if (phase === null || message.phase !== phase) return `The ${message.phase} questions are not open now.`;
    const question = classQuestions(this.session.setup.scenario).find((q) => q.id === message.question);
    if (!question) return `There is no question "${message.question}".`;
    if (!validAnswer(question, message.answer)) return `That is not an answer to "${question.id}".`;
    const answer: ClassAnswer = {
      student: student.id,
      table: student.table,
      seat: student.seat,
      question: question.id,
      phase,
      answer: message.answer,
      time: this.ctx.now(),
    };
    this.answers = [
      ...this.answers.filter(
        (a) => !(a.student === answer.student && a.question === answer.question && a.phase === phase),
      ),
      answer,
    ];
    void this.ctx.store
      .write([answerRow(this.session.code, answer)])
      .catch((e: Error) => this.ctx.log(`answer not saved: ${e.message}`));
    this.changed();
    return null;
  }

  /** Before the first round is played at the student's table; after, once its game is over. */
  private questionPhase(student: StudentRecord): 'before' | 'after' | null {
    if (!this.session.setup.questions) return null;
    const table = student.table === null ? null : this.tableSummary(student.table);
    if (table === null || table.status === 'prepare') return 'before';
    if (table.status === 'ended') return 'after';
    return table.round <= 1 && table.phase === 'negotiate' ? 'before' : null;
  }

  // -------------------------------------------------------------------------------------------
  // What each screen sees, sent soon after any change (coalesced: one send per change burst).

  private changed(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, 0);
  }

  private flush(): void {
    // A student back before their table (restored after a restart, or elsewhere): the seat token
    // is handed out as soon as the table is here.
    for (const role of this.roles.values()) {
      if (role.kind !== 'student' || this.tokens.has(role.student)) continue;
      const student = this.student(role.student);
      if (student?.table) this.issueToken(student);
    }
    const model = this.consoleModel();
    for (const client of this.clients) this.sendTo(client, false, model);
  }

  private sendTo(client: Client, force: boolean, model = this.consoleModel()): void {
    const role = this.roles.get(client.sessionId);
    if (!role) return;
    let type: string;
    let body: unknown;
    if (role.kind === 'facilitator') [type, body] = [CLASS_MESSAGES.console, model];
    else if (role.kind === 'projector') [type, body] = [CLASS_MESSAGES.projector, projectorModel(model)];
    else {
      const student = this.student(role.student);
      if (!student) return;
      [type, body] = [CLASS_MESSAGES.student, this.studentModel(student, model, role.claim)];
    }
    const text = JSON.stringify(body);
    if (!force && role.kind !== 'facilitator' && this.lastSent.get(client.sessionId) === text) return;
    this.lastSent.set(client.sessionId, text);
    client.send(type, body);
  }

  consoleModel(): ConsoleModel {
    const s = this.session;
    const seating = this.seating();
    const now = this.ctx.now();
    const tables = s.tables.map((code) => {
      const room = this.table(code);
      const summary = room ? liveTable(this.labelOf(code), room.summary(), seating, now) : this.lastTables.get(code);
      if (summary) this.lastTables.set(code, summary);
      return summary ?? offline(code, this.labelOf(code));
    });
    const present = new Set<string>();
    for (const role of this.roles.values()) if (role.kind === 'student') present.add(role.student);
    return consoleOf(s, tables, present, this.answers, now, this.names.attempts);
  }

  private studentModel(student: StudentRecord, model: ConsoleModel, claim: string): StudentModel {
    return studentOf(
      this.session,
      student,
      model,
      this.tokens.get(student.id),
      this.questionPhase(student),
      this.answers,
      claim,
    );
  }

  // -------------------------------------------------------------------------------------------

  private seating(): Seating {
    const seating: Seating = new Map();
    for (const s of this.session.students)
      if (s.table !== null && s.seat !== null) seating.set(seatKey(s.table, s.seat), { id: s.id, name: s.name });
    return seating;
  }

  private tableSummary(code: string): ConsoleTable | null {
    const room = this.table(code);
    if (room) return liveTable(this.labelOf(code), room.summary(), this.seating(), this.ctx.now());
    return this.lastTables.get(code) ?? null;
  }

  private labelOf(code: string): string {
    return `Table ${this.session.tables.indexOf(code) + 1}`;
  }

  private table(code: string): TableRoom | undefined {
    return matchMaker.getLocalRoomById(code) as TableRoom | undefined;
  }

  private student(id: string): StudentRecord | undefined {
    return this.session.students.find((s) => s.id === id);
  }

  /** The session as it is now, in the store (in order with every other write of this process). */
  private save(): void {
    void this.saveNow().catch((e: Error) => this.ctx.log(`[class ${this.session.code}] not saved: ${e.message}`));
  }

  private saveNow(): Promise<void> {
    return this.ctx.store.write([sessionRow(this.session)]);
  }

  /** For tests and the operator. */
  record(): SessionRecord {
    return this.session;
  }

  /** The answers given so far. */
  given(): ClassAnswer[] {
    return this.answers;
  }
}
