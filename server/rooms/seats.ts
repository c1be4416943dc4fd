// Seats and tokens: who may sit where, the connections that hold seats, reconnection, the newest
// tab winning a seat, and the takeover of an empty seat by a bot in class (DESIGN 5).
import { CloseCode, type Client, type Clock, type Deferred, type Delayed } from '@colyseus/core';
import { botLabel, type BotSpec } from '../../shared/bots/bot';
import type { Seat } from '../../shared/engine/types';
import { joinOptions } from '../../shared/protocol';
import type { BotDriver } from '../bots/driver';
import type { ServerContext } from '../context';
import type { SeatEventKind, SeatRecord, TableRecord, WriteOp } from '../store/store';
import { newRate, type RateState } from './admission';
import { creatorKeyOf } from '../matchmaking';
import { cleanName, hashToken, joinError, newToken, sameName, seatOfRole, STAND_IN } from './setup';

interface HostDecision {
  host: boolean;
  /** The host token to hand this connection: the creator key for the table's creator. */
  hostToken: string | null;
}

export type JoinDecision = HostDecision &
  ({ kind: 'spectate' } | { kind: 'reclaim'; seat: Seat; token: string } | { kind: 'claim'; seat: Seat; name: string });

export interface Member {
  client: Client;
  /** The client's address (counted in ctx.addresses while this member exists). */
  address: string;
  seat: Seat | null;
  host: boolean;
  connected: boolean;
  /** Another connection took this seat; this one only waits to be closed. */
  superseded: boolean;
  reconnection: Deferred<Client> | null;
  rate: RateState;
  /** Frames from this connection that could not be read (logged once, then counted). */
  unreadable: number;
  /** The version of its seat's view this connection has (outbox.ts); 0 before the first. */
  viewVersion: number;
}

/** What the seats need from their table. */
export interface SeatsHost {
  readonly ctx: ServerContext;
  record(): TableRecord;
  seq(): number;
  bots(): BotDriver;
  clock(): Clock;
  closing(): boolean;
  /** Something the table's clients see changed: the public state, and whether a phase can close. */
  changed(): void;
  /** Records a write to the store (journal.ts). */
  write(op: WriteOp): void;
}

export class Seats {
  readonly members = new Map<string, Member>();
  /** The connection that holds each seat (by session id). */
  private seatSession = new Map<Seat, string>();
  private takeoverTimers = new Map<Seat, Delayed>();

  constructor(private host: SeatsHost) {}

  private get record(): TableRecord {
    return this.host.record();
  }

  /** onAuth: what a join asks for, refused with a join error when it cannot be had. */
  decide(options: unknown, address: string): JoinDecision {
    const parsed = joinOptions.safeParse(options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw joinError('bad-options', `${issue.path.join('.') || 'options'}: ${issue.message}`);
    }
    const o = parsed.data;
    const record = this.record;
    // Host rights come from creating the table (the creator key of its own reservation, see
    // matchmaking.ts) or from the host token that creator was given; never from arrival order.
    const hostToken =
      [creatorKeyOf(options), o.hostToken ?? null].find((t) => t !== null && record.hostTokenHash === hashToken(t)) ??
      null;
    const host = hostToken !== null;
    if (o.token !== undefined) {
      const hash = hashToken(o.token);
      const seat = record.seats.find((s) => s.tokenHash === hash);
      if (!seat) throw joinError('bad-token', 'That seat token is not valid at this table.');
      if (seat.held && record.status === 'open')
        throw joinError('seat-held', 'The facilitator handed your seat to a bot for now; wait until it is given back.');
      // A seat's own token always gets back in: no cap below applies to it.
      return { kind: 'reclaim', seat: seat.seat, token: o.token, host, hostToken };
    }
    this.checkRoom(o.spectate === true, address);
    if (o.spectate) return { kind: 'spectate', host, hostToken };
    // A class table's seats are handed out by its session (with a seat token): a student who knows the table's code
    // must not take a second seat, nor anyone a seat outside the session.
    if (record.settings.session)
      throw joinError('class-table', 'This table belongs to a class session: join through your class code.');
    if (record.status === 'finished')
      throw joinError('table-over', 'This game is over; you can watch its debrief as a spectator.');
    const name = cleanName(o.name);
    if (name === null) throw joinError('bad-name', 'Choose a name of 1 to 24 characters.');
    if (record.seats.some((s) => s.name !== null && sameName(s.name, name)))
      throw joinError('name-taken', `Someone at this table is already called "${name}".`);
    return { kind: 'claim', seat: this.chooseSeat(o.role), name, host, hostToken };
  }

