// Whole games headless (DESIGN.md section 6): bots in every seat, through the same engine call
// and the same log as a table on the server, so tests and tournaments play real games.
import { apply } from '../engine/apply';
import { createGame } from '../engine/setup';
import type { GameConfig, GameState, Mode, Scenario } from '../engine/types';
import { viewFor } from '../engine/view';
import { makeEntry, type LogEntry } from '../record/log';
import { botSeed, decideBot, MAX_BOT_STEPS, type BotSpec } from './bot';
import { concerned } from './wake';

export interface SimulationResult {
  state: GameState;
  log: LogEntry[];
  /** Bot actions the engine refused (a correct bot makes none). */
  refusals: { seat: number; action: string; code: string; message: string }[];
}

export interface SimulateOptions {
  mode?: Mode;
  noise?: number;
  rounds?: number;
}

/**
 * Plays a whole game with a bot in every seat. In each phase the bots take turns, one action
 * each, until every one of them has nothing more to do; then the phase advances.
 */
export function simulate(
  scenario: Scenario,
  seats: readonly BotSpec[],
  seed: number,
  options: SimulateOptions = {},
): SimulationResult {
  if (seats.length !== scenario.roles.length)
    throw new Error(`simulate needs ${scenario.roles.length} seats, got ${seats.length}`);
  const config: GameConfig = { mode: options.mode ?? 'coalition', seed, noise: options.noise ?? 0 };
  if (options.rounds !== undefined) config.rounds = options.rounds;
  let state = createGame(scenario, config);
  const log: LogEntry[] = [];
  const refusals: SimulationResult['refusals'] = [];
  const record = (action: Parameters<typeof apply>[1], by: 'bot' | 'system', reason: string | null) => {
    const result = apply(state, action);
    if (!result.ok) return result;
    log.push(makeEntry(state, log.length, action, { by, reason, time: 0 }));
    state = result.state;
    return result;
  };
  while (state.phase !== 'end') {
    if (state.phase === 'prepare' || state.phase === 'negotiate' || state.phase === 'trust') {
      // Like the server's bot driver: each bot thinks until it has nothing to do, and thinks
      // again when an action concerns it, up to MAX_BOT_STEPS actions a phase.
      const steps = new Array<number>(seats.length).fill(0);
      const done = new Array<boolean>(seats.length).fill(false);
      while (done.some((d) => !d)) {
        for (let seat = 0; seat < seats.length; seat++) {
          if (done[seat]) continue;
          const d =
            steps[seat] < MAX_BOT_STEPS
              ? decideBot(seats[seat], viewFor(state, seat), botSeed(seed, seat), steps[seat])
              : null;
          if (!d) {
            done[seat] = true;
            continue;
          }
          steps[seat]++;
          const result = record(d.action, 'bot', d.reason);
          if (!result.ok) {
            refusals.push({ seat, action: d.action.type, code: result.refusal.code, message: result.refusal.message });
            done[seat] = true;
            continue;
          }
          for (const other of concerned(state, result.events))
            if (other !== seat && steps[other] < MAX_BOT_STEPS) done[other] = false;
        }
      }
    }
    record({ type: 'advance' }, 'system', null);
  }
  return { state, log, refusals };
}
