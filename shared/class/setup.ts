// What a facilitator sends to create a class session (issue 10), checked on the server; the
// console's form builds it. The table parts (scenario, seats, durations, length, policy) are the
// same as a table's create options and are validated by the same code.
import { z } from 'zod';
import { createOptions, MAX_NAME } from '../protocol';

const table = createOptions.pick({
  scenario: true,
  mode: true,
  players: true,
  seats: true,
  durations: true,
  roundRange: true,
  rounds: true,
  policy: true,
});

export const MAX_TABLES = 20;

export const createSession = table.extend({
  /** A fixed number of tables, or null: as many as the students fill. */
  tables: z.number().int().min(1).max(MAX_TABLES).nullable().default(null),
  anonymous: z.boolean().default(false),
  questions: z.boolean().default(true),
  /** Names the students pick from (one per line in the form); empty: any name. */
  roster: z
    .array(z.string().max(MAX_NAME * 2))
    .max(200)
    .default([]),
  /** Test servers only (acceptSeed): each table's seed, in table order. */
  seeds: z.array(z.number().int().min(0).max(0xffffffff)).max(MAX_TABLES).optional(),
});
export type CreateSession = z.input<typeof createSession>;

/** The answer to a session's creation: the facilitator key appears here once and never again. */
export interface SessionCreated {
  code: string;
  key: string;
  joinUrl: string;
  consoleUrl: string;
}

/** What anyone with the code may know of a session (the join page). */
export interface SessionInfo {
  code: string;
  status: 'waiting' | 'running' | 'ended';
  scenario: { id: string; name: string };
  roster: string[];
  questions: boolean;
}

/** A facilitator's command (POST /api/class/:code/act with the key). */
export const sessionCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('seat-all') }),
  z.strictObject({
    type: z.literal('assign'),
    student: z.string().max(40),
    table: z.string().max(16),
    seat: z.number().int().min(0).max(7),
  }),
  z.strictObject({ type: z.literal('start'), table: z.string().max(16).nullable().default(null) }),
  z.strictObject({ type: z.literal('pause'), table: z.string().max(16).nullable().default(null) }),
  z.strictObject({ type: z.literal('resume'), table: z.string().max(16).nullable().default(null) }),
  z.strictObject({
    type: z.literal('extend'),
    table: z.string().max(16).nullable().default(null),
    seconds: z.number().int().min(5).max(3600),
  }),
  z.strictObject({ type: z.literal('close'), table: z.string().max(16).nullable().default(null) }),
  z.strictObject({ type: z.literal('hold'), table: z.string().max(16), seat: z.number().int().min(0).max(7) }),
  z.strictObject({ type: z.literal('give-back'), table: z.string().max(16), seat: z.number().int().min(0).max(7) }),
  z.strictObject({ type: z.literal('message'), text: z.string().max(280) }),
  z.strictObject({ type: z.literal('release'), student: z.string().max(40) }),
  z.strictObject({ type: z.literal('end') }),
]);
export type SessionCommandInput = z.input<typeof sessionCommand>;

/** Every command type: the facilitator-only tests go through each. */
export const SESSION_COMMANDS = [
  'seat-all',
  'assign',
  'start',
  'pause',
  'resume',
  'extend',
  'close',
  'hold',
  'give-back',
  'message',
  'release',
  'end',
] as const;
