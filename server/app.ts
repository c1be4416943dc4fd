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
import { condensedLogger } from './log';
import { startMetrics } from './metrics';
import { installMatchmakingHook } from './matchmaking';
import type { RestoreOptions } from './rooms/restore';
import { TableRoom } from './rooms/TableRoom';
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
  /** Compute the shipped scenarios' benchmarks in the background from the start (`npm start`). */
  warmBenchmarks?: boolean;
}

export interface App {
  server: Server;
  ctx: ServerContext;
  /** Rebuilds every unfinished table from the store; call once the server listens. */
  restoreTables(): Promise<string[]>;
  /** Stops every room (clients are told), then closes the store. */
  close(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const restore = (code: string) => matchMaker.createRoom('table', { restore: { code, key: ctx.restoreKey } } satisfies RestoreOptions);
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.log(m));
  // The process's own synchronous connection: benchmarks and role percentiles (derived data).
  const local = new Store(options.dbPath, options.synchronous ?? 'FULL');
  const ctx: ServerContext = {
    store: new SqliteStore(options.dbPath, options.synchronous ?? 'FULL'),
    local,
    benchmarks: new Benchmarks(local, { games: settings.benchmarkGames, log, now }),
    settings,
    now,
    restoreKey: randomBytes(16).toString('hex'),
    log,
    addresses: new AddressCounter(),
    creations: new SlidingWindow(
      () => ctx.settings.maxTablesPerAddress,
      () => ctx.settings.tableWindowSeconds * 1000,
    ),
    journals: new Set(),
    recover(code) {
      let delay = 1000;
      const attempt = () => {
        if (closing) return;
        void (async () => {
          const record = await ctx.store.getTable(code);
          if (record?.status !== 'open') return;
          await restore(code);
          ctx.log(`[${code}] restored from the store after a failed write`);
        })().catch((e: Error) => {
          ctx.log(`[${code}] could not restore yet (${e.message}); trying again in ${delay / 1000} s`);
          setTimeout(attempt, delay).unref();
          delay = Math.min(30_000, delay * 2);
        });
      };
      setTimeout(attempt, 0).unref();
    },
  };
  let closing = false;
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
    express: (app) => installRoutes(app, ctx, options.clientDir ?? 'dist/client'),
    greet: false,
    logger: condensedLogger(ctx.log),
    ...(options.redisUrl ? { presence: new RedisPresence(options.redisUrl), driver: new RedisDriver(options.redisUrl) } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    // main.ts handles SIGINT/SIGTERM itself, so that tests can boot and stop servers freely.
    gracefullyShutdown: false,
  });
  server.define('table', TableRoom).enableRealtimeListing();
  // Live list of public tables for a lobby screen (the same facts as GET /api/tables).
  server.define('lobby', PublicLobby);

  return {
    server,
    ctx,
    async restoreTables() {
      const restored: string[] = [];
      for (const code of await ctx.store.openCodes()) {
        try {
          await restore(code);
          // A table whose log had reached its end finishes as it is restored: let that be saved.
          await (matchMaker.getLocalRoomById(code) as TableRoom | undefined)?.settled();
          restored.push(code);
        } catch (e) {
          ctx.log(`could not restore table ${code}: ${(e as Error).message}`);
        }
      }
      return restored;
    },
    async close() {
      ctx.benchmarks.close();
      closing = true;
      await server.gracefullyShutdown(false);
      // Every room's last writes, then the store.
      await Promise.all([...ctx.journals].map((j) => j.drained()));
      await ctx.store.close();
      ctx.local.close();
    },
  };
}
