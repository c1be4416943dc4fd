// Turning a client's create options into a table: scenario, config, seats and settings; codes,
// tokens and names. Validation only; the rules of the game stay in shared/engine.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ErrorCode, ServerError } from '@colyseus/core';
import { isBotSpec, type BotSpec } from '../../shared/bots/bot';
import type { GameConfig, Scenario } from '../../shared/engine/types';
import { createOptions, MAX_NAME, type JoinErrorCode } from '../../shared/protocol';
import { formatProblems, parseScenario, scenarioById } from '../../shared/scenarios/index';
import { MAX_CAP_CHANCE } from '../../shared/scenarios/schema';
import { capChance, DEFAULT_CONTINUE } from '../../shared/engine/setup';
import type { ServerSettings } from '../context';
import type { TableStore } from '../store/store';
import { practiceStrategies } from '../../shared/trust-game/practice';
import { TRUST_GAME_ID, TRUST_SEATS, trustGameScenario } from '../../shared/trust-game/scenario';
import type { Durations, SeatRecord, TableSettings } from '../store/store';

/**
 * Colyseus turns an error thrown while creating or joining into the client's rejection. Its
 * numeric code doubles as the HTTP status of the matchmaking request, so it must be one of
 * Colyseus's 5xx codes; our own code leads the message ("name-taken: ...").
 */
export function joinError(code: JoinErrorCode, message: string): ServerError {
  return new ServerError(ErrorCode.APPLICATION_ERROR, `${code}: ${message}`);
}

/** Letters that cannot be mistaken for each other or for digits on a projector (no I, O, L). */
const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 5;

export async function newCode(taken: (code: string) => Promise<boolean>): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
    if (!(await taken(code))) return code;
  }
  throw new Error('no free table code after 100 draws');
}

/**
 * Whether a code is in use by a table or a class session: both are typed in the same lobby box and are room ids of
 * the same server, so a new one of either kind must differ from all.
 */
export async function codeTaken(store: TableStore, code: string): Promise<boolean> {
  return (await store.hasTable(code)) || (await store.getSession(code)) !== null;
}

/** A code typed by a person: upper case, spaces and dashes dropped. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A display name: trimmed, inner whitespace collapsed, control characters removed; null if empty or too long. */
export function cleanName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const name = raw
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length === 0 || name.length > MAX_NAME) return null;
  return name;
}

export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

/** The bot that takes a seat in class when its player is gone (DESIGN 5): it mirrors the table. */
export const STAND_IN: BotSpec = { kind: 'persona', persona: 'reciprocator', difficulty: 'normal' };

const SOLO_PERSONAS: BotSpec[] = [
  { kind: 'persona', persona: 'incumbent', difficulty: 'normal' },
  { kind: 'persona', persona: 'builder', difficulty: 'normal' },
  { kind: 'persona', persona: 'opportunist', difficulty: 'normal' },
  { kind: 'persona', persona: 'hardliner', difficulty: 'normal' },
  { kind: 'persona', persona: 'reciprocator', difficulty: 'normal' },
];

export interface NewTable {
  scenario: Scenario;
  config: GameConfig;
  seats: SeatRecord[];
  settings: TableSettings;
}

