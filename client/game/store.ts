// The client's whole state in one place. The server is the authority: `view` is exactly what
// this seat may see (shared/engine/view.ts), `lobby` mirrors the room's public schema state,
// and everything else here is presentation (which tab is open, the draft of a proposal…).
import type { GameEvent, Seat } from '../../shared/engine/types';
import type { TableView } from '../../shared/engine/view';
import type { PracticeView, Welcome } from '../../shared/protocol';

export interface LobbySeat {
  seat: number;
  roleId: string;
  roleName: string;
  name: string;
  kind: string;
  playedBy: string;
  connected: boolean;
  ready: boolean;
  host: boolean;
  bot: string;
}

export interface LobbyState {
  code: string;
  scenarioId: string;
  scenarioName: string;
  mode: string;
  status: string;
  phase: string;
  round: number;
  deadline: number;
  /** The host stopped the phase clock; `remaining` ms were left. */
  paused?: boolean;
  remaining?: number;
  seq: number;
  spectators: number;
  seats: LobbySeat[];
}

/** A scenario's public facts, as GET /api/scenarios lists them. */
export interface ScenarioFacts {
  id: string;
  name: string;
  summary: string;
  roles: { id: string; name: string; power: number; veto: boolean }[];
  issues: { id: string; name: string; options: { id: string; name: string }[] }[];
  quota: number;
  prize: number;
  /** About how many rounds a game lasts on average: all that players are told of its length (DESIGN 2). */
  expectedRounds: number;
  durations: { negotiate: number; trust: number };
}

export type Screen = 'boot' | 'lobby' | 'table' | 'debrief';
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'superseded';

export interface FeedItem {
  id: number;
  round: number;
  text: string;
  /** A short tag for the icon and colour of the line. */
  kind:
    'deal' | 'proposal' | 'talk' | 'concession' | 'escalation' | 'trust' | 'reputation' | 'points' | 'phase' | 'info';
  mine: boolean;
}

/** The coach's note after a round (shared/record/coach.ts CoachNote, pushed by the server). */
export interface CoachNote {
  round: number;
  headline: string;
  moved: string[];
  suggestion?: string;
  lesson?: string;
}

export interface TableSettingsSeen {
  solo: boolean;
  paced: boolean;
}

export interface AppState {
  screen: Screen;
  scenarios: ScenarioFacts[] | null;
  scenariosError: string | null;
  status: ConnectionStatus;
  statusText: string;
  welcome: Welcome | null;
  /** Server time minus local time, from the welcome (ms). */
  clockOffset: number;
  view: TableView | null;
  seq: number;
  lobby: LobbyState | null;
  feed: FeedItem[];
  /** Refusals and other sentences shown next to the control that caused them, by control key. */
  errors: Record<string, string>;
  coach: CoachNote[];
  coachOn: boolean;
  solo: boolean;
  /** Trust-game practice: the strategy the player thinks each bot plays (a draft until locked in). */
  guesses: Record<number, string>;
  /** Trust-game practice as the server tells it: the bots to name, the locked guesses, whether they are due. */
  practice: PracticeView | null;
  /** The seats of the minimal winning coalition being hovered or focused in the power map. */
  highlight: Seat[] | null;
  /** The proposal the person is looking at (highlighted on the table). */
  focusProposal: number | null;
  lobbyError: string | null;
  busy: boolean;
}

type Listener = (state: AppState) => void;
type EventListener = (events: GameEvent[], state: AppState) => void;

const COACH_KEY = 'leverage.coach';

function storedCoach(): boolean {
  try {
    return localStorage.getItem(COACH_KEY) !== 'off';
  } catch {
    return true;
  }
}

export class Store {
  state: AppState = {
    screen: 'boot',
    scenarios: null,
    scenariosError: null,
    status: 'idle',
    statusText: '',
    welcome: null,
    clockOffset: 0,
    view: null,
    seq: 0,
    lobby: null,
    feed: [],
    errors: {},
    coach: [],
    coachOn: storedCoach(),
    solo: false,
    guesses: {},
    practice: null,
    highlight: null,
    focusProposal: null,
    lobbyError: null,
    busy: false,
  };
  private listeners = new Set<Listener>();
  private eventListeners = new Set<EventListener>();
  private queued = false;

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onEvents(fn: EventListener): () => void {
    this.eventListeners.add(fn);
    return () => this.eventListeners.delete(fn);
  }

  /** Changes the state; listeners run once per animation frame however many changes came. */
  set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.schedule();
  }

  update(fn: (s: AppState) => Partial<AppState>): void {
    this.set(fn(this.state));
  }

  emitEvents(events: GameEvent[]): void {
    for (const fn of this.eventListeners) fn(events, this.state);
  }

  setError(key: string, message: string | null): void {
    const errors = { ...this.state.errors };
    if (message === null) delete errors[key];
    else errors[key] = message;
    this.set({ errors });
  }

  setCoachOn(on: boolean): void {
    try {
      localStorage.setItem(COACH_KEY, on ? 'on' : 'off');
    } catch {
      /* private mode: the choice lasts this page only */
    }
    this.set({ coachOn: on });
  }

  /** Runs the listeners now (tests and the first paint). */
  flush(): void {
    this.queued = false;
    for (const fn of this.listeners) fn(this.state);
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    const run = () => {
      if (this.queued) this.flush();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
      requestAnimationFrame(run);
      // A hidden or throttled tab still gets its state: rAF may never come there.
      setTimeout(run, 100);
    } else setTimeout(run, 0);
  }
}

export const store = new Store();
