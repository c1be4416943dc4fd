// A crafted game that keeps its own log, so tests can build records action by action.
import { apply } from '../../../shared/engine/apply';
import { createGame } from '../../../shared/engine/setup';
import type { Action, GameConfig, GameState, Scenario } from '../../../shared/engine/types';
import { makeEntry, type ActedBy, type GameRecord, type LogEntry } from '../../../shared/record/log';
import { smallScenario } from '../fixtures';

export const BEST = { jobs: 'local', review: 'independent' };
export const AUTHORITY = 0;
export const UNION = 1;
export const RESIDENTS = 2;
export const GREENS = 3;

export class Table {
  state: GameState;
  log: LogEntry[] = [];

  constructor(
    public scenario: Scenario = smallScenario(),
    public config: GameConfig = { mode: 'coalition', seed: 7 },
  ) {
    this.state = createGame(scenario, config);
  }

  /** Applies actions in order, logging each; fails the test on any refusal. */
  act(...actions: Action[]): this {
    for (const action of actions) this.actBy(action, 'human', null);
    return this;
  }

  actBy(action: Action, by: ActedBy, reason: string | null): this {
    const r = apply(this.state, action);
    if (!r.ok) throw new Error(`refused ${action.type}: ${r.refusal.code} ${r.refusal.message}`);
    this.log.push(
      makeEntry(this.state, this.log.length, action, { by, reason, time: 1_700_000_000_000 + this.log.length * 1000 }),
    );
    this.state = r.state;
    return this;
  }

  advance(): this {
    return this.act({ type: 'advance' });
  }

  /**
   * Plays one coalition round from negotiate: the negotiate actions, resolve, the trust moves
   * (silent seats honour), the score, and on to the next round's negotiate (or the end).
   */
  round(negotiate: Action[] = [], trust: Action[] = []): this {
    if (this.state.phase === 'prepare') this.advance();
    this.act(...negotiate).advance();
    if (this.state.phase === 'resolve') this.advance();
    if (this.state.phase === 'trust') this.act(...trust).advance();
    return this.advance();
  }

  /** One round of the trust game from its trust stage. */
  trustRound(moves: Action[] = []): this {
    if (this.state.phase === 'prepare') this.advance();
    return this.act(...moves)
      .advance()
      .advance();
  }

  /** Plays empty rounds until the game ends. */
  finish(): this {
    while (this.state.phase !== 'end') {
      if (this.state.config.mode === 'trust') this.trustRound();
      else this.round();
    }
    return this;
  }

  record(): GameRecord {
    return { scenario: this.scenario, config: this.state.config, log: this.log.slice() };
  }
}

export const propose = (
  seat: number,
  members: number[],
  split: number[],
  extra: Partial<Extract<Action, { type: 'propose' }>> = {},
): Action => ({
  type: 'propose',
  seat,
  members,
  split,
  terms: BEST,
  rationale: 'A fair split by power.',
  ...extra,
});
export const accept = (seat: number, proposal: number): Action => ({ type: 'accept', seat, proposal });
export const defect = (seat: number, partner: number): Action => ({ type: 'trust', seat, partner, move: 'defect' });
export const honour = (seat: number, partner: number): Action => ({ type: 'trust', seat, partner, move: 'honour' });

/** The id the next proposal (or ask, or escalation) will get. */
export function nextId(t: Table): number {
  return t.state.nextId;
}
