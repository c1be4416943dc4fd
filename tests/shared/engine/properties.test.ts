// Properties of the engine over every shipped scenario (loaded through the scenario loader, so a
// new scenario field comes along) and the small hand-made table, with players that make rival
// coalitions common (./contested.ts). Invariants only — never a payoff or an escalation number:
// deals are disjoint and exactly the fully accepted proposals, at most one wins and it wins by the
// quota-and-veto rule, a refusal has a real code and leaves its state untouched, points and
// reputation move only through their events, and replaying the log gives the live game.
// How often each case arose is printed and held above a floor, so a weaker fuzzer cannot pass.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { playRandomGame } from '../../../shared/bots/random';
import { apply } from '../../../shared/engine/apply';
import { REFUSAL_CODES, type Action, type GameState, type Scenario } from '../../../shared/engine/types';
import { viewFor } from '../../../shared/engine/view';
import { ACTION_MESSAGES } from '../../../shared/protocol';
import { replay } from '../../../shared/record/log';
import { builtInScenarios } from '../../../shared/scenarios/index';
import { deepFreeze, smallScenario } from '../fixtures';
import { playContested, type PlayedGame } from './contested';

const SCENARIOS: Scenario[] = [...builtInScenarios, smallScenario()];
const CODES = new Set<string>(REFUSAL_CODES);
const GAMES_PER_SCENARIO = 40;

/** Plain assertions in hot loops: expect() is too slow for thousands of steps. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The DESIGN 2.2 rule, written here from the scenario: the quota, and every veto seat. */
function wins(scenario: Scenario, members: readonly number[]): boolean {
  const power = members.reduce((sum, s) => sum + scenario.roles[s].power, 0);
  return power >= scenario.quota && scenario.roles.every((r, i) => !r.veto || members.includes(i));
}

const counts = new Map<string, number>();
const count = (what: string, n = 1) => counts.set(what, (counts.get(what) ?? 0) + n);
afterAll(() => {
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `  ${k.padEnd(44)} ${v}`);
  console.log(`How often each case arose:\n${rows.join('\n')}`);
});

/** Checks every step of a game; returns the game. States are frozen, so no step can change its input. */
function playChecked(scenario: Scenario, seed: number): PlayedGame {
  return playContested(scenario, seed, (before, action, result) => {
    if (!result.ok) {
      check(CODES.has(result.refusal.code), `refusal code ${result.refusal.code} is not one of REFUSAL_CODES`);
      check(result.refusal.message.length > 0, 'a refusal without a sentence');
      count(`refused: ${result.refusal.code}`);
      return;
    }
    const after = result.state;
    const n = before.seats.length;
    const points = new Array<number>(n).fill(0);
    const reputation = new Array<number>(n).fill(0);
    for (const e of result.events) {
      if (e.type === 'points') points[e.seat] += e.delta;
      if (e.type === 'reputation') reputation[e.seat] += e.delta;
    }
    for (let i = 0; i < n; i++) {
      check(
        Math.abs(after.seats[i].points - before.seats[i].points - points[i]) < 1e-6,
        `${action.type}: points of seat ${i} moved without a points event`,
      );
      check(
        Math.abs(after.seats[i].reputation - before.seats[i].reputation - reputation[i]) < 1e-6,
        `${action.type}: reputation of seat ${i} moved without an event`,
      );
      check(after.seats[i].reputation >= 0 && after.seats[i].reputation <= 100, 'reputation out of 0–100');
    }
    // Each seat stands behind at most one proposal, and that proposal includes it.
    for (const s of after.seats) {
      const p = s.acceptance === null ? undefined : after.proposals.find((x) => x.id === s.acceptance);
      check(
        s.acceptance === null || p === undefined || p.members.includes(s.seat),
        'a seat accepts a proposal it is not in',
      );
    }
    if (before.phase === 'negotiate' && action.type === 'advance') resolved(scenario, before, after);
  });
}

