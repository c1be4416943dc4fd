// node:sqlite prints one ExperimentalWarning when it loads (Node 22). We silence exactly that
// warning, and only while loading it, so every other warning still reaches the terminal.
import type * as Sqlite from 'node:sqlite';

function loadSqlite(): typeof Sqlite {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored and called with .call(process, …)
  const original = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    return (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  };
  try {
    return process.getBuiltinModule('node:sqlite');
  } finally {
    process.emitWarning = original;
  }
}

export const { DatabaseSync } = loadSqlite();
export type DatabaseSync = Sqlite.DatabaseSync;
export type StatementSync = Sqlite.StatementSync;
