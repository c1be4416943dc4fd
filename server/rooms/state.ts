// The Colyseus schema state of a table: public lobby facts only (fields, no logic).
//
// Why not per-client StateView projections of the game? The engine already defines exactly what a
// seat or a spectator may see, in one pure function (viewFor, DESIGN 1 "Who sees what"). Each
// client therefore receives its own viewFor(state, seat) as a `view` message after every change,
// and the events of its audience as `events`. Re-encoding those privacy rules as `.view()` tags
// would write them a second time, where a mistake leaks a walk-away. The schema below holds only
// what everyone may know (and what a lobby list shows): phase, round, deadline, and each seat's
// name, whether a person or a bot plays it, whether it is connected and ready. Nothing here may
// change with a private move (not even a count of log entries): every client receives every patch.
import { schema, t, type SchemaType } from '@colyseus/schema';

export const SeatInfo = schema(
  {
    seat: t.uint8(),
    roleId: t.string(),
    roleName: t.string(),
    /** The player's name; empty while nobody has claimed the seat or for a bot seat. */
    name: t.string().default(''),
    /** As configured: 'human' or 'bot'. */
    kind: t.string().default(''),
    /** Who plays it now: 'human', 'bot' (a bot seat or a stand-in) or 'nobody' (free, before start). */
    playedBy: t.string().default(''),
    connected: t.boolean().default(false),
    ready: t.boolean().default(false),
    host: t.boolean().default(false),
    /** The bot's persona or strategy: empty until the game ends (naming it is part of the game). */
    bot: t.string().default(''),
  },
  'SeatInfo',
);
export type SeatInfo = SchemaType<typeof SeatInfo>;

export const TableState = schema(
  {
    code: t.string(),
    scenarioId: t.string(),
    scenarioName: t.string(),
    mode: t.string(),
    /** 'prepare' until the host starts, then 'playing', then 'ended'. */
    status: t.string(),
    phase: t.string(),
    round: t.uint16(),
    /** Epoch milliseconds when the phase closes; 0 when untimed or paused. */
    deadline: t.float64(),
    /** The host paused the clock; `remaining` milliseconds are left in the phase. */
    paused: t.boolean().default(false),
    remaining: t.float64().default(0),
    spectators: t.uint16(),
    seats: t.array(SeatInfo),
  },
  'TableState',
);
export type TableState = SchemaType<typeof TableState>;
