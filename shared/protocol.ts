// The wire between a table's clients and the server: message names, payload schemas and error
// codes. The client bundle imports this file, so it holds names, zod schemas and types only.
// A payload never names its seat: the server takes the seat from the connection
// (ARCHITECTURE "the flow of one move"); a payload that names another seat is refused.
import { z } from 'zod';
import type { GameEvent, RefusalCode, Seat } from './engine/types';
import type { TableView } from './engine/view';
import type { CoachNote } from './record/coach';
import type { PatchOp } from './view-patch';

/** Longest free text the wire carries; the engine's own limit (280) gives the precise refusal. */
const TEXT = z.string().max(2000);
const SEAT = z.number().int().min(0).max(7);
const ID = z.number().int().min(0).max(1_000_000_000);
/**
 * Fields every action message may carry besides its own. `seat` may repeat the sender's seat (any
 * other is refused with `not-your-seat`). `at` names the round and phase the move was meant for:
 * a move that arrives after that phase closed (a late "ready" would otherwise count for the next
 * phase) is refused with `wrong-phase`.
 */
const OWN_SEAT = {
  seat: z.unknown().optional(),
  at: z
    .strictObject({
      round: z.number().int().min(0).max(1000),
      phase: z.enum(['prepare', 'negotiate', 'resolve', 'trust', 'score', 'end']),
    })
    .optional(),
};

const demand = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('share'), share: z.number().int().min(0).max(100) }),
  z.strictObject({ kind: z.literal('concession'), points: z.number().int().min(0).max(1_000_000) }),
  z.strictObject({ kind: z.literal('option'), issue: z.string().max(64), option: z.string().max(64) }),
]);

/** Client -> server messages that become engine actions, by name. */
export const ACTION_MESSAGES = {
  propose: z.strictObject({
    ...OWN_SEAT,
    members: z.array(SEAT).max(8),
    split: z.array(z.number().int().min(0).max(100)).max(8),
    terms: z.record(z.string().max(64), z.string().max(64)),
    promises: z
      .array(z.strictObject({ from: SEAT, to: SEAT, points: z.number().int().min(0).max(1_000_000) }))
      .max(16)
      .optional(),
    rationale: TEXT.optional(),
    visibility: z.enum(['public', 'members']).optional(),
    counterTo: ID.nullable().optional(),
  }),
  accept: z.strictObject({ ...OWN_SEAT, proposal: ID }),
  withdraw: z.strictObject({ ...OWN_SEAT }),
  reject: z.strictObject({ ...OWN_SEAT, proposal: ID, reason: TEXT.optional() }),
  ask: z.strictObject({ ...OWN_SEAT, target: SEAT }),
  answer: z.strictObject({ ...OWN_SEAT, ask: ID }),
  decline: z.strictObject({ ...OWN_SEAT, ask: ID }),
  concede: z.strictObject({
    ...OWN_SEAT,
    to: SEAT,
    points: z.number().int().min(0).max(1_000_000),
    labelled: z.boolean(),
    rationale: TEXT.optional(),
  }),
  declare: z.strictObject({ ...OWN_SEAT, share: z.number().int().min(0).max(100) }),
  escalate: z.strictObject({ ...OWN_SEAT, target: SEAT, demand, rationale: TEXT.optional() }),
  raise: z.strictObject({ ...OWN_SEAT, escalation: ID }),
  renew: z.strictObject({ ...OWN_SEAT, escalation: ID }),
  cosign: z.strictObject({ ...OWN_SEAT, escalation: ID }),
  refuse: z.strictObject({ ...OWN_SEAT, escalation: ID, rationale: TEXT }),
  chat: z.strictObject({ ...OWN_SEAT, to: SEAT.nullable(), text: TEXT }),
  trust: z.strictObject({ ...OWN_SEAT, partner: SEAT, move: z.enum(['honour', 'defect']) }),
  ready: z.strictObject({ ...OWN_SEAT }),
} as const;

export type ActionMessage = keyof typeof ACTION_MESSAGES;
export type ActionPayload<K extends ActionMessage> = z.infer<(typeof ACTION_MESSAGES)[K]>;

