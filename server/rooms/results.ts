// What a finished game stores and the HTTP API serves.
import { botLabel } from '../../shared/bots/bot';
import { scoreGame } from '../../shared/engine/scoring';
import type { GameState, Seat } from '../../shared/engine/types';
import type { LockedGuesses } from '../../shared/protocol';
import type { TableRecord } from '../store/store';

export interface TableResults {
  code: string;
  scenario: { id: string; name: string };
  mode: string;
  seed: number;
  totalRounds: number;
  seats: {
    seat: Seat;
    roleId: string;
    roleName: string;
    name: string | null;
    kind: 'human' | 'bot';
    bot: string | null;
    standIn: boolean;
  }[];
  score: ReturnType<typeof scoreGame>;
  pointsByRound: number[][];
  /** Trust-game practice: the guesses each person locked in. */
  guesses: LockedGuesses[];
  finished: number;
}

export function tableResults(record: TableRecord, g: GameState, now: number): TableResults {
  return {
    code: record.code,
    scenario: { id: g.scenario.id, name: g.scenario.name },
    mode: g.config.mode,
    seed: g.config.seed,
    totalRounds: g.totalRounds,
    seats: record.seats.map((s) => ({
      seat: s.seat,
      roleId: g.scenario.roles[s.seat].id,
      roleName: g.scenario.roles[s.seat].name,
      name: s.name,
      kind: s.kind,
      bot: s.bot ? botLabel(s.bot) : null,
      standIn: s.standIn,
    })),
    score: scoreGame(g),
    pointsByRound: g.history.map((h) => h.points),
    guesses: record.settings.guesses ?? [],
    finished: now,
  };
}
