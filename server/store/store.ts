// The durable record of every table: its setup, its seats and its action log. A game is
// (scenario, config, log) (DESIGN 8): after a crash each unfinished table is rebuilt by replaying
// its log, so the log entry of an action is committed before anyone sees its result.
//
// The server talks to a TableStore: writes go in ordered batches, each batch atomic, and every
// call is asynchronous, so that neither a disk's fsync nor a database's round trip ever holds up
// the event loop. Two implement it: SQLite on this machine (sqlite-async.ts, which runs the Store
// below in a thread of its own) and PostgreSQL (postgres.ts) for more than one machine.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LockedGuesses } from '../../shared/protocol';
import type { BotSpec } from '../../shared/bots/bot';
import type { GameConfig, Scenario, Seat } from '../../shared/engine/types';
import type { RoleReference } from '../../shared/engine/percentiles';
import type { LogEntry } from '../../shared/record/log';
import type { TablePlacements } from '../../shared/record/placements';
import { DatabaseSync, type StatementSync } from './sqlite';
import type { ClassAnswer } from '../../shared/class/input';
import { SESSION_SQL, toAnswer, type SessionRecord, type SessionRow } from './sessions';

export type TakeoverPolicy = 'in-class' | 'between-meetings';
export type TableStatus = 'open' | 'finished';

/** Phase durations in seconds; null = untimed (the phase ends when every human is ready). */
export interface Durations {
  negotiate: number | null;
  trust: number | null;
  resolve: number | null;
  score: number | null;
}

export interface TableSettings {
  durations: Durations;
  policy: TakeoverPolicy;
  private: boolean;
  solo: boolean;
  /** Set while the host has paused the clock: the milliseconds that were left in the phase. */
  pausedRemaining?: number | null;
  /** Trust-game practice: each person's locked guesses, kept with the table so a restart keeps them. */
  guesses?: LockedGuesses[];
  /** A table of a class session (server/class): the session's code and the table's label there. */
  session?: { code: string; label: string };
}

/** A seat as the table knows it: who may sit there and who plays it now. */
export interface SeatRecord {
  seat: Seat;
  /** As configured: a seat for a person, or a bot's seat. */
  kind: 'human' | 'bot';
  /** The bot of a bot seat; for a human seat, the stand-in that plays it while nobody does. */
  bot: BotSpec | null;
  /** The player's name (human seats), once claimed. */
  name: string | null;
  /** SHA-256 of the seat token, once claimed. Tokens themselves are never stored. */
  tokenHash: string | null;
  /** A bot stands in for this human seat (never claimed at start, or taken over). */
  standIn: boolean;
  /** The facilitator handed this seat to a bot: its player cannot take it back until it is given back. */
  held?: boolean;
}

export interface TableRecord {
  code: string;
  created: number;
  status: TableStatus;
  scenario: Scenario;
  config: GameConfig;
  settings: TableSettings;
  seats: SeatRecord[];
  hostTokenHash: string | null;
  /** Epoch ms when the current phase closes; null when untimed. */
  deadline: number | null;
  results: unknown;
  finished: number | null;
}

export type SeatEventKind = 'claimed' | 'takeover' | 'reclaimed' | 'stand-in';

/** A change of who plays a seat. Not an engine action, so it sits beside the log, not in it. */
export interface SeatEvent {
  time: number;
  /** Number of log entries before it: where it falls in the game. */
  seq: number;
  seat: Seat;
  kind: SeatEventKind;
  detail: string;
}

export type Synchronous = 'FULL' | 'NORMAL';

/** A benchmark of a scenario as stored: the reference that role percentiles are taken against. */
export interface StoredBenchmark {
  /** SHA-256 (hex) of the scenario's `benchmarkKey`. */
  key: string;
  scenarioId: string;
  games: number;
  /** Epoch ms when it was computed. */
  created: number;
  reference: RoleReference;
}