/** At resolve: the deals are the fully accepted proposals, disjoint, and at most one wins, by the rule. */
function resolved(scenario: Scenario, before: GameState, after: GameState): void {
  const accepted = before.proposals
    .filter((p) => p.members.every((m) => before.seats[m].acceptance === p.id))
    .map((p) => p.id);
  check(
    JSON.stringify(after.deals.map((d) => d.proposalId).sort()) === JSON.stringify(accepted.sort()),
    'the deals are not the fully accepted proposals',
  );
  const seen = new Set<number>();
  for (const d of after.deals)
    for (const m of d.members) {
      check(!seen.has(m), 'deals overlap');
      seen.add(m);
    }
  for (const d of after.deals)
    check(d.wins === wins(scenario, d.members), `deal ${d.proposalId} wins: ${d.wins}, but the rule says ${!d.wins}`);
  const winners = after.deals.filter((d) => d.wins).length;
  check(winners <= 1, 'two deals won');
  // Which cases this round was.
  const backed = before.proposals.filter((p) =>
    p.members.some((m) => m !== p.proposer && before.seats[m].acceptance === p.id),
  );
  const contested = backed.some((p) =>
    backed.some((q) => q.id !== p.id && q.members.some((m) => p.members.includes(m))),
  );
  count('rounds');
  count(
    after.deals.length === 0
      ? 'rounds with no deal'
      : after.deals.length === 1
        ? 'rounds with one deal'
        : 'rounds with two or more deals',
  );
  if (winners === 1) count('rounds with a winning deal');
  if (winners === 1 && after.deals.length >= 2) count('rounds where a deal lost to a rival deal');
  if (contested) count('rounds with overlapping backed proposals');
  if (after.deals.some((d) => !d.wins && d.members.reduce((a, s) => a + scenario.roles[s].power, 0) >= scenario.quota))
    count('deals with the quota but without a veto seat');
}

describe('random contested games on every scenario (fast-check)', () => {
  it.each(SCENARIOS.map((s, i) => [s.id, s, i] as const))(
    '%s: deals, winners, refusals, points and reputation keep their invariants, and the log replays to the live game',
    (_id, scenario, i) => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
          const game = playChecked(scenario, seed);
          count('games');
          count('actions applied', game.log.length);
          expect(replay({ scenario, config: game.state.config, log: game.log })).toEqual(game.state);
        }),
        // Fixed seeds: the same games, and the same counts, on every run.
        { numRuns: GAMES_PER_SCENARIO, seed: 2026_11 + i },
      );
    },
  );

  it('made the interesting cases common (see the counts printed above)', () => {
    const rounds = counts.get('rounds') ?? 0;
    const share = (what: string) => (counts.get(what) ?? 0) / rounds;
    expect(counts.get('games')).toBe(SCENARIOS.length * GAMES_PER_SCENARIO);
    expect(rounds).toBeGreaterThan(SCENARIOS.length * GAMES_PER_SCENARIO * 4);
    expect(share('rounds with two or more deals')).toBeGreaterThan(0.15);
    expect(share('rounds with a winning deal')).toBeGreaterThan(0.3);
    expect(share('rounds where a deal lost to a rival deal')).toBeGreaterThan(0.07);
    expect(share('rounds with overlapping backed proposals')).toBeGreaterThan(0.3);
    expect(share('rounds with no deal')).toBeGreaterThan(0.02);
    expect(counts.get('deals with the quota but without a veto seat') ?? 0).toBeGreaterThan(10);
  });

  it('the same seed and actions give the same game, in the coalition and the trust game with noise', () => {
    for (const scenario of SCENARIOS) {
      const a = playContested(scenario, 12345);
      const b = playContested(scenario, 12345);
      expect(b.state).toEqual(a.state);
      expect(b.log).toEqual(a.log);
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(0, 0.01, 0.05, 0.1),
        (scenario, seed, noise) => {
          const config = { mode: 'trust' as const, seed, noise };
          const a = playRandomGame(scenario, config, 20);
          expect(playRandomGame(scenario, config, 20).state).toEqual(a.state);
          expect(a.state.phase).toBe('end');
          expect(replay({ scenario, config: a.state.config, log: a.log })).toEqual(a.state);
        },
      ),
      { numRuns: 100, seed: 2026_11 },
    );
  });

  it("no view holds another seat's walk-away, values, briefing, points or unrevealed trust move, or the random state", () => {
    for (const scenario of SCENARIOS) {
      const game = playContested(scenario, 99);
      const step = Math.max(1, Math.floor(game.states.length / 60));
      for (let k = 0; k < game.states.length; k += step) {
        const state = game.states[k];
        const ended = state.phase === 'end';
        for (let viewer = -1; viewer < state.seats.length; viewer++) {
          const seat = viewer < 0 ? null : viewer;
          const view = viewFor(state, seat);
          const json = JSON.stringify(view);
          check(!json.includes('"rng"') && !json.includes('"horizon"'), 'the random state leaked');
          for (const role of view.scenario.roles)
            check(Object.keys(role).length === 4, 'a role carries private fields');
          if (ended) continue;
          const { me: _me, history, ...publicPart } = view;
          const outside = JSON.stringify({ ...publicPart, history: history.map(({ myIncome: _i, ...h }) => h) });
          check(!/"walkAway"|"values"|"briefing"/.test(outside), 'a private role fact leaked');
          for (const h of history) check(!('points' in h), 'the points of every seat leaked');
          for (let other = 0; other < state.seats.length; other++)
            if (other !== seat) check(!json.includes(scenario.roles[other].briefing), 'another briefing leaked');
          for (const t of view.trust)
            check(
              t.move === null ||
                state.trust.some((p) => (p.a === seat && p.b === t.partner) || (p.b === seat && p.a === t.partner)),
              'a trust move of another pair',
            );
          check(view.totalRounds === null && view.debrief === null, 'the number of rounds leaked');
        }
      }
    }
  });
});

