// Helpers for the server's integration tests: a real in-process server with a temporary
// database, and SDK clients that record exactly what they received.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColyseusTestServer } from '@colyseus/testing';
import type { Room as ServerRoom } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { createApp, type App } from '../../server/app';
import type { ServerSettings } from '../../server/context';
import { TableRoom } from '../../server/rooms/TableRoom';
import { Store } from '../../server/store/store';
import { freePort } from '../../server/free-port';

export { freePort };
import type { GameEvent, Seat } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import type {
  CreateOptions,
  ErrorMessage,
  EventsMessage,
  ViewMessage,
  ViewPatchMessage,
  Welcome,
} from '../../shared/protocol';
import { applyViewPatch } from '../../shared/view-patch';

export interface Booted {
  app: App;
  colyseus: ColyseusTestServer;
  dir: string;
  dbPath: string;
  /** The server's HTTP address, e.g. http://127.0.0.1:40123 (the API a client can fetch). */
  url: string;
  /**
   * The same database file, opened synchronously for the test to read (and tamper with): the
   * server writes it from a thread of its own, and what a client has seen is committed there.
   */
  store: Store;
  stop(): Promise<void>;
}

/** Takeover, reconnection and restore grace keep the server's defaults unless a test sets them. */
export const TEST_SETTINGS: Partial<ServerSettings> = {
  botDelayMs: 0,
  displaySeconds: 0,
  // Test clients act at machine speed; the flood test sets its own limits.
  rateBurst: 10_000,
  // Each test plays a known game.
  acceptSeed: true,
  // No benchmark workers unless a test is about role percentiles (tests/server/placements.test.ts).
  benchmarkGames: 0,
};

/**
 * A server clock that moves only when the test moves it: the server's time (deadlines, log
 * entries) and the timers of its rooms (phase clocks, takeovers). A test then checks "not yet"
 * and "now" at exact instants, however slow the machine is.
 */
export class TestClock {
  private t: number;
  private rooms = new Set<ServerRoom>();

  constructor(start = Date.UTC(2026, 10, 2, 9, 0, 0)) {
    this.t = start;
  }

  readonly now = (): number => this.t;

  /**
   * Every table room created from now on runs its timers on this clock from its first moment
   * (each Colyseus room ticks a clock of its own, Date.now by default). Returns the undo.
   */
  install(): () => void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the patched onCreate has the room as `this`
    const clock = this;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(room, …)
    const onCreate = TableRoom.prototype.onCreate;
    TableRoom.prototype.onCreate = function (this: TableRoom, options: unknown) {
      // `now` is the room clock's time source; its type marks it protected.
      (this.clock as unknown as { now: () => number }).now = clock.now;
      this.clock.currentTime = clock.t;
      clock.rooms.add(this);
      return onCreate.call(this, options);
    };
    return () => {
      TableRoom.prototype.onCreate = onCreate;
    };
  }

  /** Moves time on, and returns once every live room has run its timers up to the new time. */
  async advance(ms: number): Promise<void> {
    this.t += ms;
    const target = this.t;
    for (const room of this.rooms) {
      if (!room.clock.running) {
        this.rooms.delete(room);
        continue;
      }
      await waitFor(() => !room.clock.running || room.clock.currentTime >= target, 10_000, 'a room to tick');
    }
  }
}