  /** Spectators have places of their own, so they can never fill a table; one address cannot take them all. */
  private checkRoom(spectate: boolean, address: string): void {
    const { maxSpectators, maxConnectionsPerAddress } = this.host.ctx.settings;
    if (spectate && this.spectators() >= maxSpectators)
      throw joinError('spectators-full', `This table already has ${maxSpectators} spectators.`);
    if (maxConnectionsPerAddress > 0 && this.host.ctx.addresses.count(address) >= maxConnectionsPerAddress)
      throw joinError(
        'too-many-connections',
        `Your address already holds ${maxConnectionsPerAddress} connections to this server.`,
      );
  }

  private chooseSeat(role: string | number | undefined): Seat {
    const record = this.record;
    const free = (s: SeatRecord) => s.kind === 'human' && s.tokenHash === null;
    if (role !== undefined) {
      const seat = seatOfRole(record.scenario, role);
      if (seat === null) throw joinError('bad-options', `role: this scenario has no role "${String(role)}".`);
      if (!free(record.seats[seat])) throw joinError('role-taken', `${record.scenario.roles[seat].name} is not free.`);
      return seat;
    }
    const seat = record.seats.find(free);
    if (!seat) throw joinError('table-full', 'Every seat at this table is taken; you can join as a spectator.');
    return seat.seat;
  }

  /**
   * onJoin: claims or reclaims the seat the decision named and records the connection. Returns
   * the new member and the seat token to give it. `listingChanged` is set when a seat was claimed.
   */
  join(
    client: Client,
    decision: JoinDecision,
    address: string,
  ): { member: Member; token: string | null; hostToken: string | null; listingChanged: boolean } {
    const record = this.record;
    // Re-checked here: other joins may have passed onAuth meanwhile.
    if (decision.kind !== 'reclaim') this.checkRoom(decision.kind === 'spectate', address);
    let seat: Seat | null = null;
    let token: string | null = null;
    let listingChanged = false;
    if (decision.kind === 'claim') {
      const rec = record.seats[decision.seat];
      // Re-checked here: another join may have taken the seat since onAuth.
      if (rec.tokenHash !== null) throw joinError('role-taken', `${record.scenario.roles[rec.seat].name} is not free.`);
      if (record.seats.some((s) => s.name !== null && sameName(s.name, decision.name)))
        throw joinError('name-taken', `Someone at this table is already called "${decision.name}".`);
      token = newToken();
      rec.name = decision.name;
      rec.tokenHash = hashToken(token);
      this.seatEvent(rec.seat, 'claimed', decision.name);
      if (rec.standIn) this.release(rec, null);
      this.writeSeats();
      listingChanged = true;
      seat = rec.seat;
    } else if (decision.kind === 'reclaim') {
      seat = decision.seat;
      token = decision.token;
      this.supersede(seat);
      const rec = record.seats[seat];
      if (rec.standIn && record.status === 'open') {
        this.release(rec);
        this.writeSeats();
      }
    }
    const { host, hostToken } = decision;
    const member: Member = {
      client,
      address,
      seat,
      host,
      connected: true,
      superseded: false,
      reconnection: null,
      rate: newRate(this.host.ctx.settings),
      unreadable: 0,
      viewVersion: 0,
    };
    this.members.set(client.sessionId, member);
    this.host.ctx.addresses.add(address);
    if (seat !== null) {
      this.seatSession.set(seat, client.sessionId);
      this.cancelTakeover(seat);
    }
    return { member, token, hostToken, listingChanged };
  }