describe('hostile actions', () => {
  // States from whole games of every scenario, from prepare to the end.
  const games = SCENARIOS.map((s, i) => playContested(s, 7000 + i));
  const states = games.flatMap((g) => g.states);
  const seatsOf = (s: GameState) => s.seats.length;
  const types = Object.keys(ACTION_MESSAGES);

  /** Actions that no state may accept: each breaks one rule of its shape or target. */
  const hostile = (n: number): fc.Arbitrary<unknown> => {
    const seat = fc.integer({ min: 0, max: n - 1 });
    const badSeat = fc.oneof(fc.constantFrom(-1, n, n + 3, 0.5, Number.NaN, null, '0', undefined, Infinity));
    const anyType = fc.constantFrom(...types);
    return fc.oneof(
      // any action, by a seat that is not at the table
      fc.record({
        type: anyType,
        seat: badSeat,
        proposal: fc.nat(5),
        target: fc.nat(n - 1),
        text: fc.constant('hi'),
        to: fc.constant(null),
      }),
      // a type that does not exist, or no action at all
      fc.record({ type: fc.constantFrom('teleport', 'ADVANCE', '', 'constructor', '__proto__'), seat }),
      fc
        .anything()
        .filter(
          (a) =>
            !(typeof a === 'object' && a !== null && 'type' in a && [...types, 'advance'].includes(String(a.type))),
        ),
      // proposals broken in one way each
      seat.chain((s) =>
        fc.oneof(
          fc.record({
            type: fc.constant('propose'),
            seat: fc.constant(s),
            members: fc.constant([s, n]),
            split: fc.constant([50, 50]),
            terms: fc.constant({}),
          }),
          fc.record({
            type: fc.constant('propose'),
            seat: fc.constant(s),
            members: fc.constant([s, s]),
            split: fc.constant([50, 50]),
            terms: fc.constant({}),
          }),
          fc.record({
            type: fc.constant('propose'),
            seat: fc.constant(s),
            members: fc.constant([(s + 1) % n, (s + 2) % n]),
            split: fc.constant([50, 50]),
            terms: fc.constant({}),
          }),
          fc.record({
            type: fc.constant('propose'),
            seat: fc.constant(s),
            members: fc.constant([s, (s + 1) % n]),
            split: fc.constantFrom([50, 49], [101, -1], [50.5, 49.5], [100]),
            terms: fc.constant({}),
          }),
          fc.record({
            type: fc.constant('propose'),
            seat: fc.constant(s),
            members: fc.constant([s, (s + 1) % n]),
            split: fc.constant([50, 50]),
            terms: fc.constant({ 'no-such-issue': 'x' }),
            rationale: fc.constant('x'.repeat(281)),
          }),
        ),
      ),
      fc.record({ type: fc.constantFrom('accept', 'reject'), seat, proposal: fc.constantFrom(-1, 10_000, 1.5) }),
      fc.record({
        type: fc.constant('concede'),
        seat,
        to: seat,
        points: fc.constantFrom(0, -5, Number.NaN, Infinity, 1e9),
        labelled: fc.boolean(),
      }),
      seat.chain((s) =>
        fc.record({
          type: fc.constant('concede'),
          seat: fc.constant(s),
          to: fc.constant(s),
          points: fc.constant(1),
          labelled: fc.boolean(),
        }),
      ),
      seat.chain((s) =>
        fc.record({
          type: fc.constant('escalate'),
          seat: fc.constant(s),
          target: fc.constantFrom(s, -1, n),
          demand: fc.constant({ kind: 'share', share: 20 }),
        }),
      ),
      fc.record({
        type: fc.constant('escalate'),
        seat,
        target: seat,
        demand: fc.constantFrom(
          { kind: 'moon' },
          { kind: 'share', share: 150 },
          { kind: 'concession', points: -3 },
          { kind: 'option', issue: 'no-such-issue', option: 'x' },
        ),
      }),
      fc.record({ type: fc.constantFrom('raise', 'renew', 'cosign'), seat, escalation: fc.constantFrom(-1, 10_000) }),
      fc.record({ type: fc.constant('refuse'), seat, escalation: fc.constant(10_000), rationale: fc.constant('no') }),
      seat.chain((s) =>
        fc.record({
          type: fc.constant('trust'),
          seat: fc.constant(s),
          partner: fc.constantFrom(s, -1, n),
          move: fc.constant('honour'),
        }),
      ),
      fc.record({ type: fc.constant('trust'), seat, partner: seat, move: fc.constantFrom('HONOUR', '', 'both') }),
      fc.record({ type: fc.constant('chat'), seat, to: fc.constantFrom(-1, n, 0.5), text: fc.constant('hi') }),
      fc.record({ type: fc.constant('chat'), seat, to: fc.constant(null), text: fc.constantFrom('', 'x'.repeat(281)) }),
      seat.chain((s) =>
        fc.record({ type: fc.constant('ask'), seat: fc.constant(s), target: fc.constantFrom(s, -1, n) }),
      ),
      fc.record({ type: fc.constantFrom('answer', 'decline'), seat, ask: fc.constantFrom(-1, 10_000) }),
      fc.record({ type: fc.constant('declare'), seat, share: fc.constantFrom(-1, 101, 12.5, Number.NaN) }),
    );
  };

  it('are refused in every part of a game, with a code from REFUSAL_CODES, and leave the state exactly as it was', () => {
    const phases = new Map<string, number>();
    let latest = 0;
    fc.assert(
      fc.property(
        fc.nat(states.length - 1).chain((i) => fc.tuple(fc.constant(i), hostile(seatsOf(states[i])))),
        ([i, attack]) => {
          const state = deepFreeze(states[i]);
          const snapshot = JSON.stringify(state);
          let result;
          try {
            result = apply(state, attack as Action);
          } catch (error) {
            throw new Error(
              `the engine threw on ${JSON.stringify(attack)} in ${state.phase} of round ${state.round}: ${String(error)}`,
              { cause: error },
            );
          }
          expect(result.ok, `accepted ${JSON.stringify(attack)} in ${state.phase} of round ${state.round}`).toBe(false);
          expect(CODES.has((result as { refusal: { code: string } }).refusal.code)).toBe(true);
          expect(JSON.stringify(state)).toBe(snapshot);
          phases.set(state.phase, (phases.get(state.phase) ?? 0) + 1);
          latest = Math.max(latest, state.round);
        },
      ),
      { numRuns: 3000, seed: 2026_11 },
    );
    // The attacks reached every phase and the late rounds, not only the opening.
    expect([...phases.keys()].sort()).toEqual(['end', 'negotiate', 'prepare', 'resolve', 'score', 'trust']);
    expect(latest).toBeGreaterThanOrEqual(Math.min(...games.map((g) => g.state.totalRounds)));
    for (const [phase, n] of phases) count(`hostile actions in ${phase}`, n);
  });
});