export async function bootServer(
  settings: Partial<ServerSettings> = {},
  dbPath?: string,
  clock?: TestClock,
): Promise<Booted> {
  const dir = mkdtempSync(join(tmpdir(), 'leverage-test-'));
  const path = dbPath ?? join(dir, 'test.db');
  const app = createApp({
    dbPath: path,
    settings: { ...TEST_SETTINGS, ...settings },
    log: () => undefined,
    clientDir: join(dir, 'no-client'),
    ...(clock ? { now: clock.now } : {}),
  });
  const release = clock?.install();
  // Like @colyseus/testing's boot(), but on a free port: boot() always takes 2568, which collides
  // with any other test run on the same machine.
  const port = await freePort();
  await app.server.listen(port);
  const colyseus = new ColyseusTestServer(app.server);
  const store = new Store(path, 'NORMAL');
  return {
    app,
    colyseus,
    dir,
    dbPath: path,
    url: `http://127.0.0.1:${port}`,
    store,
    async stop() {
      await app.close();
      release?.();
      store.close();
      if (!dbPath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server's room of a table (in this process), for what only the server knows. */
export function tableRoom(b: Booted, code: string): TableRoom {
  const room = b.colyseus.getRoomById(code);
  if (!room) throw new Error(`no room for table ${code}`);
  return room as unknown as TableRoom;
}

/** One SDK client and everything it received, decoded, in order. */
export class Player {
  welcome: Welcome | null = null;
  view: TableView | null = null;
  seq = 0;
  views: ViewMessage[] = [];
  /** The patches among them, as received. */
  patches: ViewPatchMessage[] = [];
  events: GameEvent[] = [];
  errors: ErrorMessage[] = [];
  /** Every message as received: [type, payload]. */
  received: [string, unknown][] = [];
  left: number | null = null;

  constructor(readonly room: Room) {
    room.onMessage('*', (type, payload) => {
      if (type === 'view-patch') {
        // Kept as the whole view it makes (what the client would show): the checks of what a client
        // may see apply to it, and the patch holds nothing the view does not.
        const patch = payload as ViewPatchMessage;
        if (patch.base !== this.seq || this.view === null)
          throw new Error(`a patch from ${patch.base} reached a client at ${this.seq}`);
        this.patches.push(patch);
        type = 'view';
        const view = applyViewPatch(this.view, patch.ops);
        payload = (
          patch.practice ? { seq: patch.seq, view, practice: patch.practice } : { seq: patch.seq, view }
        ) satisfies ViewMessage;
      }
      this.received.push([String(type), payload]);
      if (type === 'welcome') this.welcome = payload as Welcome;
      else if (type === 'view') {
        const m = payload as ViewMessage;
        this.views.push(m);
        this.view = m.view;
        this.seq = m.seq;
      } else if (type === 'events') this.events.push(...(payload as EventsMessage).events);
      else if (type === 'error') this.errors.push(payload as ErrorMessage);
    });
    room.onLeave((code) => {
      this.left = code;
    });
  }

  get seat(): Seat | null {
    return this.welcome?.seat ?? null;
  }

  send(type: string, payload?: unknown): void {
    this.room.send(type, payload as never);
  }

  /** Sends a message and waits for the error it must earn. */
  async expectError(type: string, payload: unknown, timeout = 3000): Promise<ErrorMessage> {
    const before = this.errors.length;
    this.send(type, payload);
    await waitFor(() => this.errors.length > before, timeout, `an error for "${type}"`);
    return this.errors[before];
  }

  async waitView(predicate: (v: TableView) => boolean, timeout = 10_000, what = 'a view'): Promise<TableView> {
    await waitFor(() => this.view !== null && predicate(this.view), timeout, what);
    return this.view!;
  }
}

export async function waitFor(predicate: () => boolean, timeout = 10_000, what = 'a condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function createTable(b: Booted, options: CreateOptions): Promise<Player> {
  const room = await b.colyseus.sdk.create('table', options);
  const p = new Player(room);
  await waitFor(() => p.welcome !== null && p.view !== null, 5000, 'welcome');
  return p;
}

export async function joinTable(b: Booted, code: string, options: Record<string, unknown>): Promise<Player> {
  const room = await b.colyseus.sdk.joinById(code, options);
  const p = new Player(room);
  await waitFor(() => p.welcome !== null && p.view !== null, 5000, 'welcome');
  return p;
}

/**
 * A simple human: in trust stages honours every partner, in every other phase says ready.
 * `negotiate` may act first (propose, accept…) and return true when it has done all it wants.
 */
export function autoPlay(
  p: Player,
  negotiate?: (view: TableView) => boolean,
  until?: (view: TableView) => boolean,
): () => void {
  let acted = '';
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const v = p.view;
    if (!v || v.me === null || v.phase === 'end' || v.phase === 'prepare') return;
    if (until?.(v)) {
      stopped = true;
      return;
    }
    const key = `${v.round}:${v.phase}`;
    const me = v.seats[v.me.seat];
    if (me.ready) return;
    if (v.phase === 'trust') {
      const open = v.trust.filter((t) => t.move === null);
      if (open.length > 0) {
        const slotKey = `${key}:${open[0].partner}`;
        if (acted !== slotKey) {
          acted = slotKey;
          p.send('trust', { partner: open[0].partner, move: 'honour', at: { round: v.round, phase: v.phase } });
        }
        return;
      }
    }
    if (v.phase === 'negotiate' && negotiate && acted !== `${key}:done`) {
      if (!negotiate(v)) return;
    }
    if (acted !== `${key}:done`) {
      acted = `${key}:done`;
      // `at`: a ready that arrives after its phase closed must not count for the next one.
      p.send('ready', { at: { round: v.round, phase: v.phase } });
    }
  };
  const timer = setInterval(tick, 10);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
