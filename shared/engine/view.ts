// What a seat (or a spectator) may see: DESIGN.md section 1, "Who sees what". Bots read
// these views and nothing else, and the server projects them into per-client state.
import { canSee } from './actions/propose';
import { currentWalkAway, payoffsOf } from './rules';
import { scoreGame, type GameScore } from './scoring';
import { expectedRounds } from './setup';
import type {
  Ask,
  ChatMessage,
  ConcessionRecord,
  Deal,
  Escalation,
  GameState,
  Income,
  Mode,
  Phase,
  Proposal,
  RevealedTrustPair,
  Role,
  Scenario,
  Seat,
  Terms,
  TrustMove,
} from './types';

export interface PublicRole {
  id: string;
  name: string;
  power: number;
  veto: boolean;
}

/**
 * The scenario as players see it. Its length is given only as about how many rounds a game lasts
 * on average: the minimum and the cap would tell players which rounds cannot or must be the last
 * (DESIGN 2), so neither leaves the server. The debrief text is written for after the game (it
 * names walk-aways, DESIGN 1): it comes with the finished record, not here.
 */
export type PublicScenario = Omit<Scenario, 'roles' | 'rounds' | 'debrief'> & {
  roles: PublicRole[];
  expectedRounds: number;
};

export interface PublicSeat {
  seat: Seat;
  roleId: string;
  name: string;
  power: number;
  veto: boolean;
  reputation: number;
  declared: number | null;
  ready: boolean;
}

export interface ProposalView extends Proposal {
  /** Seats that stand behind it now. */
  acceptedBy: Seat[];
}

export interface PrivateFacts {
  seat: Seat;
  role: Role;
  points: number;
  /** Walk-away this round, after escalations against this seat. */
  walkAway: number;
  acceptance: number | null;
  income: Income | null;
}

export interface TrustSlot {
  partner: Seat;
  move: TrustMove | null;
}

export interface RoundView {
  round: number;
  deals: Deal[];
  winning: number | null;
  terms: Terms | null;
  trust: RevealedTrustPair[];
  reputation: number[];
  /** The viewer's own points and income at the end of that round; null for spectators. */
  myPoints: number | null;
  myIncome: Income | null;
}

export interface Debrief {
  totalRounds: number;
  roles: Role[];
  points: number[];
  score: GameScore;
  /** Points of every seat at the end of every round. */
  pointsByRound: number[][];
}

export interface TableView {
  viewer: Seat | null;
  scenario: PublicScenario;
  mode: Mode;
  round: number;
  phase: Phase;
  /** Hidden until the game ends (the shadow of the future). */
  totalRounds: number | null;
  seats: PublicSeat[];
  me: PrivateFacts | null;
  proposals: ProposalView[];
  deals: Deal[];
  escalations: Escalation[];
  asks: Ask[];
  chat: ChatMessage[];
  concessions: ConcessionRecord[];
  trust: TrustSlot[];
  history: RoundView[];
  debrief: Debrief | null;
}

// A view is rebuilt for every decision of every bot: the parts that change only between rounds
// (the scenario's public facts, the history) are built once and shared, never mutated.
const publicScenarios = new WeakMap<Scenario, PublicScenario>();
const histories = new WeakMap<GameState['history'], Map<string, RoundView[]>>();

function historyView(history: GameState['history'], viewer: Seat | null, ended: boolean): RoundView[] {
  let byViewer = histories.get(history);
  if (!byViewer) histories.set(history, (byViewer = new Map<string, RoundView[]>()));
  const key = `${viewer}:${ended}`;
  let built = byViewer.get(key);
  if (!built) {
    built = history.map((h) => ({
      round: h.round,
      deals: h.deals,
      winning: h.winning,
      terms: h.terms,
      trust: ended
        ? h.trust
        : h.trust.map((p) => ({
            ...p,
            chosenA: viewer === p.a ? p.chosenA : p.moveA,
            chosenB: viewer === p.b ? p.chosenB : p.moveB,
          })),
      reputation: h.reputation,
      myPoints: viewer === null ? null : h.points[viewer],
      myIncome: viewer === null ? null : h.income[viewer],
    }));
    byViewer.set(key, built);
  }
  return built;
}

