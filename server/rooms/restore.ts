// Restoring a table after a restart (DESIGN 8): a game is (scenario, config, log), so an
// unfinished table is rebuilt by replaying its log; its seats, deadline and pause come back from
// the record. Only the server itself may ask for a restore (a key of this process).
import type { GameState } from '../../shared/engine/types';
import { replay, type LogEntry } from '../../shared/record/log';
import type { TableRecord, TableStore } from '../store/store';

/** Options only the server itself passes: restore a table from the store after a restart. */
export interface RestoreOptions {
  restore: { code: string; key: string };
}

/** The code to restore, when the options carry this process's restore key. */
export function restoreRequest(options: unknown, key: string): string | null {
  if (typeof options !== 'object' || options === null) return null;
  const r = (options as Partial<RestoreOptions>).restore;
  if (!r || typeof r !== 'object' || r.key !== key || typeof r.code !== 'string') return null;
  return r.code;
}

export interface Restored {
  record: TableRecord;
  game: GameState;
  log: LogEntry[];
}

/** An open table's record, and its game replayed from the log. */
export async function loadTable(store: TableStore, code: string): Promise<Restored> {
  const record = await store.getTable(code);
  if (!record || record.status !== 'open') throw new Error(`table ${code} is not open`);
  const log = await store.log(code);
  const game = replay({ scenario: record.scenario, config: record.config, log });
  return { record, game, log };
}
