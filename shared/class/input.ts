// What a class debrief is computed from (issue 10): the session's tables as records plus the
// students' before/after answers. The server (server/class/) builds it from its session records;
// shared/class/debrief.ts turns it into the model the class debrief page renders. Plain JSON, so
// the same input can be exported, stored as a fixture and replayed.
import type { BotSpec } from '../bots/bot';
import type { GameConfig, Scenario, Seat } from '../engine/types';
import type { LogEntry } from '../record/log';

/** One table of the session, as recorded: a game is (scenario, config with seed, log) (DESIGN 8). */
export interface ClassTableInput {
  /** The table's code (the room id); the key of its own debrief. */
  code: string;
  /** The label the class sees ("Table 1" …). */
  label: string;
  scenario: Scenario;
  config: GameConfig;
  log: LogEntry[];
  /** The table's results as the server stored them when it finished (server/rooms/results.ts), or null while open. */
  results: unknown;
  finished: boolean;
  /** Per seat (index = seat): who sat there. */
  seats: ClassSeatInput[];
}

export interface ClassSeatInput {
  seat: Seat;
  /** Configured for a person or for a bot. */
  kind: 'human' | 'bot';
  /** The bot that played it (bot seat) or stood in for it at some point (human seat), if any. */
  bot: BotSpec | null;
  /**
   * A bot held this human seat for some of the game (never claimed, or taken over after a
   * disconnect): the seat's results are partly a bot's. Log entries say which actions (`by`).
   */
  botHeld: boolean;
}

export type QuestionPhase = 'before' | 'after';

/** A before/after question (shared/class/questions.ts lists them). */
export interface ClassQuestion {
  id: string;
  /** The lesson it belongs to (DESIGN 10 claim id or a short tag). */
  lesson: string;
  text: string;
  /** Choices for a multiple-choice question; null = a number (e.g. a share in percent). */
  choices: { value: string; label: string }[] | null;
  /** For a number question: inclusive bounds and the unit shown. */
  range?: { min: number; max: number; unit: string };
}

export interface ClassAnswer {
  /** An anonymous, stable id of the student within the session (not the name). */
  student: string;
  /** The table and seat the student sat at when answering, if seated. */
  table: string | null;
  seat: Seat | null;
  question: string;
  phase: QuestionPhase;
  /** The chosen choice value, or the number as a string. */
  answer: string;
  time: number;
}

export interface ClassDebriefInput {
  session: {
    code: string;
    /** Epoch ms. */
    created: number;
    ended: number | null;
    /** Role names only on screen (students' names never appear in the model). */
    anonymous: boolean;
  };
  tables: ClassTableInput[];
  questions: ClassQuestion[];
  answers: ClassAnswer[];
}
