// What every room of this process shares: the store and the settings of the server. Colyseus
// constructs rooms itself (no constructor arguments), so the app sets this once at start.
import { BENCHMARK_GAMES } from '../shared/bots/benchmark';
import type { Benchmarks } from './benchmarks/service';
import type { AddressCounter, SlidingWindow } from './addresses';
import type { ClassHub } from './class/hub';
import type { Journal } from './rooms/journal';
import type { Store, TableStore } from './store/store';

export interface ServerSettings {
  /** Base delay before a bot acts, in ms (jittered 0.5x–1.5x); 0 in tests. */
  botDelayMs: number;
  /** In-class policy: seconds a seated player may be gone before a bot takes the seat. */
  takeoverSeconds: number;
  /** Seconds a dropped connection may resume its session (Colyseus reconnection). */
  reconnectSeconds: number;
  /** After a restart, a phase whose deadline passed while the server was down gets this long. */
  restoreGraceSeconds: number;
  /** Display phases (resolve, score) last this long unless a table says otherwise. */
  displaySeconds: number;
  /** Per client: a burst of this many messages, refilled at `ratePerSecond`. */
  rateBurst: number;
  ratePerSecond: number;
  /** A client is disconnected after this many dropped messages without a pause long enough to refill its burst. */
  floodLimit: number;
  /** Largest message payload (JSON characters) that gets a reply; larger ones get `too-large`. */
  maxPayloadChars: number;
  /**
   * Tests only: create options may fix a table's seed, so a test plays a known game. Off in play:
   * a creator who picks the seed can compute the hidden number of rounds.
   */
  acceptSeed: boolean;
  /** Seeded bot tables per role-percentile benchmark (DESIGN 4); 0 turns role percentiles off. */
  benchmarkGames: number;
  /** Spectators one table admits; seats and their reconnections never count against it. */
  maxSpectators: number;
  /** Connections one client address may hold across every table (0: no limit). A seat's own token always gets back in. */
  maxConnectionsPerAddress: number;
  /** A table nobody started is forgotten after this long with nobody at it (and no sooner after its creation). */
  unstartedTableSeconds: number;
  /** Tables one client address may create in `tableWindowSeconds` (0: no limit). */
  maxTablesPerAddress: number;
  tableWindowSeconds: number;
  /** Shared store: a process whose heartbeat is older than this has stopped; others take over its tables. */
  orphanSeconds: number;
  /** Studio saves one client address may make in ten minutes (0: no limit). */
  studioSavesPerAddress: number;
  /** Versions one saved scenario may have (0: no cap). */
  studioVersionsPerScenario: number;
  /** Versions of every saved scenario together that the store holds at most (0: no cap). */
  studioMaxSavedVersions: number;
  /** Believe X-Forwarded-For / X-Real-IP (only behind a proxy of your own that sets them). */
  trustProxy: boolean;
  /**
   * The studio may start from a copy of a shipped scenario, which hands its private numbers and
   * briefings to whoever asks (they are in the public source too). Off, a class's players cannot
   * read them from this server: the studio then starts from blank or a saved scenario.
   */
  studioShippedCopies: boolean;
  /** Wrong facilitator keys one address may try in 10 minutes before every key it sends is refused. */
  wrongKeysPerAddress: number;
  /** A class student's name stays with their first device this long after it was last connected. */
  nameHoldSeconds: number;
  /** Students one class session takes (12 tables of 8 seats by default). */
  maxStudentsPerSession: number;
  /**
   * Every copy of a shipped scenario whole, to anyone (LEVERAGE_STUDIO_SHIPPED=whole). Otherwise
   * only the server's own machine gets one whole; others get it with its private facts blank.
   */
  studioShippedWhole: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  botDelayMs: 700,
  takeoverSeconds: 60,
  reconnectSeconds: 60,
  restoreGraceSeconds: 30,
  displaySeconds: 5,
  rateBurst: 30,
  ratePerSecond: 10,
  floodLimit: 40,
  maxPayloadChars: 4096,
  acceptSeed: false,
  benchmarkGames: BENCHMARK_GAMES,
  maxSpectators: 20,
  maxConnectionsPerAddress: 100,
  trustProxy: false,
  studioShippedCopies: true,
  studioShippedWhole: false,
  studioSavesPerAddress: 30,
  studioVersionsPerScenario: 200,
  // At most 100,000 characters each: about a gigabyte at the worst, far less for real cases.
  studioMaxSavedVersions: 10_000,
  unstartedTableSeconds: 3600,
  maxTablesPerAddress: 30,
  tableWindowSeconds: 600,
  orphanSeconds: 20,
  wrongKeysPerAddress: 10,
  nameHoldSeconds: 600,
  maxStudentsPerSession: 96,
};

export interface ServerContext {
  store: TableStore;
  /**
   * This process's own SQLite connection (the same file as the store on one machine): the
   * benchmarks and role percentiles, data derived from the store that is computed again if lost.
   */
  local: Store;
  /** The benchmarks that role percentiles are taken against. */
  benchmarks: Benchmarks;
  settings: ServerSettings;
  /** Server time in ms since the epoch (the engine has no clock). */
  now: () => number;
  /** A secret of this process: only the server itself may ask a room to restore a table. */
  restoreKey: string;
  log: (message: string) => void;
  /** Live connections per client address. */
  addresses: AddressCounter;
  /** Tables created per client address, recently. */
  creations: SlidingWindow;
  /** The journals of live rooms (and of rooms gone whose writes are not yet durable). */
  journals: Set<Journal>;
  /** Rebuilds a table from the store after its room gave up on a failed write (retries until it can). */
  recover(code: string): void;
  /** Class sessions hear from their tables here. */
  classes: ClassHub;
  /**
   * The address students reach this server at (`http://192.168.1.20:2567`), for join links and QR
   * codes shown by a facilitator who opened the console on the server's own computer (localhost
   * means nothing on a phone). Null when unknown: the page's own address is used.
   */
  joinOrigin: string | null;
}

let current: ServerContext | null = null;

export function setContext(context: ServerContext): void {
  current = context;
}

export function context(): ServerContext {
  if (!current) throw new Error('The server context is not set: create the app with createApp() first.');
  return current;
}