/** Validates create options into a table, or throws a join error naming the problem. */
export function tableFromOptions(
  raw: unknown,
  server: Pick<ServerSettings, 'displaySeconds' | 'acceptSeed'>,
): NewTable {
  const { displaySeconds } = server;
  const parsed = createOptions.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw joinError('bad-options', `${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  const o = parsed.data;
  let scenario: Scenario;
  if (o.mode === 'trust') {
    // The trust game stands on its own: its own table, never a coalition scenario's roles, text or payoffs.
    if (o.scenario !== TRUST_GAME_ID)
      throw joinError('bad-scenario', `The trust game has its own table: scenario "${TRUST_GAME_ID}".`);
    const players = o.seats?.length ?? o.players ?? TRUST_SEATS.default;
    if (o.seats && o.players !== undefined && o.players !== o.seats.length)
      throw joinError('bad-options', 'players: give as many seats as players.');
    scenario = trustGameScenario(players);
  } else if (o.players !== undefined) {
    throw joinError(
      'bad-options',
      'players: only the trust game has a choice of players; a scenario sets its own seats.',
    );
  } else if (typeof o.scenario === 'string') {
    const found = scenarioById(o.scenario);
    if (!found) throw joinError('bad-scenario', `There is no built-in scenario "${o.scenario}".`);
    scenario = found;
  } else {
    const result = parseScenario(o.scenario);
    if (!result.ok) throw joinError('bad-scenario', formatProblems(result.problems));
    scenario = result.scenario;
  }
  if (o.roundRange) {
    if (o.roundRange.min > o.roundRange.max) throw joinError('bad-options', 'roundRange: min must not be above max.');
    const rounds = {
      min: o.roundRange.min,
      continue: o.roundRange.continue ?? DEFAULT_CONTINUE,
      max: o.roundRange.max,
    };
    if (capChance(rounds) > MAX_CAP_CHANCE)
      throw joinError(
        'bad-options',
        `roundRange: games would reach the cap of ${rounds.max} rounds too often (${Math.round(capChance(rounds) * 100)}%), which tells players the last round; raise max.`,
      );
    // The table's own copy of the scenario: the engine's horizon follows it.
    scenario = { ...scenario, rounds };
  }
  const n = scenario.roles.length;
  // The creator joins right after: check its own options now, so that a bad name does not
  // leave a table behind that nobody sits at.
  if (!o.spectate && o.token === undefined && cleanName(o.name) === null)
    throw joinError('bad-name', 'Choose a name of 1 to 24 characters.');
  if (o.role !== undefined && seatOfRole(scenario, o.role) === null)
    throw joinError('bad-options', `role: this scenario has no role "${String(o.role)}".`);
  // Whoever picks the seed can compute the hidden number of rounds (DESIGN 2), so only a test
  // server lets create options fix it: each browser or server test then plays one known game.
  if (o.seed !== undefined && !server.acceptSeed)
    throw joinError('bad-options', 'seed: this server draws every table’s seed itself.');
  const config: GameConfig = { mode: o.mode, seed: o.seed ?? randomInt(0, 0x7fffffff) };
  if (o.noise !== undefined) {
    if (o.mode !== 'trust') throw joinError('bad-options', 'noise: only the trust game has noise.');
    config.noise = o.noise;
  }
  if (o.rounds !== undefined) config.rounds = o.rounds;

  let seats: SeatRecord[];
  if (o.solo) {
    const mine = o.role === undefined ? 0 : seatOfRole(scenario, o.role);
    if (mine === null) throw joinError('bad-options', `role: this scenario has no role "${String(o.role)}".`);
    const difficulty = o.difficulty ?? 'normal';
    // The trust-game practice: strategies drawn from all thirteen by the game's seed (DESIGN 5).
    const pool: BotSpec[] =
      o.mode === 'trust'
        ? practiceStrategies(config.seed, scenario.roles.length - 1).map((strategy) => ({ kind: 'strategy', strategy }))
        : SOLO_PERSONAS.map((b) => ({ ...b, difficulty }));
    seats = scenario.roles.map((_, seat) =>
      seat === mine
        ? humanSeat(seat)
        : { ...humanSeat(seat), kind: 'bot', bot: pool[(seat + (seat > mine ? -1 : 0)) % pool.length] },
    );
  } else if (o.seats) {
    if (o.seats.length !== n)
      throw joinError('bad-options', `seats: this scenario has ${n} roles, so give ${n} seats.`);
    seats = o.seats.map((s, seat) => {
      if (s.kind === 'human') return humanSeat(seat);
      if (!isBotSpec(s.bot))
        throw joinError('bad-options', `seats.${seat}.bot: no such persona, difficulty or strategy.`);
      return { ...humanSeat(seat), kind: 'bot', bot: s.bot };
    });
    if (!o.spectate && o.token === undefined) {
      const wanted =
        o.role === undefined ? seats.find((s) => s.kind === 'human') : seats[seatOfRole(scenario, o.role)!];
      if (!wanted || wanted.kind !== 'human')
        throw joinError('bad-options', 'The creator needs a seat for a person (or spectate: true to watch).');
    }
  } else {
    seats = scenario.roles.map((_, seat) => humanSeat(seat));
  }

  const d = o.durations ?? {};
  const untimed = o.solo === true;
  const durations: Durations = {
    negotiate: d.negotiate !== undefined ? d.negotiate : untimed ? null : scenario.durations.negotiate,
    trust: d.trust !== undefined ? d.trust : untimed ? null : scenario.durations.trust,
    resolve: d.resolve !== undefined ? d.resolve : displaySeconds,
    score: d.score !== undefined ? d.score : displaySeconds,
  };
  const settings: TableSettings = {
    durations,
    // Solo is pausable: nobody takes the seat of a player who stepped away.
    policy: o.solo ? 'between-meetings' : o.policy,
    private: o.solo ? true : (o.private ?? false),
    solo: o.solo ?? false,
  };
  return { scenario, config, seats, settings };
}

function humanSeat(seat: number): SeatRecord {
  return { seat, kind: 'human', bot: null, name: null, tokenHash: null, standIn: false };
}

/** A seat index from a role id or a seat number. */
export function seatOfRole(scenario: Scenario, role: string | number): number | null {
  if (typeof role === 'number')
    return Number.isInteger(role) && role >= 0 && role < scenario.roles.length ? role : null;
  const index = scenario.roles.findIndex((r) => r.id === role);
  return index >= 0 ? index : null;
}