/** One change to the store. A batch of them is written atomically and in order. */
export type WriteOp =
  | { op: 'insert'; table: TableRecord }
  | { op: 'seats'; code: string; seats: SeatRecord[] }
  | { op: 'settings'; code: string; settings: TableSettings }
  | { op: 'deadline'; code: string; deadline: number | null }
  /** A log entry, and with it the deadline of the phase it opens when it changes the phase. */
  | { op: 'append'; code: string; entry: LogEntry; deadline?: number | null }
  | { op: 'finish'; code: string; results: unknown; time: number }
  /** Forgets a table entirely (one that never started). */
  | { op: 'delete'; code: string }
  | { op: 'seat-event'; code: string; event: SeatEvent };

/**
 * A WriteOp as the stores take it, its JSON already made: made once, when the op is recorded (the
 * record it describes goes on changing), and handed as it is to SQLite's thread or to PostgreSQL.
 */
export type Row =
  | {
      op: 'insert';
      code: string;
      created: number;
      status: TableStatus;
      scenario: string;
      config: string;
      settings: string;
      seats: string;
      hostTokenHash: string | null;
      deadline: number | null;
      results: string | null;
      finished: number | null;
    }
  | { op: 'seats'; code: string; seats: string }
  | { op: 'settings'; code: string; settings: string }
  | { op: 'deadline'; code: string; deadline: number | null }
  | { op: 'append'; code: string; seq: number; entry: string; deadline?: number | null }
  | { op: 'finish'; code: string; results: string; time: number }
  | { op: 'delete'; code: string }
  | { op: 'seat-event'; code: string; time: number; seq: number; seat: number; kind: SeatEventKind; detail: string }
  | SessionRow;

export function toRow(o: WriteOp): Row {
  switch (o.op) {
    case 'insert': {
      const t = o.table;
      return {
        op: 'insert',
        code: t.code,
        created: t.created,
        status: t.status,
        scenario: JSON.stringify(t.scenario),
        config: JSON.stringify(t.config),
        settings: JSON.stringify(t.settings),
        seats: JSON.stringify(t.seats),
        hostTokenHash: t.hostTokenHash,
        deadline: t.deadline,
        results: t.results === null ? null : JSON.stringify(t.results),
        finished: t.finished,
      };
    }
    case 'seats':
      return { op: 'seats', code: o.code, seats: JSON.stringify(o.seats) };
    case 'settings':
      return { op: 'settings', code: o.code, settings: JSON.stringify(o.settings) };
    case 'deadline':
      return o;
    case 'append':
      return {
        op: 'append',
        code: o.code,
        seq: o.entry.seq,
        entry: JSON.stringify(o.entry),
        ...(o.deadline !== undefined ? { deadline: o.deadline } : {}),
      };
    case 'finish':
      return { op: 'finish', code: o.code, results: JSON.stringify(o.results), time: o.time };
    case 'delete':
      return o;
    case 'seat-event':
      return { op: 'seat-event', code: o.code, ...o.event };
  }
}

/** A scenario saved from the studio: one version of it (versions never change once written). */
export interface SavedScenarioMeta {
  /** The server's id of the saved scenario (not the scenario's own `id` field). */
  id: string;
  version: number;
  name: string;
  author: string;
  /** Epoch ms when this version was saved. */
  created: number;
}

export interface SavedScenario extends SavedScenarioMeta {
  scenario: Scenario;
  /** SHA-256 of the edit key (of version 1): who may read it whole and save later versions. Never sent. */
  keyHash: string;
}

/** A version to save: the scenario already validated and serialised, the edit key already hashed. */
export interface SavedScenarioRow {
  id: string;
  name: string;
  author: string;
  created: number;
  /** SHA-256 of the edit key that the first save returned; later versions must present the same key. */
  keyHash: string;
  scenario: string;
}

/** Caps on what is saved (0: no cap): versions of one id, and versions of every id together. */
export interface SaveLimits {
  versionsPerId: number;
  totalRows: number;
}

/** A version's number, or why nothing was written: another key's id, its id's cap, the store's cap. */
export type SaveOutcome = number | null | 'too-many-versions' | 'store-full';

export const NO_SAVE_LIMITS: SaveLimits = { versionsPerId: 0, totalRows: 0 };

