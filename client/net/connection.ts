// The one connection of this page to a table. It creates, joins or watches a table, keeps the
// seat token the server hands out in localStorage (keyed by the table code), and uses it to take
// the same seat back after a reload, a dropped network or a server restart.
import { Client, type Room } from '@colyseus/sdk';
import type {
  BacklogMessage,
  CreateOptions,
  ErrorMessage,
  EventsMessage,
  ViewMessage,
  ViewPatchMessage,
  Welcome,
} from '../../shared/protocol';
import { applyViewPatch } from '../../shared/view-patch';
import type { ConnectionStatus, LobbyState } from '../game/store';

export interface ConnectionHandlers {
  welcome(w: Welcome): void;
  view(m: ViewMessage): void;
  events(m: EventsMessage): void;
  backlog(m: BacklogMessage): void;
  error(e: ErrorMessage): void;
  state(s: LobbyState): void;
  coach(payload: unknown): void;
  status(status: ConnectionStatus, text: string): void;
}

export interface SavedSeat {
  code: string;
  token: string | null;
  hostToken: string | null;
  seat: number | null;
  name: string;
  /** Watching, not playing. */
  spectate: boolean;
  saved: number;
}

const PREFIX = 'leverage.seat.';
const LAST = 'leverage.last';

/** Seat tokens by table code (localStorage; a private window keeps them for the page only). */
export const seats = {
  memory: new Map<string, SavedSeat>(),
  load(code: string): SavedSeat | null {
    try {
      const raw = localStorage.getItem(PREFIX + code);
      return raw ? (JSON.parse(raw) as SavedSeat) : (this.memory.get(code) ?? null);
    } catch {
      return this.memory.get(code) ?? null;
    }
  },
  save(s: SavedSeat): void {
    this.memory.set(s.code, s);
    try {
      localStorage.setItem(PREFIX + s.code, JSON.stringify(s));
      localStorage.setItem(LAST, s.code);
    } catch {
      /* storage full or disabled: the in-memory copy covers a dropped network, not a reload */
    }
  },
  forget(code: string): void {
    this.memory.delete(code);
    try {
      localStorage.removeItem(PREFIX + code);
      if (localStorage.getItem(LAST) === code) localStorage.removeItem(LAST);
    } catch {
      /* nothing stored */
    }
  },
  last(): SavedSeat | null {
    try {
      const code = localStorage.getItem(LAST);
      return code ? this.load(code) : null;
    } catch {
      return null;
    }
  },
};

/** A code as people type it: upper case, no spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The sentence of a matchmaking error ("name-taken: Someone…" → "Someone…"), and its code. */
export function joinFailure(e: unknown): { code: string | null; message: string } {
  const raw = e instanceof Error ? e.message : String(e);
  const m = /^([a-z-]+): (.*)$/s.exec(raw);
  if (m) return { code: m[1], message: m[2] };
  if (/not found|no rooms found|locked/i.test(raw))
    return { code: 'no-table', message: 'There is no open table with that code.' };
  if (/fetch|network|ECONNREFUSED|Failed/i.test(raw))
    return { code: 'offline', message: 'The game server cannot be reached. Check the address and your network.' };
  return { code: null, message: raw || 'Something went wrong.' };
}

function endpoint(): string {
  // In development Vite proxies /colyseus to the game server; in production the server that
  // served this page is the game server.
  return __LEVERAGE_DEV_PROXY__ ? `${location.origin}/colyseus` : location.origin;
}

const NO_RETRY = new Set(['bad-token', 'table-over', 'no-table']);