/** Client -> server messages that steer the table rather than play it. */
export const CONTROL_MESSAGES = {
  /** The host opens the game (closes prepare). */
  start: z.strictObject({}),
  /** The host stops the phase clock (a solo player steps away; a facilitator holds the class). */
  pause: z.strictObject({}),
  /** The host restarts the clock with the time that was left. */
  resume: z.strictObject({}),
  /**
   * Trust-game practice: lock in the strategy you think each bot plays (once; a solo game ends
   * only when they are locked in, DESIGN 5).
   */
  guesses: z.strictObject({
    guesses: z
      .array(z.strictObject({ seat: SEAT, strategy: z.string().max(32) }))
      .min(1)
      .max(7),
  }),
} as const;

export type ControlMessage = keyof typeof CONTROL_MESSAGES;

/** Server -> client message names. */
export const SERVER_MESSAGES = {
  /** Sent once on join: who you are at this table. */
  welcome: 'welcome',
  /** Your seat's whole view of the table (viewFor): on joining, and when a patch would not do. */
  view: 'view',
  /** What changed in your view since the one numbered `base` (shared/view-patch.ts). */
  viewPatch: 'view-patch',
  /** The events of one accepted action that your seat may see. */
  events: 'events',
  /** On joining or returning: every earlier event your seat heard, to rebuild the feed. */
  backlog: 'backlog',
  /** A refusal or a rejected message, to its sender only. */
  error: 'error',
  /** The server is going down; the table is saved, rejoin with your seat token. */
  shutdown: 'shutdown',
  /** Solo tables: the coach's note on the round just scored, to its seat only. */
  coach: 'coach',
  /** A class session's facilitator speaks to every student (shown on top of the table). */
  notice: 'notice',
} as const;

export interface NoticeMessage {
  text: string;
  time: number;
}

/** Errors the server adds to the engine's refusal codes. */
export const SERVER_ERROR_CODES = [
  'bad-payload',
  'bad-frame',
  'unknown-message',
  'too-large',
  'rate-limited',
  'not-seated',
  'not-host',
  'already-started',
  'not-started',
  'bot-seat',
  'internal',
  'not-practice',
  'bad-guesses',
  'guesses-locked',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
export type ErrorCode = RefusalCode | ServerErrorCode;

/** Why a join or create was refused (the text of the matchmaking error starts with the code). */
export const JOIN_ERROR_CODES = [
  'bad-options',
  'bad-scenario',
  'bad-name',
  'name-taken',
  'role-taken',
  'table-full',
  'bad-token',
  'table-over',
  'spectators-full',
  'too-many-connections',
  'too-many-tables',
  'seat-held',
  'too-many-guesses',
  'class-table',
] as const;
export type JoinErrorCode = (typeof JOIN_ERROR_CODES)[number];

/** The code at the start of a join error's message ("name-taken: ..."), if it is one of ours. */
export function joinErrorCode(message: string): JoinErrorCode | null {
  const code = message.split(':', 1)[0];
  return (JOIN_ERROR_CODES as readonly string[]).includes(code) ? (code as JoinErrorCode) : null;
}

export const MAX_NAME = 24;

const botSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('persona'), persona: z.string().max(32), difficulty: z.string().max(16) }),
  z.strictObject({ kind: z.literal('strategy'), strategy: z.string().max(32) }),
]);

/** A seat as the table's creator configures it. */
export const seatConfig = z.union([
  z.strictObject({ kind: z.literal('human') }),
  z.strictObject({ kind: z.literal('bot'), bot: botSpec }),
]);

const duration = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600)
  .nullable();

const joinFields = {
  name: z.string().max(200).optional(),
  /** A role id or seat index to sit in; otherwise the first free seat. */
  role: z.union([z.string().max(64), SEAT]).optional(),
  /** A seat token from an earlier welcome: reclaims that seat. */
  token: z.string().max(200).optional(),
  /** A host token from an earlier welcome: this client may start the table. */
  hostToken: z.string().max(200).optional(),
  spectate: z.boolean().optional(),
};

/**
 * What a client may pass when it joins a table. Not strict: when a client creates a table the
 * same options also carry the table's setup (createOptions), which joining ignores.
 */
export const joinOptions = z.object(joinFields);
export type JoinOptions = z.infer<typeof joinOptions>;

