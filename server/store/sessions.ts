// The durable record of a class session (issue 10): its setup, roster, tables and the students'
// before/after answers. Behind the same TableStore as the tables (SQLite or PostgreSQL): a
// session survives a server kill like a table does. The session is small and changes seldom, so
// it is stored whole (one JSON row, rewritten on each change); answers are rows of their own.
import type { BotSpec } from '../../shared/bots/bot';
import type { Mode, Scenario, Seat } from '../../shared/engine/types';
import type { ClassAnswer } from '../../shared/class/input';
import type { Durations, TakeoverPolicy } from './store';

export type SessionStatus = 'waiting' | 'running' | 'ended';

/** What the facilitator chose when creating the session. */
export interface SessionSetup {
  scenario: Scenario;
  mode: Mode;
  /** A fixed number of tables, or null: as many as the students fill. */
  tables: number | null;
  /** Per seat: for a person, or a bot (leftover person seats get stand-in bots at the start). */
  seats: ({ kind: 'human' } | { kind: 'bot'; bot: BotSpec })[];
  durations: Durations;
  roundRange: { min: number; max: number; continue?: number } | null;
  /** A fixed number of rounds (tests; a facilitator's form never sets it: it would tell the end). */
  rounds?: number;
  policy: TakeoverPolicy;
  /** Role names only on every screen of the session. */
  anonymous: boolean;
  /** Ask the before/after questions. */
  questions: boolean;
  /** Names the facilitator pasted: students pick theirs from the list (empty: any name). */
  roster: string[];
  /** Tests only: each table's seed (seat i's table gets seeds[i]). */
  seeds?: number[];
}

export interface StudentRecord {
  /** Anonymous, stable id within the session (what exports and the debrief use). */
  id: string;
  name: string;
  joined: number;
  /** The table code and seat, once seated. */
  table: string | null;
  seat: Seat | null;
  /** The hash of the name claim the student's browser keeps (null once the facilitator released the name). */
  claimHash?: string | null;
}

export interface SessionRecord {
  code: string;
  created: number;
  status: SessionStatus;
  ended: number | null;
  /** SHA-256 of the facilitator key: the key itself is shown once and never stored. */
  keyHash: string;
  setup: SessionSetup;
  students: StudentRecord[];
  /** Table codes in the order the class sees them (Table 1, 2, …). */
  tables: string[];
  /** Broadcast messages, newest last. */
  messages: { time: number; text: string }[];
}

export type SessionRow =
  | { op: 'session'; code: string; created: number; status: SessionStatus; record: string }
  | {
      op: 'answer';
      code: string;
      student: string;
      question: string;
      phase: string;
      answer: string;
      time: number;
      table: string | null;
      seat: number | null;
    };

export function sessionRow(s: SessionRecord): SessionRow {
  return { op: 'session', code: s.code, created: s.created, status: s.status, record: JSON.stringify(s) };
}

export function answerRow(code: string, a: ClassAnswer): SessionRow {
  return {
    op: 'answer',
    code,
    student: a.student,
    question: a.question,
    phase: a.phase,
    answer: a.answer,
    time: a.time,
    table: a.table,
    seat: a.seat,
  };
}

export function toAnswer(r: Record<string, unknown>): ClassAnswer {
  return {
    student: String(r.student),
    question: String(r.question),
    phase: r.phase === 'after' ? 'after' : 'before',
    answer: String(r.answer),
    time: Number(r.time),
    table: typeof r.table_code === 'string' ? r.table_code : null,
    seat: r.seat === null || r.seat === undefined ? null : Number(r.seat),
  };
}

export const SESSION_SQL = `
  CREATE TABLE IF NOT EXISTS sessions (
    code TEXT PRIMARY KEY,
    created BIGINT NOT NULL,
    status TEXT NOT NULL,
    record TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS answers (
    code TEXT NOT NULL,
    student TEXT NOT NULL,
    question TEXT NOT NULL,
    phase TEXT NOT NULL,
    answer TEXT NOT NULL,
    time BIGINT NOT NULL,
    table_code TEXT,
    seat INTEGER,
    PRIMARY KEY (code, student, question, phase)
  );
`;
