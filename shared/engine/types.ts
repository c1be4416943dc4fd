// Types of the rules engine. Names follow the glossary of DESIGN.md section 9.

export const MODES = ['coalition', 'trust'] as const;
export type Mode = (typeof MODES)[number];

export const PHASES = ['prepare', 'negotiate', 'resolve', 'trust', 'score', 'end'] as const;
export type Phase = (typeof PHASES)[number];

export const TRUST_MOVES = ['honour', 'defect'] as const;
export type TrustMove = (typeof TRUST_MOVES)[number];

/** Seat index at the table, 0-based, in the scenario's role order. */
export type Seat = number;

// ---------------------------------------------------------------------------
// Scenario (data; validated by shared/scenarios/schema.ts)

export interface IssueOption {
  id: string;
  name: string;
}

export interface Issue {
  id: string;
  name: string;
  /** 2–4 options. */
  options: IssueOption[];
}

export interface Role {
  id: string;
  name: string;
  /** Voting weight, a positive integer. */
  power: number;
  /** Points per round when outside the winning deal (BATNA). Private. */
  walkAway: number;
  veto: boolean;
  /** Private briefing text. */
  briefing: string;
  /** Private: points per round for each option of each issue: values[issueId][optionId]. */
  values: Record<string, Record<string, number>>;
}

export interface TrustPayoffs {
  /** Temptation: defect on a partner who honours. */
  T: number;
  /** Reward: both honour. */
  R: number;
  /** Punishment: both defect. */
  P: number;
  /** Sucker: honour a partner who defects. */
  S: number;
}

export interface EscalationRules {
  /** Points the escalator pays to open or renew each stage: [public, mobilise, complaint, action]. */
  stageCost: [number, number, number, number];
  /** Points each co-signer pays. */
  cosignCost: number;
  /** Fraction of the target's walk-away removed at stage 2, times the bite of the side pressing it. */
  mobiliseDrop: number;
  /** Further fraction removed at stage 3, times the bite. */
  complaintDrop: number;
  /**
   * Stage 3 (rules v3): fraction of the target's income from the winning deal it sits in (its
   * prize share) that is destroyed each round, times the bite, so a veto seat in every deal feels it.
   */
  complaintIncomeCut?: number;
  /** Stage 4: points the target loses each round, times the bite. */
  actionTargetLoss: number;
  /** Stage 4: points the escalator loses each round. */
  actionEscalatorLoss: number;
}

export interface ReputationRules {
  start: number;
  /** Answering a question. */
  answer: number;
  /**
   * Labelled concession: reputation per unit of cost share. Rules v3 measure the cost against the
   * prize (points given / prize), never against the giver's private points; v2 used its points.
   */
  labelledPerCostShare: number;
  /** Most a single labelled concession can add. */
  labelledMax: number;
  /** A silent concession adds this fraction of what the labelled one would (floored). */
  silentFactor: number;
  /** Honouring every partner in a round. */
  honour: number;
  /** Defecting on a partner who honoured (per such partner). */
  defectOnHonour: number;
  /** Ignoring a public demand through the end of a round. */
  ignoreDemand: number;
  /** Refusing a public demand with a rationale. */
  refuseDemand: number;
  /** Both sides, when a demand is met. */
  demandMet: number;
  /** Accepting a deal below one's declared walk-away. */
  breakDeclaration: number;
}

export interface Scenario {
  id: string;
  name: string;
  summary: string;
  roles: Role[];
  issues: Issue[];
  /** Power a winning deal needs; more than half the total power. */
  quota: number;
  /** Points a winning deal splits each round. */
  prize: number;
  /**
   * The length (DESIGN 2): at least `min` rounds, then each further round happens with chance
   * `continue`, drawn from a stream of its own; `max` caps it for class time and is shown to no
   * player. Records of rules v2 have no `continue`: their length was drawn from min–max.
   */
  rounds: { min: number; max: number; continue?: number };
  trust: { stake: number; payoffs: TrustPayoffs };
  escalation: EscalationRules;
  reputation: ReputationRules;
  /** Weight of the table's joint gain in the mutual-gain score; default the number of seats. */
  lambda?: number;
  /** Phase durations in seconds for human seats. */
  durations: { negotiate: number; trust: number };
  debrief: string;
}

// ---------------------------------------------------------------------------
// Game state

/**
 * The rules version a game is played under. v3 (DESIGN v3): hidden horizon, trust stage only in
 * the winning deal, escalation that bites by numbers, concessions measured against the prize.
 * A record that names no version was played under v2 and replays under v2.
 */
export const RULES_VERSION = 3;
export type RulesVersion = 2 | 3;

export interface GameConfig {
  mode: Mode;
  seed: number;
  /** Rules version; createGame fills in the current one, replay of an older record keeps 2. */
  rules?: RulesVersion;
  /** Trust game: probability that a chosen move is flipped (0 by default). */
  noise?: number;
  /** Fixed number of rounds (tests, tournaments); otherwise the scenario's hidden horizon. */
  rounds?: number;
}

