// What the class debrief is computed from (DESIGN 5 "Class session", issue 10 item 4): the
// session's tables as records (scenario, config with seed, action log), who held each seat, and
// the students' before/after answers. The server builds it from its session records; tests build
// it from headless bot games. Pure data: no I/O.
import type { LessonId } from '../record/lessons';
import type { GameRecord } from '../record/log';
import type { HeldBy, TablePlacements } from '../record/placements';

/** One seat of a class table, as the session's roster knows it. */
export interface ClassSeatInput {
  seat: number;
  /** Who played it: a person throughout, a bot throughout, or a bot for part of the game (placements.heldBy). */
  heldBy: HeldBy;
  /** The student's name; null for a bot seat or when the session is anonymous (role names only). */
  name: string | null;
}

/** One table of the session. */
export interface ClassTableInput {
  /** The table's code: its own debrief opens at `/?code=<id>`. */
  id: string;
  /** What the room calls it ("Table 3"); defaults to "Table <n>" in input order. */
  label?: string;
  /** The table's record: replaying it rebuilds every state (an unfinished table counts the rounds it played). */
  record: GameRecord;
  /** One entry per seat of the scenario, in seat order. */
  seats: ClassSeatInput[];
  /**
   * The table's role percentiles against the scenario's bot benchmark (as the server computes them
   * for a finished table), reported apart from the class's own; null or absent when not computed.
   */
  benchmark?: TablePlacements | null;
}

/** A before/after question (issue 10 item 5), tied to a lesson. */
export interface ClassQuestion {
  id: string;
  text: string;
  /** 'choice': the answer is one of `options` (by id); 'number': a number (e.g. a share in %). */
  kind: 'choice' | 'number';
  options?: { id: string; text: string }[];
  /** For a number: the unit shown after it, e.g. '%'. */
  unit?: string;
  lesson?: LessonId;
}

/** One student's answer to one question, before the first round or after the last. */
export interface ClassAnswer {
  /** A stable id of the student within the session (the roster's), so before and after can be paired. */
  student: string;
  question: string;
  phase: 'before' | 'after';
  /** An option id for a choice question; a number for a number question. */
  answer: string | number;
}

export interface ClassDebriefInput {
  /** The session's join code or id; the page's address is `#class-debrief/<session>`. */
  session: string;
  /** The session's title for the projector, if the facilitator gave one. */
  title?: string;
  /** Anonymity (role names only): student names are not shown even if given. */
  anonymous?: boolean;
  tables: ClassTableInput[];
  /** The questions asked (absent or empty: none were). */
  questions?: ClassQuestion[];
  answers?: ClassAnswer[];
}