  /** A person takes the seat from its stand-in bot (back, or for the first time when claiming it). */
  private release(rec: SeatRecord, event: SeatEventKind | null = 'reclaimed'): void {
    rec.standIn = false;
    rec.bot = null;
    this.host.bots().forget(rec.seat);
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
    this.remove(old, member);
    if (member.reconnection) (member.reconnection.reject as (reason: Error) => void)(new Error('superseded'));
    else member.client.leave(CloseCode.CONSENTED, 'Your seat was opened in another window.');
  }

  /** onDrop: the member may come back within the reconnection window; returns it, if it counts. */
  dropped(client: Client): Member | null {
    const member = this.members.get(client.sessionId);
    if (!member || member.superseded) return null;
    member.connected = false;
    if (member.seat !== null) this.startTakeover(member.seat);
    return member;
  }

  /** onReconnect: the same session is back; a stand-in that took its seat meanwhile steps aside. */
  reconnected(client: Client): Member | null {
    const member = this.members.get(client.sessionId);
    if (!member) return null;
    member.client = client;
    member.connected = true;
    member.reconnection = null;
    if (member.seat !== null && this.seatSession.get(member.seat) === client.sessionId) {
      this.cancelTakeover(member.seat);
      const rec = this.record.seats[member.seat];
      if (rec.standIn && this.record.status === 'open') {
        this.release(rec);
        this.writeSeats();
      }
    }
    return member;
  }

  /** onLeave: the connection is gone for good; returns its member, if it still counted. */
  left(client: Client): Member | null {
    const member = this.members.get(client.sessionId);
    if (!member) return null;
    this.remove(client.sessionId, member);
    if (member.seat !== null && this.seatSession.get(member.seat) === client.sessionId) {
      this.seatSession.delete(member.seat);
      this.startTakeover(member.seat);
    }
    return member;
  }

  private remove(sessionId: string, member: Member): void {
    this.members.delete(sessionId);
    this.host.ctx.addresses.remove(member.address);
  }

  /** Every member is gone (the room is disposed): their connections no longer count. */
  clear(): void {
    for (const [id, m] of [...this.members]) this.remove(id, m);
  }

  /** The member holding a seat now, if any. */
  holder(seat: Seat): Member | undefined {
    const session = this.seatSession.get(seat);
    return session === undefined ? undefined : this.members.get(session);
  }

  /** Members that receive messages: connected and not superseded. */
  *listening(): Iterable<Member> {
    for (const m of this.members.values()) if (m.connected && !m.superseded) yield m;
  }

  /** Anyone connected to the table now. */
  present(): boolean {
    for (const _ of this.listening()) return true;
    return false;
  }

  spectators(): number {
    let n = 0;
    for (const m of this.listening()) if (m.seat === null) n++;
    return n;
  }

  // -------------------------------------------------------------------------------------------
  // Takeover (DESIGN 5): in class a bot takes a seat whose player is gone; the player reclaims it.

  startTakeover(seat: Seat): void {
    const record = this.record;
    const rec = record.seats[seat];
    if (record.settings.policy !== 'in-class' || record.status !== 'open' || this.host.closing()) return;
    if (rec.kind !== 'human' || rec.standIn || this.takeoverTimers.has(seat)) return;
    const seconds = this.host.ctx.settings.takeoverSeconds;
    this.takeoverTimers.set(
      seat,
      this.host.clock().setTimeout(() => {
        this.takeoverTimers.delete(seat);
        if (this.holder(seat)?.connected) return;
        if (rec.standIn || this.record.status !== 'open') return;
        rec.standIn = true;
        rec.bot = STAND_IN;
        this.writeSeats();
        this.seatEvent(
          seat,
          'takeover',
          `${rec.name ?? 'the player'} was gone ${seconds} s: ${botLabel(STAND_IN)} plays the seat`,
        );
        this.host.bots().wake(seat);
        this.host.changed();
      }, seconds * 1000),
    );
  }