export type Terms = Record<string, string>;

export interface PromisedConcession {
  from: Seat;
  to: Seat;
  points: number;
}

export type Visibility = 'public' | 'members';

export interface Proposal {
  id: number;
  round: number;
  proposer: Seat;
  /** Members in ascending seat order; the proposer included. */
  members: Seat[];
  /** Whole percentages of the prize, aligned with `members`, summing to 100. */
  split: number[];
  terms: Terms;
  promises: PromisedConcession[];
  rationale: string;
  visibility: Visibility;
  /** The proposal this one counters, if any. */
  counterTo: number | null;
  /** Seats that rejected it, with reasons (kept until the proposer replaces it). */
  rejections: { seat: Seat; reason: string }[];
}

export type Demand =
  | { kind: 'share'; share: number }
  | { kind: 'concession'; points: number }
  | { kind: 'option'; issue: string; option: string };

export interface Escalation {
  id: number;
  escalator: Seat;
  target: Seat;
  demand: Demand;
  rationale: string;
  /** 1 public, 2 mobilise, 3 formal complaint, 4 action. */
  stage: 1 | 2 | 3 | 4;
  cosigners: Seat[];
  openedRound: number;
  /** The escalation lapses at the score of this round unless renewed. */
  expiresRound: number;
  /** The target refused it publicly (with the refusal's rationale). */
  refusal: string | null;
  /** Points conceded by the target to the escalator since it opened (for concession demands). */
  conceded: number;
}

export interface Ask {
  id: number;
  round: number;
  from: Seat;
  to: Seat;
  status: 'open' | 'answered' | 'declined';
  /** Issue ids ranked by how much the answering seat cares, most first, with its preferred option. */
  answer: { issue: string; preferred: string }[] | null;
}

export interface ChatMessage {
  id: number;
  round: number;
  from: Seat;
  /** null: the whole table. */
  to: Seat | null;
  text: string;
}

export interface ConcessionRecord {
  round: number;
  from: Seat;
  to: Seat;
  points: number;
  labelled: boolean;
  /** Share of the giver's points this cost, 0–1; 0 for a silent concession, which shows no cost. */
  costShare: number;
  rationale: string;
}

export interface Deal {
  proposalId: number;
  members: Seat[];
  split: number[];
  terms: Terms;
  promises: PromisedConcession[];
  power: number;
  wins: boolean;
}

/** One pair's moves in a trust stage. Key "a-b" with a < b. */
export interface TrustPair {
  a: Seat;
  b: Seat;
  moveA: TrustMove | null;
  moveB: TrustMove | null;
}

export interface RevealedTrustPair {
  a: Seat;
  b: Seat;
  moveA: TrustMove;
  moveB: TrustMove;
  /** Moves as chosen before noise; differs from move only in the trust game with noise. */
  chosenA: TrustMove;
  chosenB: TrustMove;
}

