// A player that picks a random action from what its view shows: the fuzzer's and the
// benchmark's opponent. Most of its actions are legal; it never reads the full state.
import { apply } from '../engine/apply';
import { deriveRng, Rng as RngClass, type Rng } from '../engine/rng';
import { createGame } from '../engine/setup';
import type { Action, ApplyResult, Demand, GameConfig, GameState, Scenario, Seat, Terms } from '../engine/types';
import { viewFor, type TableView } from '../engine/view';
import { makeEntry, type LogEntry } from '../record/log';

function randomTerms(view: TableView, rng: Rng): Terms {
  const terms: Terms = {};
  for (const issue of view.scenario.issues) terms[issue.id] = rng.pick(issue.options).id;
  return terms;
}

function randomSplit(count: number, rng: Rng): number[] {
  const cuts = Array.from({ length: count - 1 }, () => rng.int(0, 100)).sort((a, b) => a - b);
  const split: number[] = [];
  let last = 0;
  for (const c of cuts) {
    split.push(c - last);
    last = c;
  }
  split.push(100 - last);
  return split;
}

function otherSeat(view: TableView, seat: Seat, rng: Rng): Seat {
  const n = view.seats.length;
  return (seat + rng.int(1, n - 1)) % n;
}

/** One random action for `seat`, drawn from what its view offers in the current phase. */
export function randomAction(view: TableView, rng: Rng): Action {
  const seat = view.me!.seat;
  const n = view.seats.length;
  if (view.phase === 'trust') {
    if (view.trust.length > 0 && rng.chance(0.85)) {
      const slot = rng.pick(view.trust);
      return { type: 'trust', seat, partner: slot.partner, move: rng.chance(0.7) ? 'honour' : 'defect' };
    }
    return rng.chance(0.5) ? { type: 'ready', seat } : { type: 'chat', seat, to: null, text: 'honour?' };
  }
  if (view.phase !== 'negotiate') {
    if (view.phase === 'prepare' && view.mode === 'coalition' && rng.chance(0.3))
      return { type: 'declare', seat, share: rng.int(0, 40) };
    return rng.chance(0.5)
      ? { type: 'ready', seat }
      : { type: 'chat', seat, to: rng.chance(0.5) ? null : otherSeat(view, seat, rng), text: 'hello' };
  }
  if (view.mode === 'trust') return { type: 'ready', seat };
  const roll = rng.int(0, 99);
  if (roll < 22) {
    const members = [seat];
    for (let s = 0; s < n; s++) if (s !== seat && rng.chance(0.55)) members.push(s);
    if (members.length < 2) members.push(otherSeat(view, seat, rng));
    const promises = rng.chance(0.2) ? [{ from: seat, to: members[1], points: rng.int(1, 10) }] : [];
    return {
      type: 'propose',
      seat,
      members,
      split: randomSplit(members.length, rng),
      terms: randomTerms(view, rng),
      promises,
      rationale: rng.chance(0.3) ? 'fair by power' : '',
      visibility: rng.chance(0.8) ? 'public' : 'members',
    };
  }
  const mine = view.proposals.filter((p) => p.members.includes(seat) && p.proposer !== seat);
  if (roll < 50 && mine.length > 0) return { type: 'accept', seat, proposal: rng.pick(mine).id };
  if (roll < 55 && mine.length > 0) return { type: 'reject', seat, proposal: rng.pick(mine).id, reason: 'too little' };
  if (roll < 58) return { type: 'withdraw', seat };
  if (roll < 63) return { type: 'ask', seat, target: otherSeat(view, seat, rng) };
  const open = view.asks.filter((q) => q.to === seat && q.status === 'open');
  if (roll < 70 && open.length > 0)
    return rng.chance(0.7) ? { type: 'answer', seat, ask: open[0].id } : { type: 'decline', seat, ask: open[0].id };
  if (roll < 75 && view.me!.points >= 1)
    return {
      type: 'concede',
      seat,
      to: otherSeat(view, seat, rng),
      points: rng.int(1, Math.max(1, Math.floor(view.me!.points / 4))),
      labelled: rng.chance(0.6),
    };
  if (roll < 78) return { type: 'declare', seat, share: rng.int(0, 40) };
  if (roll < 82) {
    const demands: Demand[] = [
      { kind: 'share', share: rng.int(5, 40) },
      { kind: 'concession', points: rng.int(1, 20) },
      { kind: 'option', issue: view.scenario.issues[0].id, option: rng.pick(view.scenario.issues[0].options).id },
    ];
    return { type: 'escalate', seat, target: otherSeat(view, seat, rng), demand: rng.pick(demands) };
  }
  const own = view.escalations.filter((e) => e.escalator === seat);
  if (roll < 86 && own.length > 0) {
    const e = rng.pick(own);
    return rng.chance(0.5) ? { type: 'raise', seat, escalation: e.id } : { type: 'renew', seat, escalation: e.id };
  }
  const others = view.escalations.filter((e) => e.escalator !== seat && e.target !== seat);
  if (roll < 89 && others.length > 0) return { type: 'cosign', seat, escalation: rng.pick(others).id };
  const against = view.escalations.filter((e) => e.target === seat);
  if (roll < 91 && against.length > 0)
    return { type: 'refuse', seat, escalation: rng.pick(against).id, rationale: 'we cannot' };
  if (roll < 95)
    return { type: 'chat', seat, to: rng.chance(0.7) ? null : otherSeat(view, seat, rng), text: 'let us talk' };
  return { type: 'ready', seat };
}

/** A whole game of random players, for fuzzing and the benchmark. */
export interface RandomGame {
  state: GameState;
  log: LogEntry[];
  applied: number;
  refused: number;
}

/**
 * Plays a game headless: in each phase `actionsPerPhase` random actions by random seats, then
 * the phase advances. Refused actions are counted and left out of the log, as the server does.
 */
export function playRandomGame(
  scenario: Scenario,
  config: GameConfig,
  actionsPerPhase: number,
  onStep?: (before: GameState, action: Action, result: ApplyResult) => void,
): RandomGame {
  const rng = new RngClass(deriveRng(config.seed, 'random-players'));
  let state = createGame(scenario, config);
  const log: LogEntry[] = [];
  let refused = 0;
  const step = (action: Action) => {
    const result = apply(state, action);
    onStep?.(state, action, result);
    if (result.ok) {
      log.push(makeEntry(state, log.length, action, { by: action.type === 'advance' ? 'system' : 'bot', time: 0 }));
      state = result.state;
    } else refused++;
  };
  while (state.phase !== 'end') {
    const busy = state.phase === 'negotiate' || state.phase === 'trust' || state.phase === 'prepare';
    if (busy) {
      for (let i = 0; i < actionsPerPhase; i++) {
        const seat = rng.int(0, state.seats.length - 1);
        step(randomAction(viewFor(state, seat), rng));
      }
    }
    step({ type: 'advance' });
  }
  return { state, log, applied: log.length, refused };
}
