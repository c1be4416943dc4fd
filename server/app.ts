// Builds the server: one HTTP server carrying both the Colyseus endpoint and the HTTP routes.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { LobbyRoom, matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { shortVersion } from '../shared/lengths';
import { builtInScenarios } from '../shared/scenarios/index';
import { Benchmarks } from './benchmarks/service';
import { DEFAULT_SETTINGS, setContext, type ServerContext, type ServerSettings } from './context';
import { AddressCounter, pinClientAddresses, SlidingWindow } from './addresses';
import { installRoutes } from './http';
import { ClassHub } from './class/hub';
import { ClassRoom } from './class/ClassRoom';
import { installClassRoutes, restoreSessions } from './class/routes';
import { condensedLogger } from './log';
import { startMetrics } from './metrics';
import { installMatchmakingHook } from './matchmaking';
import { createRecovery } from './recovery';
import { TableRoom } from './rooms/TableRoom';
import { PostgresStore } from './store/postgres';
import { SqliteStore } from './store/sqlite-async';
import { Store, type Synchronous } from './store/store';

/** Colyseus's lobby, with a flood ceiling (it accepts a `filter` message). */
class PublicLobby extends LobbyRoom {
  maxMessagesPerSecond = 20;
}

export interface AppOptions {
  /** SQLite file; ':memory:' for throwaway tests. */
  dbPath: string;
  synchronous?: Synchronous;
  settings?: Partial<ServerSettings>;
  /** Where the built game client lives (served statically when it exists). */
  clientDir?: string;
  log?: (message: string) => void;
  now?: () => number;
  /**
   * Scale-out: every process given the same Redis shares presence and the room registry, so a
   * client may reserve a seat through any process and is sent to the one that holds the table.
   */
  redisUrl?: string;
  /** host:port under which clients reach this process (needed with Redis; each process its own). */
  publicAddress?: string;
  /** Where students reach this server, for join links (see ServerContext.joinOrigin). */
  joinOrigin?: string;
  /** Compute the shipped scenarios' benchmarks in the background from the start (`npm start`). */
  warmBenchmarks?: boolean;
  /**
   * PostgreSQL instead of the SQLite file: every process given the same database shares the
   * tables, and takes over those of a process that stops (with Redis, for more than one machine).
   */
  databaseUrl?: string;
}

export interface App {
  server: Server;
  ctx: ServerContext;
  /**
   * Rebuilds every unfinished table from the store (and waits for what that writes); call once
   * the server listens. With a shared store it also starts taking over the tables of stopped processes.
   */
  restoreTables(): Promise<string[]>;
  /** Stops every room (clients are told), then closes the store. */
  close(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.log(m));
  // The process's own synchronous connection: benchmarks and role percentiles (derived data).
  // On one machine it is the store's own file; with PostgreSQL, a file of this process.
  const local = new Store(options.dbPath, options.synchronous ?? 'FULL');
  const ctx: ServerContext = {
    store: options.databaseUrl
      ? new PostgresStore(options.databaseUrl, () => matchMaker.processId)
      : new SqliteStore(options.dbPath, options.synchronous ?? 'FULL'),
    local,
    benchmarks: new Benchmarks(local, { games: settings.benchmarkGames, log, now }),
    settings,
    now,
    restoreKey: randomBytes(16).toString('hex'),
    joinOrigin: options.joinOrigin ?? null,
    log,
    addresses: new AddressCounter(),
    creations: new SlidingWindow(
      () => ctx.settings.maxTablesPerAddress,
      () => ctx.settings.tableWindowSeconds * 1000,
    ),
    journals: new Set(),
    recover: (code) => recovery.recover(code),
    classes: new ClassHub(now, () => ctx.settings.wrongKeysPerAddress),
  };
  const recovery = createRecovery(ctx, Boolean(options.databaseUrl));
  setContext(ctx);
  // Shipped scenarios at their own length and as the lobby's short game, the usual first games.
  if (options.warmBenchmarks) ctx.benchmarks.warm([...builtInScenarios, ...builtInScenarios.map(shortVersion)]);
  installMatchmakingHook();
  startMetrics();
  const http = createServer();
  pinClientAddresses(http, ctx.settings.trustProxy);
  const server = new Server({
    // The socket refuses a frame longer than this from its length header, before reading it
    // (close code 1009), so big frames cost nothing; up to it, a message over maxPayloadChars gets
    // a typed `too-large` error. The margin is the frame's header and msgpack's overhead.
    transport: new WebSocketTransport({ server: http, maxPayload: ctx.settings.maxPayloadChars + 1024 }),
    express: (app) => {
      installClassRoutes(app, ctx);
      installRoutes(app, ctx, options.clientDir ?? 'dist/client');
    },
    greet: false,
    logger: condensedLogger(ctx.log),
    ...(options.redisUrl
      ? { presence: new RedisPresence(options.redisUrl), driver: new RedisDriver(options.redisUrl) }
      : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    // main.ts handles SIGINT/SIGTERM itself, so that tests can boot and stop servers freely.
    gracefullyShutdown: false,
  });
  server.define('table', TableRoom).enableRealtimeListing();
  // Live list of public tables for a lobby screen (the same facts as GET /api/tables).
  server.define('lobby', PublicLobby);
  // A class session's waiting room, console and projector (server/class); opened by the server only.
  server.define('class', ClassRoom);

  return {
    server,
    ctx,
    async restoreTables() {
      const tables = await recovery.restoreTables();
      // Sessions after their tables: a session's console reads its tables' rooms.
      await restoreSessions(ctx);
      return tables;
    },
    async close() {
      ctx.benchmarks.close();
      recovery.stop();
      await server.gracefullyShutdown(false);
      // Every room's last writes, then the store.
      await Promise.all([...ctx.journals].map((j) => j.drained()));
      await ctx.store.close();
      ctx.local.close();
    },
  };
}