export const INCOME_SOURCES = ['prize', 'walkAway', 'values', 'trust', 'concessions', 'escalation'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export type Income = { seat: Seat } & Record<IncomeSource, number>;

export interface RoundRecord {
  round: number;
  deals: Deal[];
  winning: number | null;
  terms: Terms | null;
  trust: RevealedTrustPair[];
  /** Points and reputation of every seat at the end of the round. */
  points: number[];
  reputation: number[];
  /** Points each seat earned from each source this round, indexed by seat. */
  income: Income[];
}

export interface SeatState {
  seat: Seat;
  roleId: string;
  points: number;
  reputation: number;
  /** Declared public minimum share (percent), if any. */
  declared: number | null;
  ready: boolean;
  /**
   * The proposal this seat accepts (its own open proposal counts as accepted). Proposals and
   * acceptances stand from round to round, so a coalition holds until one of its members moves.
   */
  acceptance: number | null;
}

export interface GameState {
  scenario: Scenario;
  config: GameConfig;
  /**
   * The number of rounds: fixed by the config, drawn at the start (rules v2), or, under rules v3,
   * 0 until the horizon stream ends the game. Never in a view before the end.
   */
  totalRounds: number;
  /** Random generator state (mulberry32). Never in a view. */
  rng: number;
  /** Rules v3: the horizon's own random stream, drawn once at the end of each round. Never in a view. */
  horizon: number;
  /** Rules v3: escalator→target pairs that already made their one point demand of the game, "e-t". */
  pointDemands: string[];
  round: number;
  phase: Phase;
  seats: SeatState[];
  proposals: Proposal[];
  escalations: Escalation[];
  asks: Ask[];
  chat: ChatMessage[];
  concessions: ConcessionRecord[];
  /** Reputation was already raised for a concession by this giver to this receiver this round: "from-to". */
  concessionCredit: string[];
  /** This round's deals, set at resolve. */
  deals: Deal[];
  trust: TrustPair[];
  history: RoundRecord[];
  /** Income of the current round, indexed by seat, accumulated until the score. */
  income: Income[];
  nextId: number;
}

// ---------------------------------------------------------------------------
// Actions (DESIGN.md section 2). Every seat action names its seat; the room sets it
// from the connection, never from the payload.

export type Action =
  | {
      type: 'propose';
      seat: Seat;
      members: Seat[];
      split: number[];
      terms: Terms;
      promises?: PromisedConcession[];
      rationale?: string;
      visibility?: Visibility;
      counterTo?: number | null;
    }
  | { type: 'accept'; seat: Seat; proposal: number }
  | { type: 'withdraw'; seat: Seat }
  | { type: 'reject'; seat: Seat; proposal: number; reason?: string }
  | { type: 'ask'; seat: Seat; target: Seat }
  | { type: 'answer'; seat: Seat; ask: number }
  | { type: 'decline'; seat: Seat; ask: number }
  | { type: 'concede'; seat: Seat; to: Seat; points: number; labelled: boolean; rationale?: string }
  | { type: 'declare'; seat: Seat; share: number }
  | { type: 'escalate'; seat: Seat; target: Seat; demand: Demand; rationale?: string }
  | { type: 'raise'; seat: Seat; escalation: number }
  | { type: 'renew'; seat: Seat; escalation: number }
  | { type: 'cosign'; seat: Seat; escalation: number }
  | { type: 'refuse'; seat: Seat; escalation: number; rationale: string }
  | { type: 'chat'; seat: Seat; to: Seat | null; text: string }
  | { type: 'trust'; seat: Seat; partner: Seat; move: TrustMove }
  | { type: 'ready'; seat: Seat }
  | { type: 'advance' };

export type ActionType = Action['type'];
export type SeatAction = Exclude<Action, { type: 'advance' }>;

// ---------------------------------------------------------------------------
// Events. `to` is the audience: every seat, or only the seats listed.

export type Audience = 'all' | Seat[];

export type ReputationCause =
  | 'answer'
  | 'labelled-concession'
  | 'silent-concession'
  | 'honour'
  | 'defect-on-honour'
  | 'ignored-demand'
  | 'refused-demand'
  | 'demand-met'
  | 'broke-declaration';

export type GameEvent = { to: Audience } & (
  | { type: 'phase'; phase: Phase; round: number }
  | { type: 'proposed'; proposal: Proposal }
  | { type: 'accepted'; seat: Seat; proposal: number }
  | { type: 'withdrew'; seat: Seat; proposal: number }
  | { type: 'rejected'; seat: Seat; proposal: number; reason: string }
  | { type: 'asked'; ask: number; from: Seat; target: Seat }
  | { type: 'answered'; ask: number; from: Seat; target: Seat; answer: { issue: string; preferred: string }[] }
  | { type: 'declined'; ask: number; from: Seat; target: Seat }
  | {
      type: 'conceded';
      from: Seat;
      receiver: Seat;
      points: number;
      labelled: boolean;
      costShare: number;
      rationale: string;
    }
  | { type: 'declared'; seat: Seat; share: number }
  | { type: 'escalated'; escalation: Escalation }
  | { type: 'raised'; escalation: number; stage: number }
  | { type: 'renewed'; escalation: number }
  | { type: 'cosigned'; escalation: number; seat: Seat }
  | { type: 'refused'; escalation: number; rationale: string }
  /** byTarget: the target's own act met it (credited); false: the table's deal made it moot. */
  | { type: 'demand-met'; escalation: number; byTarget: boolean }
  | { type: 'lapsed'; escalation: number }
  | { type: 'chat'; message: ChatMessage }
  | { type: 'trust-chosen'; seat: Seat; partner: Seat; move: TrustMove }
  | { type: 'trust-revealed'; pairs: RevealedTrustPair[] }
  | { type: 'deal'; deal: Deal }
  | { type: 'no-winning-deal' }
  | { type: 'points'; seat: Seat; delta: number; cause: IncomeSource }
  | { type: 'reputation'; seat: Seat; delta: number; cause: ReputationCause }
  | { type: 'ready'; seat: Seat }
  | { type: 'ended'; totalRounds: number }
);

// ---------------------------------------------------------------------------
// Results

export const REFUSAL_CODES = [
  'wrong-phase',
  'unknown-seat',
  'not-your-seat',
  'bad-members',
  'bad-split',
  'bad-terms',
  'bad-promise',
  'text-too-long',
  'unknown-proposal',
  'not-a-member',
  'already-accepted',
  'nothing-to-withdraw',
  'own-proposal',
  'unknown-ask',
  'not-asked',
  'already-asked',
  'bad-points',
  'not-enough-points',
  'self-target',
  'bad-share',
  'bad-demand',
  'unknown-escalation',
  'not-escalator',
  'not-target',
  'already-cosigned',
  'already-escalating',
  'max-stage',
  'stage-too-low',
  'not-partner',
  'already-moved',
  'already-ready',
  'bad-move',
  'bad-text',
  'not-expiring',
  'empty-text',
  'game-over',
  'not-ready-to-advance',
  'demand-used',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export type ApplyResult = { ok: true; state: GameState; events: GameEvent[] } | { ok: false; refusal: Refusal };
