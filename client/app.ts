// The client's controller: connects the connection's messages to the store, sends intents,
// and moves between the lobby, the table and the debrief. It never decides an outcome.
import type { Seat } from '../shared/engine/types';
import type { CreateOptions, ErrorMessage, Welcome } from '../shared/protocol';
import { FeedBuilder, MAX_FEED } from './game/feed';
import { animationsEnd, autoReadyDelay } from './game/pace';
import { store, type CoachNote, type LobbyState, type Screen } from './game/store';
import { replay } from '../shared/record/log';
import { viewFor } from '../shared/engine/view';
import { fetchLog, fetchScenarios, fetchTableStatus } from './net/api';
import { Connection, joinFailure, normaliseCode, seats } from './net/connection';
import { loadDebrief } from './ui/debrief-data';

const feed = new FeedBuilder();

/** The control that sent the latest message of each type: its refusal is shown there. */
const pendingKey = new Map<string, string>();

export const conn = new Connection({
  welcome(w: Welcome) {
    store.set({ welcome: w, clockOffset: w.serverTime - Date.now(), lobbyError: null, busy: false });
    setUrl(w.code, w.seat === null);
    if (store.state.screen === 'lobby' || store.state.screen === 'boot') go('table');
  },
  view(m) {
    const prev = store.state.view;
    const patch: Partial<typeof store.state> = { view: m.view, seq: m.seq, practice: m.practice ?? null };
    if (prev && (prev.phase !== m.view.phase || prev.round !== m.view.round)) patch.errors = {};
    store.set(patch);
    if (!prev || prev.phase !== m.view.phase || prev.round !== m.view.round) phaseShownAt = Date.now();
    pace();
    if (m.view.phase === 'end') {
      const code = store.state.welcome?.code ?? store.state.lobby?.code;
      if (code) void loadDebrief(code);
      if (store.state.screen !== 'debrief') go('debrief');
    } else if (store.state.screen !== 'table') go('table');
  },
  events(m) {
    const view = store.state.view;
    if (view) {
      const items = feed.add(view, m.events);
      if (items.length) store.set({ feed: [...store.state.feed, ...items].slice(-MAX_FEED) });
    }
    store.emitEvents(m.events);
  },
  backlog(m) {
    const view = store.state.view;
    if (view) store.set({ feed: feed.rebuild(view, m.batches) });
  },
  error(e: ErrorMessage) {
    const key = (e.type && pendingKey.get(e.type)) || e.type || 'general';
    store.setError(key, e.message);
  },
  state(s) {
    store.set({ lobby: s });
    pace();
  },
  coach(payload) {
    const note = asCoachNote(payload);
    if (note) store.set({ coach: [...store.state.coach.filter((c) => c.round !== note.round), note] });
  },
  status(status, text) {
    store.set({ status, statusText: text });
  },
});

/** Reads the coach's message leniently: { round?, headline, moved[], suggestion, lesson } or a sentence. */
function asCoachNote(p: unknown): CoachNote | null {
  const round = store.state.view?.history.at(-1)?.round ?? store.state.view?.round ?? 0;
  if (typeof p === 'string') return { round, headline: p, moved: [] };
  if (typeof p !== 'object' || p === null) return null;
  const o = p as Record<string, unknown>;
  const inner = typeof o.note === 'object' && o.note !== null ? (o.note as Record<string, unknown>) : o;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const headline = str(inner.headline) ?? str(inner.text) ?? str(inner.message) ?? str(o.text);
  if (!headline) return null;
  return {
    round: typeof o.round === 'number' ? o.round : typeof inner.round === 'number' ? inner.round : round,
    headline,
    moved: Array.isArray(inner.moved) ? inner.moved.filter((x): x is string => typeof x === 'string') : [],
    suggestion: str(inner.suggestion),
    lesson: str(inner.lesson),
  };
}

let phaseShownAt = 0;
let paceTimer: ReturnType<typeof setTimeout> | null = null;

/** In a display phase, says ready for this person once the phase's animations have played. */
function pace(): void {
  if (paceTimer) clearTimeout(paceTimer);
  paceTimer = null;
  const view = store.state.view;
  if (!view) return;
  const delay = autoReadyDelay(view.phase, {
    seated: view.me !== null,
    ready: view.me !== null && view.seats[view.me.seat].ready,
    paused: store.state.lobby?.paused === true,
    shownAt: phaseShownAt,
    animationsEnd: animationsEnd(),
    now: Date.now(),
  });
  if (delay === null) return;
  const at = { round: view.round, phase: view.phase };
  paceTimer = setTimeout(() => {
    paceTimer = null;
    const v = store.state.view;
    if (!v || v.round !== at.round || v.phase !== at.phase) return;
    // Animations started meanwhile (late events) get their time too.
    if (animationsEnd() > Date.now() + 50) return pace();
    // Its own error key: a ready that crosses the server's display timer is refused quietly.
    act('ready', {}, 'pace');
  }, delay);
}

/** Sends an action; a refusal comes back next to `key` (default: the message's name). */
export function act(type: string, payload: Record<string, unknown> = {}, key = type): void {
  pendingKey.set(type, key);
  store.setError(key, null);
  // A move names the phase it was meant for: one that arrives after that phase closed is refused
  // instead of counting in the next (a late Ready must not close a phase the person has not seen).
  const view = store.state.view;
  const control = type === 'start' || type === 'pause' || type === 'resume' || type === 'guesses';
  const body = !control && view ? { ...payload, at: { round: view.round, phase: view.phase } } : payload;
  if (!conn.send(type, body)) store.setError(key, 'Not connected to the table right now; wait for the reconnection.');
}

