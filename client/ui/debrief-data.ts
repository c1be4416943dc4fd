// When the game ends the client fetches the finished game's log (it opens only then) and
// computes the debrief from it with the pure functions of shared/record, so live play, replay
// and export agree.
import type { GameRecord } from '../../shared/record/log';
import type { PlacementsAnswer } from '../../shared/record/placements';
import { debriefData, toCsv, type DebriefData } from '../../shared/record/timeline';
import { store } from '../game/store';
import { fetchLog, fetchPlacements, type FinishedLog, type ResultSeat } from '../net/api';

export const debriefState: {
  code: string | null;
  log: FinishedLog | null;
  data: DebriefData | null;
  seats: ResultSeat[] | null;
  /** Role percentiles: null until the record is loaded; `pending` while the benchmark is played. */
  placements: PlacementsAnswer | null;
  error: string | null;
  loading: boolean;
} = { code: null, log: null, data: null, seats: null, placements: null, error: null, loading: false };

function record(): GameRecord | null {
  const l = debriefState.log;
  return l ? { scenario: l.scenario, config: l.config, log: l.log } : null;
}

/** Loads the record of a finished table once; retries a few times while the server files it. */
export async function loadDebrief(code: string): Promise<void> {
  if (debriefState.code === code && (debriefState.data || debriefState.loading)) return;
  Object.assign(debriefState, {
    code,
    log: null,
    data: null,
    seats: null,
    placements: null,
    error: null,
    loading: true,
  });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const log = await fetchLog(code);
      debriefState.log = log;
      debriefState.seats = log.seats;
      debriefState.placements = log.placements ?? null;
      debriefState.data = debriefData({ scenario: log.scenario, config: log.config, log: log.log });
      debriefState.error = null;
      break;
    } catch (e) {
      debriefState.error = `The full record could not be loaded: ${(e as Error).message}`;
      await new Promise((r) => setTimeout(r, 400 * (attempt + 1)));
    }
  }
  debriefState.loading = false;
  store.set({});
  if (debriefState.placements?.status === 'pending') void waitForPlacements(code);
}

/** While the benchmark is played (a custom scenario's first game), shows its progress until the placements arrive. */
async function waitForPlacements(code: string): Promise<void> {
  let failures = 0;
  while (debriefState.code === code && debriefState.placements?.status === 'pending' && failures < 5) {
    await new Promise((r) => setTimeout(r, 1000));
    if (debriefState.code !== code) return;
    try {
      debriefState.placements = await fetchPlacements(code);
      failures = 0;
    } catch {
      failures++;
    }
    store.set({});
  }
}

function save(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadJson(): void {
  const l = debriefState.log;
  if (!l) return;
  save(`${l.code}-game.json`, 'application/json', JSON.stringify({ ...l, debrief: debriefState.data }, null, 2));
}

export function downloadCsv(): void {
  const r = record();
  if (!r || !debriefState.log) return;
  save(`${debriefState.log.code}-log.csv`, 'text/csv', toCsv(r));
}