  cancelTakeover(seat: Seat): void {
    this.takeoverTimers.get(seat)?.clear();
    this.takeoverTimers.delete(seat);
  }

  cancelTakeovers(): void {
    for (const seat of [...this.takeoverTimers.keys()]) this.cancelTakeover(seat);
  }

  /** At the start: bots sit in every seat nobody claimed (DESIGN 5); a latecomer can still claim one. */
  fillEmptySeats(): void {
    const record = this.record;
    let filled = false;
    for (const rec of record.seats) {
      if (rec.kind === 'human' && rec.tokenHash === null && !rec.standIn) {
        rec.standIn = true;
        rec.bot = STAND_IN;
        filled = true;
        this.seatEvent(rec.seat, 'stand-in', `nobody took the seat: ${botLabel(STAND_IN)} plays it`);
      }
    }
    if (filled) this.writeSeats();
  }

  // -------------------------------------------------------------------------------------------
  // A class session's facilitator (server/class) seats people by hand: the session hands the
  // seat's token to its student, the table keeps only its hash, as for a seat claimed here.

  /** Gives a seat to a named person (a new token hash: any earlier holder is closed out). */
  assign(seat: Seat, name: string, tokenHash: string): string | null {
    const rec = this.record.seats[seat];
    if (!rec || rec.kind !== 'human') return 'That seat is not for a person.';
    if (this.record.seats.some((s) => s.seat !== seat && s.name !== null && sameName(s.name, name)))
      return `Someone at this table is already called "${name}".`;
    const same = rec.name !== null && sameName(rec.name, name);
    this.supersede(seat);
    rec.name = name;
    rec.tokenHash = tokenHash;
    if (!same) this.seatEvent(seat, 'claimed', name);
    // A stand-in bot steps aside when its person connects (join), as for a reclaimed seat.
    this.writeSeats();
    this.host.changed();
    return null;
  }

  /** Frees a seat before the start (the student moves to another seat). */
  unassign(seat: Seat): string | null {
    const rec = this.record.seats[seat];
    if (!rec || rec.kind !== 'human') return 'That seat is not for a person.';
    this.supersede(seat);
    rec.name = null;
    rec.tokenHash = null;
    this.cancelTakeover(seat);
    this.writeSeats();
    this.host.changed();
    return null;
  }

  /** The facilitator hands a person's seat to a bot now; its player is closed out until given back. */
  hold(seat: Seat): string | null {
    const rec = this.record.seats[seat];
    if (!rec || rec.kind !== 'human') return 'That seat is already a bot’s.';
    if (rec.held) return 'A bot already holds that seat.';
    this.supersede(seat);
    this.cancelTakeover(seat);
    rec.held = true;
    if (!rec.standIn) {
      rec.standIn = true;
      rec.bot = STAND_IN;
      this.seatEvent(seat, 'takeover', `the facilitator handed the seat to ${botLabel(STAND_IN)}`);
    }
    this.writeSeats();
    this.host.bots().wake(seat);
    this.host.changed();
    return null;
  }

  /** Gives a held seat back: its player may rejoin (the bot plays on until then). */
  giveBack(seat: Seat): string | null {
    const rec = this.record.seats[seat];
    if (!rec?.held) return 'No bot holds that seat for the facilitator.';
    rec.held = false;
    // Nobody ever sat there: the stand-in plays on until someone does.
    this.writeSeats();
    this.host.changed();
    return null;
  }

  seatEvent(seat: Seat, kind: SeatEventKind, detail: string): void {
    this.host.write({
      op: 'seat-event',
      code: this.record.code,
      event: { time: this.host.ctx.now(), seq: this.host.seq(), seat, kind, detail },
    });
  }

  private writeSeats(): void {
    this.host.write({ op: 'seats', code: this.record.code, seats: this.record.seats });
  }

  /** The bot that plays a seat now, or null when a person does (or may still come). */
  botOf(seat: Seat): BotSpec | null {
    const rec = this.record.seats[seat];
    if (rec.kind === 'bot' || rec.standIn) return rec.bot;
    return null;
  }
}
