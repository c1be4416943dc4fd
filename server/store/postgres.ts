// The TableStore of more than one machine: PostgreSQL (DATABASE_URL). Every server process reads
// and writes the same tables, logs and seat events, so when a machine is lost any other process
// rebuilds its tables from their logs. Which process serves a table is recorded with it (owner);
// each process beats a heartbeat, and takes over the open tables of a process whose heartbeat
// stopped. A process that lost a table (it stalled past the deadline and another took over) can
// no longer write to it: every write checks the owner, so two processes never play one table.
import pg from 'pg';
import type { ClassAnswer } from '../../shared/class/input';
import type { LogEntry } from '../../shared/record/log';
import { SESSION_SQL, toAnswer, type SessionRecord } from './sessions';
import {
  LATEST_SAVED_SQL,
  MAX_LISTED_SCENARIOS,
  NO_SAVE_LIMITS,
  SAVED_SCENARIOS_SCHEMA,
  saveRefusal,
  toRecord,
  toSavedMeta,
  toSavedScenario,
  type SavedScenario,
  type SavedScenarioMeta,
  type SavedScenarioRow,
  type SaveLimits,
  type SaveOutcome,
  type Orphan,
  type Row,
  type SeatEvent,
  type SeatEventKind,
  type TableRecord,
  type TableStore,
} from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tables (
  code TEXT PRIMARY KEY,
  created BIGINT NOT NULL,
  status TEXT NOT NULL,
  scenario TEXT NOT NULL,
  config TEXT NOT NULL,
  settings TEXT NOT NULL,
  seats TEXT NOT NULL,
  host_token_hash TEXT,
  deadline BIGINT,
  results TEXT,
  finished BIGINT,
  owner TEXT
);
CREATE INDEX IF NOT EXISTS tables_open ON tables (status, owner);
CREATE TABLE IF NOT EXISTS log (
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (code, seq)
);
CREATE TABLE IF NOT EXISTS seat_events (
  id BIGSERIAL PRIMARY KEY,
  code TEXT NOT NULL,
  time BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  seat INTEGER NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS seat_events_code ON seat_events (code);
${SESSION_SQL}
CREATE TABLE IF NOT EXISTS processes (
  id TEXT PRIMARY KEY,
  beat BIGINT NOT NULL
);
-- One round trip per batch: the rows of a batch are applied in order, in the caller's transaction.
CREATE OR REPLACE FUNCTION leverage_write(ops jsonb, me text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  o jsonb;
BEGIN
  FOR o IN SELECT value FROM jsonb_array_elements(ops) LOOP
    IF o->>'op' NOT IN ('insert', 'session', 'answer') AND NOT EXISTS (SELECT 1 FROM tables WHERE code = o->>'code' AND owner = me) THEN
      RAISE EXCEPTION 'table % is not held by this process', o->>'code';
    END IF;
    CASE o->>'op'
      WHEN 'insert' THEN
        INSERT INTO tables (code, created, status, scenario, config, settings, seats, host_token_hash, deadline, results, finished, owner)
        VALUES (o->>'code', (o->>'created')::bigint, o->>'status', o->>'scenario', o->>'config', o->>'settings', o->>'seats',
                o->>'hostTokenHash', (o->>'deadline')::bigint, o->>'results', (o->>'finished')::bigint, me);
      WHEN 'seats' THEN UPDATE tables SET seats = o->>'seats' WHERE code = o->>'code';
      WHEN 'settings' THEN UPDATE tables SET settings = o->>'settings' WHERE code = o->>'code';
      WHEN 'deadline' THEN UPDATE tables SET deadline = (o->>'deadline')::bigint WHERE code = o->>'code';
      WHEN 'append' THEN
        INSERT INTO log (code, seq, entry) VALUES (o->>'code', (o->>'seq')::integer, o->>'entry');
        IF o ? 'deadline' THEN UPDATE tables SET deadline = (o->>'deadline')::bigint WHERE code = o->>'code'; END IF;
      WHEN 'finish' THEN
        UPDATE tables SET status = 'finished', results = o->>'results', finished = (o->>'time')::bigint, deadline = NULL WHERE code = o->>'code';
      WHEN 'delete' THEN
        DELETE FROM log WHERE code = o->>'code';
        DELETE FROM seat_events WHERE code = o->>'code';
        DELETE FROM tables WHERE code = o->>'code';
      WHEN 'seat-event' THEN
        INSERT INTO seat_events (code, time, seq, seat, kind, detail)
        VALUES (o->>'code', (o->>'time')::bigint, (o->>'seq')::integer, (o->>'seat')::integer, o->>'kind', o->>'detail');
      WHEN 'session' THEN
        INSERT INTO sessions (code, created, status, record)
        VALUES (o->>'code', (o->>'created')::bigint, o->>'status', o->>'record')
        ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status, record = EXCLUDED.record;
      WHEN 'answer' THEN
        INSERT INTO answers (code, student, question, phase, answer, time, table_code, seat)
        VALUES (o->>'code', o->>'student', o->>'question', o->>'phase', o->>'answer', (o->>'time')::bigint,
                o->>'table', (o->>'seat')::integer)
        ON CONFLICT (code, student, question, phase) DO UPDATE SET answer = EXCLUDED.answer, time = EXCLUDED.time,
          table_code = EXCLUDED.table_code, seat = EXCLUDED.seat;
      ELSE RAISE EXCEPTION 'unknown write %', o->>'op';
    END CASE;
  END LOOP;
END $$;
`;

/** Schema changes run one process at a time (CREATE OR REPLACE FUNCTION is not safe to race). */
const SCHEMA_LOCK = 71_170_011;

export class PostgresStore implements TableStore {
  private pool: pg.Pool;
  private ready: Promise<void>;

  /**
   * `me()`: this process's name in the `owner` column: its Colyseus process id (known once the
   * server is set up), which another process also needs to clear this one's rooms from Redis.
   */
  constructor(
    url: string,
    private me: () => string,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection that breaks must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.ready = this.migrate();
    this.ready.catch(() => undefined);
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await client.query(SCHEMA);
        await client.query(SAVED_SCENARIOS_SCHEMA);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async write(rows: Row[]): Promise<void> {
    await this.query('SELECT leverage_write($1::jsonb, $2)', [JSON.stringify(rows), this.me()]);
  }

  async hasTable(code: string): Promise<boolean> {
    return (await this.query('SELECT 1 FROM tables WHERE code = $1', [code])).length > 0;
  }

  async getTable(code: string): Promise<TableRecord | null> {
    const [row] = await this.query('SELECT * FROM tables WHERE code = $1', [code]);
    return row ? toRecord(row) : null;
  }

  async openCodes(): Promise<string[]> {
    return (await this.query<{ code: string }>("SELECT code FROM tables WHERE status = 'open' ORDER BY created")).map(
      (r) => r.code,
    );
  }

  async log(code: string): Promise<LogEntry[]> {
    return (await this.query<{ entry: string }>('SELECT entry FROM log WHERE code = $1 ORDER BY seq', [code])).map(
      (r) => JSON.parse(r.entry) as LogEntry,
    );
  }

  async seatEvents(code: string): Promise<SeatEvent[]> {
    const rows = await this.query<{ time: string; seq: number; seat: number; kind: string; detail: string }>(
      'SELECT time, seq, seat, kind, detail FROM seat_events WHERE code = $1 ORDER BY id',
      [code],
    );
    return rows.map((r) => ({
      time: Number(r.time),
      seq: r.seq,
      seat: r.seat,
      kind: r.kind as SeatEventKind,
      detail: r.detail,
    }));
  }

  async getSession(code: string): Promise<SessionRecord | null> {
    const [row] = await this.query<{ record: string }>('SELECT record FROM sessions WHERE code = $1', [code]);
    return row ? (JSON.parse(row.record) as SessionRecord) : null;
  }

  async openSessions(): Promise<string[]> {
    return (
      await this.query<{ code: string }>("SELECT code FROM sessions WHERE status <> 'ended' ORDER BY created")
    ).map((r) => r.code);
  }

  async answers(code: string): Promise<ClassAnswer[]> {
    return (await this.query('SELECT * FROM answers WHERE code = $1 ORDER BY time, student', [code])).map(toAnswer);
  }

  async heartbeat(now: number): Promise<void> {
    await this.query(
      'INSERT INTO processes (id, beat) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET beat = EXCLUDED.beat',
      [this.me(), now],
    );
  }

  /** Takes the open tables of every process whose heartbeat is older than `staleMs` (or that has none). */
  async adoptOrphans(now: number, staleMs: number): Promise<Orphan[]> {
    const rows = await this.query<{ code: string; previous: string | null }>(
      `WITH alive AS (SELECT id FROM processes WHERE beat > $2),
            taken AS (
              SELECT t.code, t.owner FROM tables t
              WHERE t.status = 'open' AND (t.owner IS NULL OR (t.owner <> $1 AND t.owner NOT IN (SELECT id FROM alive)))
              FOR UPDATE SKIP LOCKED
            )
       UPDATE tables SET owner = $1 FROM taken WHERE tables.code = taken.code RETURNING tables.code, taken.owner AS previous`,
      [this.me(), now - staleMs],
    );
    return rows.map((r) => ({ code: r.code, fromColyseus: r.previous }));
  }

  async holds(code: string): Promise<boolean> {
    return (
      (await this.query("SELECT 1 FROM tables WHERE code = $1 AND owner = $2 AND status = 'open'", [code, this.me()]))
        .length > 0
    );
  }

  async heldCodes(): Promise<string[]> {
    return (
      await this.query<{ code: string }>("SELECT code FROM tables WHERE owner = $1 AND status = 'open'", [this.me()])
    ).map((r) => r.code);
  }

  async saveScenario(row: SavedScenarioRow, limits: SaveLimits = NO_SAVE_LIMITS): Promise<SaveOutcome> {
    await this.ready;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One saver of an id at a time, across processes: the versions of an id stay 1, 2, 3…
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [row.id]);
      const first = await client.query<{ key_hash: string }>(
        'SELECT key_hash FROM saved_scenarios WHERE id = $1 AND version = 1',
        [row.id],
      );
      if (first.rows.length > 0 && first.rows[0].key_hash !== row.keyHash) {
        await client.query('ROLLBACK');
        return null;
      }
      const last = await client.query<{ v: number | null }>(
        'SELECT MAX(version) AS v FROM saved_scenarios WHERE id = $1',
        [row.id],
      );
      const version = Number(last.rows[0]?.v ?? 0) + 1;
      // Counted under this id's lock only: concurrent saves of other ids may pass the cap by a few.
      const rows =
        limits.totalRows > 0
          ? Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM saved_scenarios')).rows[0].n)
          : 0;
      const refusal = saveRefusal(version, limits, () => rows);
      if (refusal) {
        await client.query('ROLLBACK');
        return refusal;
      }
      await client.query(
        'INSERT INTO saved_scenarios (id, version, name, author, created, key_hash, scenario) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [row.id, version, row.name, row.author, row.created, row.keyHash, row.scenario],
      );
      await client.query('COMMIT');
      return version;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async savedScenario(id: string, version: number | null): Promise<SavedScenario | null> {
    const [row] =
      version === null
        ? await this.query('SELECT * FROM saved_scenarios WHERE id = $1 ORDER BY version DESC LIMIT 1', [id])
        : await this.query('SELECT * FROM saved_scenarios WHERE id = $1 AND version = $2', [id, version]);
    return row ? toSavedScenario(row) : null;
  }

  async savedScenarios(): Promise<SavedScenarioMeta[]> {
    return (await this.query(LATEST_SAVED_SQL, [MAX_LISTED_SCENARIOS])).map(toSavedMeta);
  }

  async close(): Promise<void> {
    // A process that stops cleanly hands its tables on at once instead of after the heartbeat deadline.
    await this.query('DELETE FROM processes WHERE id = $1', [this.me()]).catch(() => undefined);
    await this.pool.end();
  }
}