export function go(screen: Screen): void {
  document.body.classList.remove('screen-boot', 'screen-lobby', 'screen-table', 'screen-debrief');
  document.body.classList.add(`screen-${screen}`);
  store.set({ screen });
}

function setUrl(code: string | null, watching = false): void {
  const url = new URL(location.href);
  url.searchParams.delete('code');
  url.searchParams.delete('watch');
  if (code) url.searchParams.set('code', code);
  if (code && watching) url.searchParams.set('watch', '1');
  history.replaceState(null, '', url);
}

function resetTable(): void {
  pendingKey.clear();
  feed.reset();
  store.set({
    welcome: null,
    view: null,
    lobby: null,
    feed: [],
    errors: {},
    coach: [],
    guesses: {},
    practice: null,
    highlight: null,
    focusProposal: null,
    seq: 0,
  });
}

async function attempt(what: () => Promise<void>): Promise<boolean> {
  store.set({ busy: true, lobbyError: null });
  try {
    await what();
    return true;
  } catch (e) {
    store.set({ busy: false, lobbyError: joinFailure(e).message, status: 'idle' });
    return false;
  }
}

export function createTable(options: CreateOptions, solo: boolean): Promise<boolean> {
  resetTable();
  store.set({ solo });
  return attempt(() => conn.create(options));
}

export async function joinTable(code: string, name: string, role?: string): Promise<boolean> {
  resetTable();
  store.set({ solo: false });
  // A class session's code opens its waiting room (client/class/student.ts), the name kept.
  if (await isSession(normaliseCode(code))) {
    const c = normaliseCode(code);
    try {
      if (name.trim()) localStorage.setItem(`leverage.class.${c}.name`, name.trim());
    } catch {
      /* no storage: the waiting room asks for the name */
    }
    location.hash = `#class/${c}`;
    return true;
  }
  if (await attempt(() => conn.join(code, { name, role }))) return true;
  // A finished table cannot be joined, but its debrief is open to everyone.
  return (await finishedStatus(code)) ? openFinished(normaliseCode(code), null) : false;
}

async function isSession(code: string): Promise<boolean> {
  try {
    return (await fetch(`/api/class/${code}`)).ok;
  } catch {
    return false;
  }
}

async function finishedStatus(code: string): Promise<boolean> {
  try {
    return (await fetchTableStatus(normaliseCode(code))).status === 'finished';
  } catch {
    return false;
  }
}

export function watchTable(code: string): Promise<boolean> {
  resetTable();
  store.set({ solo: false });
  return attempt(() => conn.watch(code));
}

export function resumeTable(code: string): Promise<boolean> {
  resetTable();
  return attempt(() => conn.rejoin(code));
}

export async function leaveTable(forget = false): Promise<void> {
  await conn.leave(forget);
  resetTable();
  setUrl(null);
  go('lobby');
}

export async function loadScenarios(): Promise<void> {
  try {
    store.set({ scenarios: await fetchScenarios(), scenariosError: null });
  } catch (e) {
    store.set({ scenariosError: `The scenario list could not be loaded: ${(e as Error).message}`, scenarios: [] });
  }
}

/** After boot: rejoin the table named in the address if this browser has a seat there. */
export async function route(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (code) {
    const c = normaliseCode(code);
    const saved = seats.load(c);
    if (saved) {
      store.set({ solo: false });
      if (await resumeTable(c)) return;
      // The table may be over and closed: its debrief still opens from the saved record.
      if (await openFinished(c, saved.spectate ? null : saved.seat)) return;
    } else if (params.get('watch') === '1') {
      if (await watchTable(c)) return;
    }
    // A finished table's link opens its debrief, for anyone who has it.
    if ((await finishedStatus(c)) && (await openFinished(c, null))) return;
  }
  go('lobby');
}

/** Opens the debrief of a finished table from its record (after the room itself has closed). */
export async function openFinished(code: string, seat: Seat | null): Promise<boolean> {
  try {
    const log = await fetchLog(code);
    const state = replay({ scenario: log.scenario, config: log.config, log: log.log });
    if (state.phase !== 'end') return false;
    const lobby: LobbyState = {
      code,
      scenarioId: log.scenario.id,
      scenarioName: log.scenario.name,
      mode: log.config.mode,
      status: 'ended',
      phase: 'end',
      round: state.round,
      deadline: 0,
      seq: log.log.length,
      spectators: 0,
      seats: log.seats.map((x) => ({
        seat: x.seat,
        roleId: x.roleId,
        roleName: x.roleName,
        name: x.name ?? '',
        kind: x.kind,
        playedBy: x.kind === 'bot' || x.standIn ? 'bot' : 'human',
        connected: false,
        ready: false,
        host: false,
        bot: x.bot ?? '',
      })),
    };
    store.set({ view: viewFor(state, seat), lobby, lobbyError: null, busy: false, status: 'idle', statusText: '' });
    setUrl(code, seat === null);
    void loadDebrief(code);
    go('debrief');
    return true;
  } catch {
    return false;
  }
}

export function mySeat(): Seat | null {
  return store.state.view?.me?.seat ?? store.state.welcome?.seat ?? null;
}

export function isHost(): boolean {
  return store.state.welcome?.host === true;
}