/** Why the next version may not be written under these caps, if it may not (`rows` counts every stored version). */
export function saveRefusal(
  version: number,
  limits: SaveLimits,
  rows: () => number,
): 'too-many-versions' | 'store-full' | null {
  if (limits.versionsPerId > 0 && version > limits.versionsPerId) return 'too-many-versions';
  if (limits.totalRows > 0 && rows() >= limits.totalRows) return 'store-full';
  return null;
}

/** Saved scenarios listed at most (newest first). */
export const MAX_LISTED_SCENARIOS = 200;

export interface TableStore {
  /** Commits the batch in one transaction: when this resolves, it survives a process kill. */
  write(rows: Row[]): Promise<void>;
  hasTable(code: string): Promise<boolean>;
  getTable(code: string): Promise<TableRecord | null>;
  /** Codes of the tables still being played, oldest first: the ones to restore after a restart. */
  openCodes(): Promise<string[]>;
  log(code: string): Promise<LogEntry[]>;
  seatEvents(code: string): Promise<SeatEvent[]>;
  /**
   * The open tables this process should serve and nobody serves: on one machine every open table
   * (at start); shared, those of processes whose heartbeat is older than `staleMs`, taken over
   * atomically, each with the Colyseus process id of the one that held it.
   */
  adoptOrphans(now: number, staleMs: number): Promise<Orphan[]>;
  /** This process is alive (shared stores; nothing to do on one machine). */
  heartbeat(now: number): Promise<void>;
  /** This process serves the table, which is still open. */
  holds(code: string): Promise<boolean>;
  /** The open tables this process serves (every open table, on one machine). */
  heldCodes(): Promise<string[]>;
  /**
   * Saves the next version of a studio scenario: version 1 under a new id, or the next version of
   * an id whose first version was saved with the same key hash. Null when the id exists under
   * another key, or a refusal when a cap of `limits` is reached (nothing is written).
   */
  saveScenario(row: SavedScenarioRow, limits?: SaveLimits): Promise<SaveOutcome>;
  /** One version of a saved scenario (the latest when `version` is null), or null. */
  savedScenario(id: string, version: number | null): Promise<SavedScenario | null>;
  /** The latest version of each saved scenario, newest first, at most MAX_LISTED_SCENARIOS. */
  savedScenarios(): Promise<SavedScenarioMeta[]>;
  /** Class sessions (server/class): the session as last written, whole. */
  getSession(code: string): Promise<SessionRecord | null>;
  /** Codes of the sessions not yet ended, oldest first: the ones to bring back after a restart. */
  openSessions(): Promise<string[]>;
  /** The before/after answers of a session, in the order they were given. */
  answers(code: string): Promise<ClassAnswer[]>;
  /** Finishes every write already asked for, then closes. */
  close(): Promise<void>;
}

export interface Orphan {
  code: string;
  /** The Colyseus process id of the process that served it, if known (its rooms are cleared from Redis). */
  fromColyseus: string | null;
}

/** The SQLite database itself, synchronous: used by the store's own thread, and by tests and tools. */
export class Store {
  readonly db: DatabaseSync;

  constructor(
    readonly path: string,
    readonly synchronous: Synchronous = 'FULL',
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    // First, so that opening a database another connection is writing waits instead of failing.
    this.db.exec('PRAGMA busy_timeout = 5000');
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec(`PRAGMA synchronous = ${synchronous}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS tables (
        code TEXT PRIMARY KEY,
        created INTEGER NOT NULL,
        status TEXT NOT NULL,
        scenario TEXT NOT NULL,
        config TEXT NOT NULL,
        settings TEXT NOT NULL,
        seats TEXT NOT NULL,
        host_token_hash TEXT,
        deadline INTEGER,
        results TEXT,
        finished INTEGER
      );
      CREATE TABLE IF NOT EXISTS log (
        code TEXT NOT NULL,
        seq INTEGER NOT NULL,
        entry TEXT NOT NULL,
        PRIMARY KEY (code, seq)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS seat_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT NOT NULL,
        time INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        seat INTEGER NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS seat_events_code ON seat_events (code);
      CREATE TABLE IF NOT EXISTS benchmarks (
        key TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        games INTEGER NOT NULL,
        created INTEGER NOT NULL,
        reference TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS placements (
        code TEXT PRIMARY KEY,
        placements TEXT NOT NULL
      );
      ${SAVED_SCENARIOS_SCHEMA}
      ${SESSION_SQL}
    `);
  }

