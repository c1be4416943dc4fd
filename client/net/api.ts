// The server's HTTP API (server/http.ts): the scenario list and, once a game has ended, its
// results and log (the log holds bots' reasons and trust moves, so it opens only with the debrief).
import type { GameConfig, Scenario } from '../../shared/engine/types';
import type { LogEntry } from '../../shared/record/log';
import type { LockedGuesses, TableListing } from '../../shared/protocol';
import type { PlacementsAnswer } from '../../shared/record/placements';
import type { ScenarioFacts } from '../game/store';

function base(): string {
  return location.origin;
}

/** GET a JSON answer; a refusal becomes an Error with the server's message. */
export async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(base() + path, { headers: { Accept: 'application/json', ...headers } });
  if (!res.ok) {
    let message = `The server answered ${res.status}.`;
    try {
      const body = (await res.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      /* not JSON */
    }
    throw new Error(message);
  }
  return (await res.json()) as T;
}

export function fetchScenarios(): Promise<ScenarioFacts[]> {
  return getJson<ScenarioFacts[]>('/api/scenarios');
}

export interface ResultSeat {
  seat: number;
  roleId: string;
  roleName: string;
  name: string | null;
  kind: 'human' | 'bot';
  bot: string | null;
  standIn: boolean;
}

export interface FinishedLog {
  code: string;
  scenario: Scenario;
  config: GameConfig;
  seats: ResultSeat[];
  /** Trust-game practice: the guesses each person locked in. */
  guesses?: LockedGuesses[];
  /** Role percentiles (DESIGN 4), or how far the benchmark they need has got. */
  placements: PlacementsAnswer;
  log: LogEntry[];
}

/** Whether a code names a table, and whether it is still played or finished (GET /api/tables/:code). */
export function fetchTableStatus(code: string): Promise<{ code: string; status: 'open' | 'finished' }> {
  return getJson(`/api/tables/${encodeURIComponent(code)}`);
}

export function fetchLog(code: string): Promise<FinishedLog> {
  return getJson<FinishedLog>(`/api/tables/${encodeURIComponent(code)}/log`);
}

export function fetchPlacements(code: string): Promise<PlacementsAnswer> {
  return getJson<PlacementsAnswer>(`/api/tables/${encodeURIComponent(code)}/placements`);
}

export function csvUrl(code: string, which: 'results' | 'log'): string {
  return `${base()}/api/tables/${encodeURIComponent(code)}/${which}.csv`;
}

export function fetchTables(): Promise<TableListing[]> {
  return getJson<TableListing[]>('/api/tables');
}
