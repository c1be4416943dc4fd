// The record of a game (DESIGN.md section 8): a game is (scenario, config with seed, log), and
// replaying the log rebuilds every state. This is how results are audited, how a crashed table
// is restored and how the debrief draws its timeline.
import { apply } from '../engine/apply';
import { createGame } from '../engine/setup';
import type { Action, GameConfig, GameEvent, GameState, Phase, Scenario, Seat } from '../engine/types';

export type Actor = Seat | 'system' | 'facilitator';
export type ActedBy = 'human' | 'bot' | 'system' | 'facilitator';

export interface LogEntry {
  seq: number;
  round: number;
  phase: Phase;
  actor: Actor;
  by: ActedBy;
  action: Action;
  /** A bot's one-line reason; hidden during play, opened in the debrief. */
  reason: string | null;
  /** Server time in milliseconds since the epoch (supplied by the caller: the engine has no clock). */
  time: number;
}

export interface GameRecord {
  scenario: Scenario;
  config: GameConfig;
  log: LogEntry[];
}

/** The actor an action names: its seat, or the system for a phase change. */
export function actorOf(action: Action): Actor {
  return action.type === 'advance' ? 'system' : action.seat;
}

/** A log entry for an action that was just accepted in `before` (the state it applied to). */
export function makeEntry(
  before: GameState,
  seq: number,
  action: Action,
  meta: { by: ActedBy; reason?: string | null; time: number; actor?: Actor },
): LogEntry {
  return {
    seq,
    round: before.round,
    phase: before.phase,
    actor: meta.actor ?? actorOf(action),
    by: meta.by,
    action,
    reason: meta.reason ?? null,
    time: meta.time,
  };
}

export class ReplayError extends Error {
  constructor(
    public seq: number,
    message: string,
  ) {
    super(`log entry ${seq}: ${message}`);
  }
}

/**
 * The config a record replays under: a record that names no rules version was played before
 * rules v3 existed, so it replays under v2 and its results stay what they were.
 */
export function recordConfig(config: GameConfig): GameConfig {
  return config.rules === undefined ? { ...config, rules: 2 } : config;
}

/** The state a record starts from (prepare), under the record's own rules version. */
export function startOf(record: Pick<GameRecord, 'scenario' | 'config'>): GameState {
  return createGame(record.scenario, recordConfig(record.config));
}

/** Rebuilds the state from a record; a refused or out-of-order entry means the log was altered. */
export function replay(
  record: GameRecord,
  onStep?: (state: GameState, entry: LogEntry, events: GameEvent[]) => void,
): GameState {
  let state = startOf(record);
  let expected = record.log.length > 0 ? record.log[0].seq : 0;
  for (const entry of record.log) {
    if (entry.seq !== expected) throw new ReplayError(entry.seq, `expected sequence number ${expected}`);
    expected++;
    const result = apply(state, entry.action);
    if (!result.ok) throw new ReplayError(entry.seq, `${result.refusal.code}: ${result.refusal.message}`);
    state = result.state;
    onStep?.(state, entry, result.events);
  }
  return state;
}