export class Connection {
  readonly client = new Client(endpoint());
  room: Room | null = null;
  saved: SavedSeat | null = null;
  private leaving = false;
  /** The last view received, which the next patch applies to. */
  private last: ViewMessage | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly on: ConnectionHandlers) {}

  get code(): string | null {
    return this.saved?.code ?? null;
  }

  /** Creates a table and sits at it (the creator is its host). */
  async create(options: CreateOptions): Promise<void> {
    this.on.status('connecting', 'Setting the table…');
    const room = await this.client.create('table', options);
    this.attach(room, { name: options.name ?? '', spectate: false });
  }

  /** Takes a free seat (or the role asked for) at a table. */
  async join(code: string, options: { name: string; role?: string }): Promise<void> {
    code = normaliseCode(code);
    const saved = seats.load(code);
    if (saved && !saved.spectate && saved.token) return this.rejoin(code);
    this.on.status('connecting', `Joining table ${code}…`);
    const room = await this.client.joinById(code, {
      name: options.name,
      ...(options.role ? { role: options.role } : {}),
    });
    this.attach(room, { name: options.name, spectate: false });
  }

  /** Watches a table: public facts only. */
  async watch(code: string): Promise<void> {
    code = normaliseCode(code);
    this.on.status('connecting', `Opening table ${code}…`);
    const hostToken = seats.load(code)?.hostToken ?? undefined;
    const room = await this.client.joinById(code, { spectate: true, ...(hostToken ? { hostToken } : {}) });
    this.attach(room, { name: '', spectate: true });
  }

  /** Takes back the seat this browser held at `code` (its token), or watches again. */
  async rejoin(code: string): Promise<void> {
    code = normaliseCode(code);
    const saved = seats.load(code);
    if (!saved) throw new Error('no-seat: This browser has no seat at that table.');
    if (saved.spectate || !saved.token) return this.watch(code);
    this.on.status('connecting', `Taking your seat at ${code} again…`);
    const room = await this.client.joinById(code, {
      token: saved.token,
      ...(saved.hostToken ? { hostToken: saved.hostToken } : {}),
    });
    this.attach(room, { name: saved.name, spectate: false });
  }

  send(type: string, payload: unknown = {}): boolean {
    if (!this.room) return false;
    this.room.send(type, payload as never);
    return true;
  }

  /** Leaves on purpose: no rejoin follows. */
  async leave(forget = false): Promise<void> {
    this.leaving = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const room = this.room;
    this.room = null;
    if (forget && this.saved) seats.forget(this.saved.code);
    this.saved = null;
    if (room) await room.leave(true).catch(() => undefined);
    this.on.status('idle', '');
  }

  private attach(room: Room, who: { name: string; spectate: boolean }): void {
    this.leaving = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.room = room;
    const code = room.roomId;
    const before = seats.load(code);
    this.saved = before ?? {
      code,
      token: null,
      hostToken: null,
      seat: null,
      name: who.name,
      spectate: who.spectate,
      saved: Date.now(),
    };
    if (!before) this.saved = { ...this.saved, spectate: who.spectate, name: who.name };
    room.onMessage('welcome', (w: Welcome) => {
      const spectate = w.seat === null;
      this.saved = {
        code: w.code,
        token: w.token ?? this.saved?.token ?? null,
        hostToken: w.hostToken ?? this.saved?.hostToken ?? null,
        seat: w.seat,
        name: who.name || this.saved?.name || '',
        spectate,
        saved: Date.now(),
      };
      seats.save(this.saved);
      this.on.welcome(w);
    });
    room.onMessage('view', (m: ViewMessage) => {
      this.last = m;
      this.on.view(m);
    });
    // The server sends a patch only to a connection that has the view it patches.
    room.onMessage('view-patch', (m: ViewPatchMessage) => {
      if (!this.last || this.last.seq !== m.base) return;
      const view = applyViewPatch(this.last.view, m.ops);
      this.last = m.practice ? { seq: m.seq, view, practice: m.practice } : { seq: m.seq, view };
      this.on.view(this.last);
    });
    room.onMessage('events', (m: EventsMessage) => this.on.events(m));
    room.onMessage('backlog', (m: BacklogMessage) => this.on.backlog(m));
    room.onMessage('error', (e: ErrorMessage) => this.on.error(e));
    room.onMessage('coach', (p: unknown) => this.on.coach(p));
    room.onMessage('shutdown', () =>
      this.on.status('reconnecting', 'The server is restarting; your seat is kept. Reconnecting…'),
    );
    room.onMessage('*', () => undefined);
    room.onStateChange((state: unknown) => this.on.state(plain(state)));
    room.onDrop(() => this.on.status('reconnecting', 'Connection lost. Reconnecting…'));
    room.onReconnect(() => this.on.status('connected', ''));
    room.onLeave((code: number, reason?: string) => {
      if (this.room !== room) return;
      this.room = null;
      if (this.leaving) return;
      if (reason && /another window/i.test(reason)) {
        this.on.status('superseded', 'Your seat was opened in another window. This window has stopped.');
        return;
      }
      this.scheduleRejoin(0, code);
    });
    this.on.status('connected', '');
  }

  /** After an unplanned leave, rejoin with the seat token, backing off up to every 8 s for 3 minutes. */
  private scheduleRejoin(attempt: number, closeCode: number): void {
    const saved = this.saved;
    if (!saved) return;
    if (attempt > 40) {
      this.on.status('lost', 'The table cannot be reached. Reload the page to try again.');
      return;
    }
    this.on.status(
      'reconnecting',
      closeCode === 4002 || attempt > 0 ? 'Reconnecting to your table…' : 'Connection lost. Reconnecting…',
    );
    const delay = attempt === 0 ? 300 : Math.min(8000, 500 * 2 ** Math.min(attempt, 4));
    this.retryTimer = setTimeout(() => {
      this.rejoin(saved.code).catch((e) => {
        const f = joinFailure(e);
        if (f.code && NO_RETRY.has(f.code)) {
          this.on.status('lost', f.message);
          return;
        }
        this.scheduleRejoin(attempt + 1, closeCode);
      });
    }, delay);
  }
}

function plain(state: unknown): LobbyState {
  const s = state as { toJSON?: () => unknown };
  return (typeof s.toJSON === 'function' ? s.toJSON() : state) as LobbyState;
}
