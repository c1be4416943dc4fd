// Role percentiles of finished tables (DESIGN 4): what a table's hooks ask for, and what the HTTP
// routes answer. A table asks for its scenario's benchmark when it opens, so the benchmark is
// usually ready by the end; placements are computed when the game ends (or, if the benchmark
// came later, as soon as it is ready or someone asks) and stored once, so a debrief never changes.
import { RULES_VERSION } from '../../shared/engine/types';
import { recordConfig, replay } from '../../shared/record/log';
import { heldBy, placeTable, type PlacementsAnswer, type TablePlacements } from '../../shared/record/placements';
import type { ServerContext } from '../context';
import type { StoredBenchmark, TableRecord } from '../store/store';

/**
 * Only coalition games under today's rules are placed: the benchmark is played by today's bots
 * under today's rules, so a game of older rules has nothing fair to be compared with.
 */
function placed(record: TableRecord): boolean {
  return record.config.mode === 'coalition' && recordConfig(record.config).rules === RULES_VERSION;
}

/** Hook: a table opened (or was restored): start its scenario's benchmark if it has none. */
export function tableOpened(ctx: ServerContext, record: TableRecord): void {
  if (placed(record)) void ctx.benchmarks.request(record.scenario);
}

/** Hook: a table's game ended (and its end is saved): place its seats now, or once its benchmark is ready. */
export function tableFinished(ctx: ServerContext, code: string): void {
  void (async () => {
    const record = await ctx.store.getTable(code);
    if (!record || !placed(record)) return;
    const bench = await ctx.benchmarks.request(record.scenario);
    if (!bench || !ctx.local.isOpen) return;
    await place(ctx, record, bench);
  })().catch((e: Error) => ctx.log(`[${code}] could not place the seats: ${e.message}`));
}

/** What a finished table's results and debrief carry about role percentiles. */
export async function placementsOf(ctx: ServerContext, record: TableRecord): Promise<PlacementsAnswer> {
  const stored = ctx.local.getPlacements(record.code);
  if (stored) return { status: 'ready', placements: stored };
  if (record.config.mode !== 'coalition')
    return { status: 'none', reason: 'The trust game has no role percentiles: every seat plays the same game.' };
  if (!placed(record))
    return {
      status: 'none',
      reason: 'This game was played under older rules than the benchmark, so it has no role percentiles.',
    };
  if (!ctx.benchmarks.enabled)
    return { status: 'none', reason: 'This server computes no benchmarks, so there are no role percentiles.' };
  const bench = ctx.benchmarks.get(record.scenario);
  if (bench) {
    try {
      return { status: 'ready', placements: await place(ctx, record, bench) };
    } catch (e) {
      // The results and the log still open; only the placements are missing.
      ctx.log(`[${record.code}] could not place the seats: ${(e as Error).message}`);
      return { status: 'none', reason: 'The placements of this table could not be computed.' };
    }
  }
  // A table finished before a restart, or whose benchmark failed: ask again, and say how far it is.
  tableFinished(ctx, record.code);
  const s = ctx.benchmarks.status(record.scenario);
  return { status: 'pending', done: s.done, total: s.total };
}

/**
 * Placements are derived from the table's log (the store) and kept in this process's own
 * database (`ctx.local`): with PostgreSQL each process computes them once for the tables it is
 * asked about, the same numbers everywhere, since benchmark and log are.
 */
async function place(ctx: ServerContext, record: TableRecord, bench: StoredBenchmark): Promise<TablePlacements> {
  const already = ctx.local.getPlacements(record.code);
  if (already) return already;
  const log = await ctx.store.log(record.code);
  const state = replay({ scenario: record.scenario, config: record.config, log });
  const held = heldBy(record.seats, log, await ctx.store.seatEvents(record.code));
  const placements = placeTable(state, { ...bench.reference, games: bench.games }, held);
  if (ctx.local.isOpen) ctx.local.putPlacements(record.code, placements);
  return placements;
}