/** Options of `create('table', ...)`: the table, plus the creator's own join options. */
export const createOptions = z.strictObject({
  ...joinFields,
  /** A built-in scenario id, or a whole scenario (validated by shared/scenarios/schema). */
  scenario: z.union([z.string().max(64), z.record(z.string(), z.unknown())]),
  mode: z.enum(['coalition', 'trust']).default('coalition'),
  /** Trust game: how many seats (the trust game has its own table, scenario "trust-game"). */
  players: z.number().int().min(2).max(8).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  noise: z.number().min(0).max(0.5).optional(),
  rounds: z.number().int().min(1).max(100).optional(),
  /**
   * A shorter (or longer) hidden horizon: at least min rounds, then each further one with chance
   * continue (default 0.8), never more than max, which games must rarely reach (DESIGN 2).
   */
  roundRange: z
    .strictObject({
      min: z.number().int().min(1).max(100),
      max: z.number().int().min(1).max(100),
      continue: z.number().min(0).max(0.95).optional(),
    })
    .optional(),
  /** Solo: how well the bots play (default normal). */
  difficulty: z.enum(['easy', 'normal', 'hard']).optional(),
  /** One entry per role; default: every seat human. */
  seats: z.array(seatConfig).max(8).optional(),
  /** Seconds; null = untimed (ends when every human is ready). Defaults from the scenario. */
  durations: z
    .strictObject({
      negotiate: duration.optional(),
      trust: duration.optional(),
      resolve: duration.optional(),
      score: duration.optional(),
    })
    .optional(),
  /** in-class: a bot takes a seat whose player is gone 60 s; between-meetings: nobody does. */
  policy: z.enum(['in-class', 'between-meetings']).default('in-class'),
  private: z.boolean().optional(),
  /** One human (the creator), bots in every other seat, a private table. */
  solo: z.boolean().optional(),
});
export type CreateOptions = z.input<typeof createOptions>;

export interface Welcome {
  code: string;
  seat: Seat | null;
  /** Keep it (localStorage): it reclaims the seat after a reload or a restart. */
  token: string | null;
  /** Only for the table's host: lets a new connection start the table. */
  hostToken: string | null;
  host: boolean;
  serverTime: number;
}

export interface ViewMessage {
  /**
   * How many times this seat's view (or the spectators') has changed since the table was loaded:
   * it grows only with what this client can see, never with other seats' private moves.
   */
  seq: number;
  view: TableView;
  /** Trust-game practice: this seat's own locked guesses. */
  practice?: PracticeView;
}

/** A guess: the strategy a seat thinks a bot seat plays. */
export interface Guess {
  seat: Seat;
  strategy: string;
}

/** One seat's locked guesses and when it locked them. */
export interface LockedGuesses {
  seat: Seat;
  round: number;
  guesses: Guess[];
}

export interface PracticeView {
  /** The table's noise: the chance that a chosen move is flipped (the player chose it). */
  noise: number;
  /** The bot seats this seat may name. */
  bots: Seat[];
  /** Its guesses once locked in, else null. */
  locked: LockedGuesses | null;
  /** The last round has been played: the game ends once these guesses are locked in. */
  due: boolean;
}

export interface ViewPatchMessage {
  seq: number;
  /** The seq of the view this patch applies to: always the last view this connection got. */
  base: number;
  ops: PatchOp[];
  /** As in ViewMessage: this seat's trust-game practice, whole, when it has one. */
  practice?: PracticeView;
}

export interface EventsMessage {
  events: GameEvent[];
}

/**
 * Every earlier event a seat heard, batched by log entry (shared/record/audience.ts), without
 * the entries' places in the log: the gaps would count other seats' private moves.
 */
export interface BacklogMessage {
  batches: EventsMessage[];
}

export interface CoachMessage {
  round: number;
  note: CoachNote;
}

export interface ErrorMessage {
  code: ErrorCode;
  message: string;
  /** The message type this answers, if any. */
  type?: string;
}

/** A public table still being played, as GET /api/tables and the lobby room list it. */
export interface TableListing {
  code: string;
  scenario: string;
  mode: string;
  phase: string;
  round: number;
  freeSeats: number;
  seats: number;
}
