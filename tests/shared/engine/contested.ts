// A fuzzer's players for the engine's properties: in every negotiation they form up to three
// coalitions at once — one built to reach the quota with every veto seat, others disjoint from it
// or overlapping it — and accept in a shuffled order, so that rival proposals, seats switching
// sides, several deals in one round and deals that fall short are common, not rare. Random
// actions of the random player are mixed in. It reads the full state: it is a test driver, not a bot.
import { randomAction } from '../../../shared/bots/random';
import { apply } from '../../../shared/engine/apply';
import { deriveRng, Rng } from '../../../shared/engine/rng';
import { createGame } from '../../../shared/engine/setup';
import type { Action, ApplyResult, GameState, Scenario, Seat, Terms } from '../../../shared/engine/types';
import { viewFor } from '../../../shared/engine/view';
import { makeEntry, type LogEntry } from '../../../shared/record/log';
import { deepFreeze } from '../fixtures';

export interface PlayedGame {
  state: GameState;
  log: LogEntry[];
  /** Every state an action was applied to, in order (the end state last). */
  states: GameState[];
}

export type Step = (before: GameState, action: Action, result: ApplyResult) => void;

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function power(scenario: Scenario, seats: readonly Seat[]): number {
  return seats.reduce((sum, s) => sum + scenario.roles[s].power, 0);
}

/** A coalition that reaches the quota and holds every veto seat, built in a random order. */
function winningCoalition(scenario: Scenario, rng: Rng): Seat[] {
  const seats = scenario.roles.map((r, i) => (r.veto ? i : -1)).filter((i) => i >= 0);
  for (const s of shuffle(
    scenario.roles.map((_, i) => i),
    rng,
  )) {
    if (power(scenario, seats) >= scenario.quota && seats.length >= 2) break;
    if (!seats.includes(s)) seats.push(s);
  }
  return seats;
}

/** As many seats without a veto as it takes to reach the quota (or all of them): a deal that cannot win. */
function withoutVeto(scenario: Scenario, rng: Rng): Seat[] {
  const seats: Seat[] = [];
  for (const s of shuffle(
    scenario.roles.map((_, i) => i),
    rng,
  )) {
    if (scenario.roles[s].veto) continue;
    if (power(scenario, seats) >= scenario.quota && seats.length >= 2) break;
    seats.push(s);
  }
  return seats;
}

/** Up to three coalitions: a winning one, and rivals disjoint from it or overlapping it. */
function coalitions(scenario: Scenario, rng: Rng): Seat[][] {
  const n = scenario.roles.length;
  const vetoes = scenario.roles.some((r) => r.veto);
  const first = rng.chance(0.7)
    ? winningCoalition(scenario, rng)
    : vetoes && rng.chance(0.5)
      ? withoutVeto(scenario, rng)
      : shuffle(
          scenario.roles.map((_, i) => i),
          rng,
        ).slice(0, rng.int(2, n));
  const out = [first];
  for (let k = 0; k < 2; k++) {
    const outside = scenario.roles.map((_, i) => i).filter((i) => !out.some((c) => c.includes(i)));
    const pool =
      rng.chance(0.75) && outside.length >= 2
        ? outside
        : shuffle(
            scenario.roles.map((_, i) => i),
            rng,
          );
    const size = rng.int(2, Math.max(2, Math.min(3, pool.length)));
    const rival = shuffle(pool, rng).slice(0, size);
    if (rival.length >= 2) out.push(rival);
  }
  return out.map((c) => [...new Set(c)].sort((a, b) => a - b));
}

function split(count: number, rng: Rng): number[] {
  const cuts = Array.from({ length: count - 1 }, () => rng.int(0, 100)).sort((a, b) => a - b);
  return cuts.map((c, i) => c - (i === 0 ? 0 : cuts[i - 1])).concat(100 - (cuts[cuts.length - 1] ?? 0));
}

function terms(scenario: Scenario, rng: Rng): Terms {
  return Object.fromEntries(scenario.issues.map((i) => [i.id, rng.pick(i.options).id]));
}

/**
 * Plays one coalition game to its end on frozen states; `onStep` sees every action, refused ones
 * included.
 */
export function playContested(scenario: Scenario, seed: number, onStep?: Step): PlayedGame {
  const rng = new Rng(deriveRng(seed, 'contested-players'));
  let state = createGame(scenario, { mode: 'coalition', seed });
  const log: LogEntry[] = [];
  const states: GameState[] = [];
  const step = (action: Action): ApplyResult => {
    // Frozen: an engine that writes to the state it was given throws here.
    const before = deepFreeze(state);
    states.push(before);
    const result = apply(before, action);
    onStep?.(before, action, result);
    if (result.ok) {
      log.push(makeEntry(before, log.length, action, { by: action.type === 'advance' ? 'system' : 'bot', time: 0 }));
      state = result.state;
    }
    return result;
  };
  const noise = (p: number) => {
    if (!rng.chance(p)) return;
    const seat = rng.int(0, state.seats.length - 1);
    step(randomAction(viewFor(state, seat), rng));
  };
  while (state.phase !== 'end') {
    if (state.phase === 'negotiate') {
      for (let i = 0; i < 2; i++) noise(0.4);
      const groups = coalitions(scenario, rng);
      const ids: number[] = [];
      for (const members of groups) {
        const proposer = rng.pick(members);
        const r = step({
          type: 'propose',
          seat: proposer,
          members,
          split: split(members.length, rng),
          terms: terms(scenario, rng),
          visibility: rng.chance(0.7) ? 'public' : 'members',
        });
        if (r.ok) ids.push(r.state.proposals[r.state.proposals.length - 1].id);
      }
      const backers = (id: number) =>
        state.proposals.find((p) => p.id === id)?.members.filter((m) => state.seats[m].acceptance !== id) ?? [];
      // Members accept in a shuffled order: a seat in two coalitions ends up behind the later one.
      const accepts = shuffle(
        ids.flatMap((id) => backers(id).map((seat) => ({ seat, id }))),
        rng,
      );
      for (const { seat, id } of accepts) if (rng.chance(0.92)) step({ type: 'accept', seat, proposal: id });
      // Sometimes one coalition wins its members back.
      if (ids.length > 0 && rng.chance(0.5)) {
        const id = rng.pick(ids);
        for (const seat of backers(id)) step({ type: 'accept', seat, proposal: id });
      }
      noise(0.3);
      if (rng.chance(0.1)) step({ type: 'withdraw', seat: rng.int(0, state.seats.length - 1) });
    } else if (state.phase === 'trust') {
      for (const pair of state.trust) {
        for (const [seat, partner] of [
          [pair.a, pair.b],
          [pair.b, pair.a],
        ] as const) {
          if (rng.chance(0.9)) step({ type: 'trust', seat, partner, move: rng.chance(0.7) ? 'honour' : 'defect' });
        }
      }
      noise(0.3);
    } else if (state.phase === 'prepare') {
      for (let i = 0; i < 3; i++) noise(0.5);
    }
    step({ type: 'advance' });
  }
  states.push(state);
  return { state, log, states };
}
