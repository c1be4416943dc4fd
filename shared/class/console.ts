// What a class session's screens receive (issue 10): the facilitator's console, the projector and
// each student's waiting room. Plain data over the session room's messages; the client bundle
// imports this file, so it holds types and message names only.
import type { Seat } from '../engine/types';
import type { ClassQuestion, QuestionPhase } from './input';

/** The close code of a student's connection whose name the facilitator gave to another device: do not rejoin. */
export const NAME_RELEASED = 4100;

export const CLASS_MESSAGES = {
  /** To the facilitator: the whole console. */
  console: 'class-console',
  /** To the projector: public facts only. */
  projector: 'class-projector',
  /** To one student: where they sit and what they may answer. */
  student: 'class-student',
  /** Student -> server: an answer to a before/after question. */
  answer: 'class-answer',
} as const;

export interface ConsoleSeat {
  seat: Seat;
  role: string;
  /** The student's name (the facilitator's screen only), or null for a bot seat or a free seat. */
  name: string | null;
  /** The session's id of the student seated here. */
  student: string | null;
  playedBy: 'human' | 'bot' | 'nobody';
  /** Configured as a bot seat (not a person's seat a bot holds). */
  botSeat: boolean;
  /** The facilitator handed it to a bot. */
  held: boolean;
  connected: boolean;
  ready: boolean;
}

export interface ConsoleTable {
  code: string;
  label: string;
  status: 'prepare' | 'playing' | 'ended';
  round: number;
  phase: string;
  /** Milliseconds left in the phase at `serverTime`; null when untimed. Never the game's length. */
  timeLeft: number | null;
  paused: boolean;
  seats: ConsoleSeat[];
  /** Deals struck so far, escalations opened so far. */
  deals: number;
  escalations: number;
  /** Joint gain so far over the best joint gain of the rounds played; null before a round is scored. */
  efficiency: number | null;
  /** Something needs the facilitator: a person's seat empty with nobody playing it, or the clock paused long. */
  stuck: string | null;
}

export interface ConsoleStudent {
  id: string;
  name: string;
  table: string | null;
  seat: Seat | null;
  connected: boolean;
  /** Joins refused because another device typed this student's name (the facilitator may release it). */
  nameAttempts: number;
  answered: { before: number; after: number };
}

export interface ConsoleModel {
  code: string;
  status: 'waiting' | 'running' | 'ended';
  created: number;
  scenario: { id: string; name: string };
  anonymous: boolean;
  questions: boolean;
  roster: string[];
  /** Seats per table that are for people. */
  humanSeats: number;
  students: ConsoleStudent[];
  tables: ConsoleTable[];
  messages: { time: number; text: string }[];
  serverTime: number;
}

/** The projector's view: the join code and public facts only, no names, no private moves. */
export interface ProjectorModel {
  code: string;
  status: ConsoleModel['status'];
  scenario: { id: string; name: string };
  waiting: number;
  seated: number;
  tables: {
    label: string;
    status: ConsoleTable['status'];
    round: number;
    phase: string;
    timeLeft: number | null;
    paused: boolean;
    people: number;
    connected: number;
  }[];
  messages: { time: number; text: string }[];
  serverTime: number;
}

export interface StudentModel {
  session: string;
  status: ConsoleModel['status'];
  scenario: { id: string; name: string };
  /** This student's name, as the session knows it. */
  name: string;
  /** This browser's private claim on the name: kept, and sent with every later join, it gets the student back. */
  claim: string;
  /** Where to sit: the table, seat, role and a fresh seat token (null while waiting). */
  seat: { table: string; label: string; seat: Seat; role: string; token: string } | null;
  /** The table's game is over (the after questions open). */
  tableEnded: boolean;
  /** The facilitator handed this student's seat to a bot for now. */
  held: boolean;
  questions: { phase: QuestionPhase; list: ClassQuestion[]; answered: Record<string, string> } | null;
  messages: { time: number; text: string }[];
}

export interface ClassAnswerMessage {
  question: string;
  phase: QuestionPhase;
  answer: string;
}

/** A table's full view for its facilitator (never the projector): private facts included. */
export interface FullTableView {
  code: string;
  round: number;
  phase: string;
  seats: {
    seat: Seat;
    role: string;
    /** Private: the seat's walk-away (points a round outside the winning deal). */
    walkAway: number;
    declared: number | null;
    points: number;
    reputation: number;
    ready: boolean;
  }[];
  /** Every open proposal, members-only ones included. */
  proposals: {
    id: number;
    proposer: string;
    members: string[];
    split: number[];
    visibility: string;
    rationale: string;
  }[];
  /** The latest chat, private messages included. */
  chat: { round: number; from: string; to: string | null; text: string }[];
  /** This trust stage's moves so far (hidden from the players until the reveal). */
  trust: { a: string; b: string; moveA: string | null; moveB: string | null }[];
}