  private statements = new Map<string, StatementSync>();

  /** A prepared statement, prepared once per connection. */
  private stmt(sql: string): StatementSync {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** The pragma in force, as SQLite reports it (0 OFF, 1 NORMAL, 2 FULL). */
  pragma(name: 'synchronous' | 'journal_mode'): unknown {
    const row = this.db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown>;
    return Object.values(row)[0];
  }

  hasTable(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM tables WHERE code = ?').get(code) !== undefined;
  }

  /** Applies a batch of writes in one transaction (see TableStore.write). */
  write(rows: readonly Row[]): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const r of rows) this.apply(r);
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private apply(r: Row): void {
    switch (r.op) {
      case 'insert':
        this.stmt(
          `INSERT INTO tables (code, created, status, scenario, config, settings, seats, host_token_hash, deadline, results, finished)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          r.code,
          r.created,
          r.status,
          r.scenario,
          r.config,
          r.settings,
          r.seats,
          r.hostTokenHash,
          r.deadline,
          r.results,
          r.finished,
        );
        return;
      case 'seats':
        this.stmt('UPDATE tables SET seats = ? WHERE code = ?').run(r.seats, r.code);
        return;
      case 'settings':
        this.stmt('UPDATE tables SET settings = ? WHERE code = ?').run(r.settings, r.code);
        return;
      case 'deadline':
        this.stmt('UPDATE tables SET deadline = ? WHERE code = ?').run(r.deadline, r.code);
        return;
      case 'append':
        this.stmt('INSERT INTO log (code, seq, entry) VALUES (?, ?, ?)').run(r.code, r.seq, r.entry);
        if (r.deadline !== undefined)
          this.stmt('UPDATE tables SET deadline = ? WHERE code = ?').run(r.deadline, r.code);
        return;
      case 'finish':
        this.stmt(
          "UPDATE tables SET status = 'finished', results = ?, finished = ?, deadline = NULL WHERE code = ?",
        ).run(r.results, r.time, r.code);
        return;
      case 'delete':
        for (const table of ['log', 'seat_events', 'placements', 'tables'])
          this.stmt(`DELETE FROM ${table} WHERE code = ?`).run(r.code);
        return;
      case 'seat-event':
        this.stmt('INSERT INTO seat_events (code, time, seq, seat, kind, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
          r.code,
          r.time,
          r.seq,
          r.seat,
          r.kind,
          r.detail,
        );
        return;
      case 'session':
        this.stmt(
          `INSERT INTO sessions (code, created, status, record) VALUES (?, ?, ?, ?)
           ON CONFLICT (code) DO UPDATE SET status = excluded.status, record = excluded.record`,
        ).run(r.code, r.created, r.status, r.record);
        return;
      case 'answer':
        this.stmt(
          `INSERT INTO answers (code, student, question, phase, answer, time, table_code, seat) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (code, student, question, phase) DO UPDATE SET answer = excluded.answer, time = excluded.time,
           table_code = excluded.table_code, seat = excluded.seat`,
        ).run(r.code, r.student, r.question, r.phase, r.answer, r.time, r.table, r.seat);
        return;
    }
  }

  getSession(code: string): SessionRecord | null {
    const row = this.stmt('SELECT record FROM sessions WHERE code = ?').get(code);
    return row ? (JSON.parse(String(row.record)) as SessionRecord) : null;
  }

  openSessions(): string[] {
    return this.stmt("SELECT code FROM sessions WHERE status <> 'ended' ORDER BY created")
      .all()
      .map((r) => String(r.code));
  }

  answers(code: string): ClassAnswer[] {
    return this.stmt('SELECT * FROM answers WHERE code = ? ORDER BY time, student').all(code).map(toAnswer);
  }

  /** Writes a table on its own (tests and tools; the server writes through its journal). */
  insertTable(table: TableRecord): void {
    this.write([toRow({ op: 'insert', table })]);
  }

  finish(code: string, results: unknown, time: number): void {
    this.write([toRow({ op: 'finish', code, results, time })]);
  }

  /** Commits one log entry (and the deadline of the phase it opens, if any) on its own. */
  append(code: string, entry: LogEntry, deadline?: number | null): void {
    this.write([toRow({ op: 'append', code, entry, deadline })]);
  }

  seatEvents(code: string): SeatEvent[] {
    return this.db
      .prepare('SELECT time, seq, seat, kind, detail FROM seat_events WHERE code = ? ORDER BY id')
      .all(code)
      .map((r) => ({
        time: Number(r.time),
        seq: Number(r.seq),
        seat: Number(r.seat),
        kind: r.kind as SeatEventKind,
        detail: String(r.detail),
      }));
  }

  getTable(code: string): TableRecord | null {
    const row = this.db.prepare('SELECT * FROM tables WHERE code = ?').get(code);
    return row ? toRecord(row) : null;
  }

  /** Codes of the tables still being played, oldest first: the ones to restore after a restart. */
  openCodes(): string[] {
    return this.db
      .prepare("SELECT code FROM tables WHERE status = 'open' ORDER BY created")
      .all()
      .map((r) => String(r.code));
  }

  log(code: string): LogEntry[] {
    return this.db
      .prepare('SELECT entry FROM log WHERE code = ? ORDER BY seq')
      .all(code)
      .map((r) => JSON.parse(String(r.entry)) as LogEntry);
  }

  // -------------------------------------------------------------------------------------------
  // Role percentiles (DESIGN 4). A benchmark is a pure function of its key (the scenario's
  // content, the scoring parameters, the rules and bots' versions and its size), so it is stored
  // once under a hash of that key and never changes; the placements of a finished table are
  // stored once computed, so its debrief reads the same on every visit.

  /** The benchmark stored under `key` (a SHA-256 of `benchmarkKey`), or null. */
  getBenchmark(key: string): StoredBenchmark | null {
    const row = this.db.prepare('SELECT scenario_id, games, created, reference FROM benchmarks WHERE key = ?').get(key);
    if (!row) return null;
    return {
      key,
      scenarioId: String(row.scenario_id),
      games: Number(row.games),
      created: Number(row.created),
      reference: JSON.parse(String(row.reference)) as RoleReference,
    };
  }

  /** Stores a benchmark; a second write of the same key is ignored (its content is the same). */
  putBenchmark(b: StoredBenchmark): void {
    this.db
      .prepare('INSERT OR IGNORE INTO benchmarks (key, scenario_id, games, created, reference) VALUES (?, ?, ?, ?, ?)')
      .run(b.key, b.scenarioId, b.games, b.created, JSON.stringify(b.reference));
  }

  /** Keys of every stored benchmark (tests and the operator). */
  benchmarkKeys(): string[] {
    return this.db
      .prepare('SELECT key FROM benchmarks ORDER BY created')
      .all()
      .map((r) => String(r.key));
  }

  /** The placements stored for a finished table, or null while they are not computed. */
  getPlacements(code: string): TablePlacements | null {
    const row = this.db.prepare('SELECT placements FROM placements WHERE code = ?').get(code);
    return row ? (JSON.parse(String(row.placements)) as TablePlacements) : null;
  }

  /** Stores a finished table's placements; the first write wins, so the debrief never changes. */
  putPlacements(code: string, placements: TablePlacements): void {
    this.db
      .prepare('INSERT OR IGNORE INTO placements (code, placements) VALUES (?, ?)')
      .run(code, JSON.stringify(placements));
  }

  // -------------------------------------------------------------------------------------------
  // Scenarios saved from the studio. A table copies the scenario it plays into its own record,
  // so a later version never changes a past game; versions themselves are never overwritten.

  saveScenario(row: SavedScenarioRow, limits: SaveLimits = NO_SAVE_LIMITS): SaveOutcome {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const first = this.stmt('SELECT key_hash FROM saved_scenarios WHERE id = ? AND version = 1').get(row.id);
      if (first && String(first.key_hash) !== row.keyHash) {
        this.db.exec('ROLLBACK');
        return null;
      }
      const last = this.stmt('SELECT MAX(version) AS v FROM saved_scenarios WHERE id = ?').get(row.id);
      const version = Number(last?.v ?? 0) + 1;
      const rows = () => Number(this.stmt('SELECT COUNT(*) AS n FROM saved_scenarios').get()?.n ?? 0);
      const refusal = saveRefusal(version, limits, rows);
      if (refusal) {
        this.db.exec('ROLLBACK');
        return refusal;
      }
      this.stmt(
        'INSERT INTO saved_scenarios (id, version, name, author, created, key_hash, scenario) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(row.id, version, row.name, row.author, row.created, row.keyHash, row.scenario);
      this.db.exec('COMMIT');
      return version;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  savedScenario(id: string, version: number | null): SavedScenario | null {
    const row =
      version === null
        ? this.stmt(`SELECT * FROM saved_scenarios WHERE id = ? ORDER BY version DESC LIMIT 1`).get(id)
        : this.stmt('SELECT * FROM saved_scenarios WHERE id = ? AND version = ?').get(id, version);
    return row ? toSavedScenario(row) : null;
  }

  savedScenarios(): SavedScenarioMeta[] {
    return this.stmt(LATEST_SAVED_SQL.replace('$1', '?')).all(MAX_LISTED_SCENARIOS).map(toSavedMeta);
  }

  get isOpen(): boolean {
    return this.db.isOpen;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

/** A row of the tables table (SQLite or PostgreSQL) as a record. */
export function toRecord(row: Record<string, unknown>): TableRecord {
  return {
    code: String(row.code),
    created: Number(row.created),
    status: row.status as TableStatus,
    // Written by this store from typed values (JSON.stringify), so the parsed shapes are those types.
    scenario: JSON.parse(String(row.scenario)) as Scenario,
    config: JSON.parse(String(row.config)) as GameConfig,
    settings: JSON.parse(String(row.settings)) as TableSettings,
    seats: JSON.parse(String(row.seats)) as SeatRecord[],
    hostTokenHash: row.host_token_hash === null ? null : (row.host_token_hash as string),
    deadline: row.deadline === null ? null : Number(row.deadline),
    results: row.results === null ? null : (JSON.parse(row.results as string) as unknown),
    finished: row.finished === null ? null : Number(row.finished),
  };
}

/** The saved scenarios' table, the same in SQLite and PostgreSQL. */
export const SAVED_SCENARIOS_SCHEMA = `
CREATE TABLE IF NOT EXISTS saved_scenarios (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  author TEXT NOT NULL,
  created BIGINT NOT NULL,
  key_hash TEXT NOT NULL,
  scenario TEXT NOT NULL,
  PRIMARY KEY (id, version)
);`;

/** The latest version of each saved scenario, newest first ($1: how many). */
export const LATEST_SAVED_SQL = `
SELECT s.id, s.version, s.name, s.author, s.created FROM saved_scenarios s
JOIN (SELECT id, MAX(version) AS version FROM saved_scenarios GROUP BY id) latest
  ON latest.id = s.id AND latest.version = s.version
ORDER BY s.created DESC, s.id LIMIT $1`;

export function toSavedMeta(row: Record<string, unknown>): SavedScenarioMeta {
  return {
    id: String(row.id),
    version: Number(row.version),
    name: String(row.name),
    author: String(row.author),
    created: Number(row.created),
  };
}

export function toSavedScenario(row: Record<string, unknown>): SavedScenario {
  return {
    ...toSavedMeta(row),
    scenario: JSON.parse(String(row.scenario)) as Scenario,
    keyHash: String(row.key_hash),
  };
}
