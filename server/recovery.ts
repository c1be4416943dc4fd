// Bringing tables back: at start (every table left open), after a table gave up on a failed write,
// and, with a shared store (PostgreSQL), whenever another process stops beating its heartbeat:
// this process takes over its open tables, clears its rooms from Redis, and rebuilds them from
// their logs, so that their players rejoin here with their seat tokens (README "Scaling out").
import { matchMaker } from '@colyseus/core';
import type { ServerContext } from './context';
import type { RestoreOptions } from './rooms/restore';
import type { TableRoom } from './rooms/TableRoom';

export interface Recovery {
  /** At start: every table this process should serve; resolves once each is restored and saved. */
  restoreTables(): Promise<string[]>;
  /** A table gave up on a failed write: rebuild it once the store can be read (retrying). */
  recover(code: string): void;
  stop(): void;
}

export function createRecovery(ctx: ServerContext, shared: boolean): Recovery {
  let stopped = false;
  let sweeper: NodeJS.Timeout | null = null;
  /** Tables this process holds without a room, at the last sweep (restored if still so at the next). */
  let missing = new Set<string>();

  const local = (code: string) => matchMaker.getLocalRoomById(code) as TableRoom | undefined;

  async function bring(code: string, fromColyseus: string | null): Promise<void> {
    // The process that held it is gone, but Redis may still list its rooms: a room of the same
    // code would then be taken for this one. Colyseus's health check clears a dead process.
    if (fromColyseus && fromColyseus !== matchMaker.processId)
      await matchMaker.healthCheckProcessId(fromColyseus).catch(() => undefined);
    await matchMaker.createRoom('table', { restore: { code, key: ctx.restoreKey } } satisfies RestoreOptions);
    // A table whose log had reached its end finishes as it is restored: let that be saved.
    await local(code)?.settled();
  }

  async function adopt(): Promise<string[]> {
    const restored: string[] = [];
    for (const { code, fromColyseus } of await ctx.store.adoptOrphans(ctx.now(), ctx.settings.orphanSeconds * 1000)) {
      try {
        await bring(code, fromColyseus);
        restored.push(code);
      } catch (e) {
        ctx.log(`could not restore table ${code}: ${(e as Error).message}`);
      }
    }
    return restored;
  }

  async function sweep(): Promise<void> {
    await ctx.store.heartbeat(ctx.now());
    const adopted = await adopt();
    if (adopted.length > 0)
      ctx.log(`took over ${adopted.length} table(s) of a process that stopped: ${adopted.join(', ')}`);
    const now = new Set<string>();
    for (const code of await ctx.store.heldCodes()) {
      if (local(code)) continue;
      if (missing.has(code))
        await bring(code, null).catch((e: Error) => ctx.log(`could not restore table ${code}: ${e.message}`));
      else now.add(code);
    }
    missing = now;
  }

  return {
    async restoreTables() {
      await ctx.store.heartbeat(ctx.now());
      const restored = await adopt();
      if (shared && !stopped) {
        const every = Math.max(250, (ctx.settings.orphanSeconds * 1000) / 4);
        const tick = () => {
          sweeper = setTimeout(() => {
            void sweep()
              .catch((e: Error) => ctx.log(`sweep failed: ${e.message}`))
              .finally(() => {
                if (!stopped) tick();
              });
          }, every);
          sweeper.unref();
        };
        tick();
      }
      return restored;
    },

    recover(code) {
      let delay = 1000;
      const attempt = () => {
        if (stopped) return;
        void (async () => {
          // Another process may have taken it meanwhile (a shared store): then it is theirs.
          if (!(await ctx.store.holds(code))) return;
          await bring(code, null);
          ctx.log(`[${code}] restored from the store after a failed write`);
        })().catch((e: Error) => {
          ctx.log(`[${code}] could not restore yet (${e.message}); trying again in ${delay / 1000} s`);
          setTimeout(attempt, delay).unref();
          delay = Math.min(30_000, delay * 2);
        });
      };
      setTimeout(attempt, 0).unref();
    },

    stop() {
      stopped = true;
      if (sweeper) clearTimeout(sweeper);
    },
  };
}