/** The scenario without any role's private walk-away, values or briefing, the game's cap, or its debrief text. */
export function publicScenario(scenario: Scenario): PublicScenario {
  const known = publicScenarios.get(scenario);
  if (known) return known;
  const made = publicScenarioOf(scenario);
  publicScenarios.set(scenario, made);
  return made;
}

function publicScenarioOf(scenario: Scenario): PublicScenario {
  const { roles, rounds, debrief: _debrief, ...rest } = scenario;
  return {
    ...rest,
    expectedRounds: Math.round(expectedRounds(rounds)),
    roles: roles.map((r) => ({ id: r.id, name: r.name, power: r.power, veto: r.veto })),
  };
}

/** The table as seat `viewer` sees it; `null` is a spectator, who sees public facts only. */
export function viewFor(state: GameState, viewer: Seat | null): TableView {
  const { scenario } = state;
  const ended = state.phase === 'end';
  const me: PrivateFacts | null =
    viewer === null
      ? null
      : {
          seat: viewer,
          role: scenario.roles[viewer],
          points: state.seats[viewer].points,
          walkAway: currentWalkAway(state, viewer),
          acceptance: state.seats[viewer].acceptance,
          income: state.income[viewer] ?? null,
        };
  const proposals = state.proposals
    .filter((p) => canSee(p, viewer))
    .map((p) => ({ ...p, acceptedBy: p.members.filter((m) => state.seats[m].acceptance === p.id) }));
  const involves = (from: Seat, to: Seat | null) => to === null || viewer === from || viewer === to;
  const trust: TrustSlot[] = [];
  if (viewer !== null && state.phase === 'trust') {
    for (const p of state.trust) {
      if (p.a === viewer) trust.push({ partner: p.b, move: p.moveA });
      else if (p.b === viewer) trust.push({ partner: p.a, move: p.moveB });
    }
  }
  return {
    viewer,
    // The trust game plays Axelrod's payoffs whatever the scenario's trust stage says (DESIGN 5).
    scenario:
      state.config.mode === 'trust'
        ? { ...publicScenario(scenario), trust: { ...scenario.trust, payoffs: payoffsOf(state) } }
        : publicScenario(scenario),
    mode: state.config.mode,
    round: state.round,
    phase: state.phase,
    totalRounds: ended ? state.totalRounds : null,
    seats: state.seats.map((s) => {
      const role = scenario.roles[s.seat];
      return {
        seat: s.seat,
        roleId: s.roleId,
        name: role.name,
        power: role.power,
        veto: role.veto,
        reputation: s.reputation,
        declared: s.declared,
        ready: s.ready,
      };
    }),
    me,
    proposals,
    deals: state.phase === 'negotiate' ? [] : state.deals,
    // How much a target has conceded toward a demand is a private transfer between the two.
    escalations: state.escalations.map((e) =>
      ended || viewer === e.escalator || viewer === e.target ? e : { ...e, conceded: 0 },
    ),
    asks: viewer === null ? [] : state.asks.filter((q) => q.from === viewer || q.to === viewer),
    chat: state.chat.filter((m) => involves(m.from, m.to)),
    concessions: state.concessions.filter((c) => c.labelled || viewer === c.from || viewer === c.to),
    trust,
    history: historyView(state.history, viewer, ended),
    debrief: ended
      ? {
          totalRounds: state.totalRounds,
          roles: scenario.roles,
          points: state.seats.map((s) => s.points),
          score: scoreGame(state),
          pointsByRound: state.history.map((h) => h.points),
        }
      : null,
  };
}
