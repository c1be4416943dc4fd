import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from '../../../shared/engine/apply';
import { playRandomGame } from '../../../shared/bots/random';
import { isWinningSet } from '../../../shared/engine/rules';
import type { Action, GameEvent, GameState } from '../../../shared/engine/types';
import { viewFor } from '../../../shared/engine/view';
import { replay } from '../../../shared/record/log';
import { smallScenario } from '../fixtures';

const scenario = smallScenario();

/** Plain assertions in hot loops: expect() is too slow for a thousand games. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Points each seat gained from the events of one action. */
function pointsFromEvents(events: GameEvent[], seats: number): number[] {
  const sums = new Array<number>(seats).fill(0);
  for (const e of events) if (e.type === 'points') sums[e.seat] += e.delta;
  return sums;
}

describe('random games (fast-check)', () => {
  it('deals are disjoint, at most one wins, points move only through point events, and refusals change nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 8, max: 40 }), (seed, perPhase) => {
        playRandomGame(scenario, { mode: 'coalition', seed }, perPhase, (before, action, result) => {
          if (!result.ok) {
            check(result.refusal.message.length > 0, 'a refusal without a sentence');
            return;
          }
          const after = result.state;
          const moved = pointsFromEvents(result.events, before.seats.length);
          for (let i = 0; i < before.seats.length; i++) {
            check(Math.abs(after.seats[i].points - (before.seats[i].points + moved[i])) < 1e-6, 'points moved without an event');
            check(after.seats[i].reputation >= 0 && after.seats[i].reputation <= 100, 'reputation out of 0–100');
          }
          if (action.type === 'concede') {
            const total = (s: GameState) => s.seats.reduce((a, x) => a + x.points, 0);
            check(Math.abs(total(after) - total(before)) < 1e-6, 'a concession created or destroyed points');
          }
          if (action.type !== 'advance' && action.type !== 'concede' && action.type !== 'escalate' && action.type !== 'raise' && action.type !== 'renew' && action.type !== 'cosign') {
            check(moved.every((m) => m === 0), `${action.type} moved points`);
          }
          if (before.phase === 'negotiate' && action.type === 'advance') {
            const seen = new Set<number>();
            for (const d of after.deals) for (const m of d.members) {
              check(!seen.has(m), 'deals overlap');
              seen.add(m);
            }
            check(after.deals.filter((d) => d.wins).length <= 1, 'two deals won');
            for (const d of after.deals) check(d.wins === isWinningSet(scenario, d.members), 'wrong winner');
          }
          // Each seat stands behind at most one proposal, and that proposal includes it.
          for (const s of after.seats) {
            if (s.acceptance === null) continue;
            const p = after.proposals.find((x) => x.id === s.acceptance);
            if (p) check(p.members.includes(s.seat), 'accepted a proposal without being a member');
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('the same seed and actions give the same state, and replaying the log equals live play', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom<'coalition' | 'trust'>('coalition', 'trust'), fc.double({ min: 0, max: 0.3, noNaN: true }), (seed, mode, noise) => {
        const config = { mode, seed, noise: mode === 'trust' ? noise : 0 };
        const a = playRandomGame(scenario, config, 20);
        const b = playRandomGame(scenario, config, 20);
        expect(b.state).toEqual(a.state);
        expect(replay({ scenario, config: a.state.config, log: a.log })).toEqual(a.state);
      }),
      { numRuns: 300 },
    );
  });

  it('no view holds another seat\'s walk-away, values, briefing, points or unrevealed trust move, or the random state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        playRandomGame(scenario, { mode: 'coalition', seed }, 15, (_before, _action, result) => {
          if (!result.ok) return;
          const state = result.state;
          const ended = state.phase === 'end';
          for (let viewer = -1; viewer < state.seats.length; viewer++) {
            const seat = viewer < 0 ? null : viewer;
            const view = viewFor(state, seat);
            const json = JSON.stringify(view);
            check(!json.includes('"rng"') && !json.includes('"horizon"'), 'the random state leaked');
            if (!ended) {
              // Outside the seat's own private facts, no role's walk-away, values or briefing appears.
              const { me: _me, history, ...publicPart } = view;
              const outside = JSON.stringify({ ...publicPart, history: history.map(({ myIncome: _i, ...h }) => h) });
              check(!/"walkAway"|"values"|"briefing"/.test(outside), 'a private role fact leaked');
              for (const h of history) check(!('points' in h), 'the points of every seat leaked');
            }
            for (const role of view.scenario.roles) check(Object.keys(role).length === 4, 'a role carries private fields');
            if (seat !== null) check(view.me!.role.id === scenario.roles[seat].id, 'a seat sees another role as its own');
            for (let other = 0; other < state.seats.length; other++) {
              if (other === seat || ended) continue;
              check(!json.includes(scenario.roles[other].briefing), 'another briefing leaked');
            }
            for (const t of view.trust) check(state.trust.some((p) => (p.a === seat && p.b === t.partner) || (p.b === seat && p.a === t.partner)), 'a trust slot of another pair');
            if (!ended) check(view.totalRounds === null && view.debrief === null, 'the number of rounds leaked');
          }
          for (const e of result.events) {
            if (e.type === 'points' || e.type === 'trust-chosen') check(Array.isArray(e.to) && e.to.length === 1 && e.to[0] === e.seat, 'a private event went public');
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('hostile actions are refused with a code and leave the state exactly as it was', () => {
    const hostile = fc.oneof(
      fc.record({ type: fc.constantFrom('propose', 'accept', 'concede', 'escalate', 'trust', 'chat', 'raise', 'cosign', 'answer'), seat: fc.integer({ min: -3, max: 10 }) }, { requiredKeys: ['type'] }),
      fc.record({
        type: fc.constant('propose'),
        seat: fc.integer({ min: 0, max: 3 }),
        members: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 6 }),
        split: fc.array(fc.integer({ min: -50, max: 150 }), { maxLength: 6 }),
        terms: fc.dictionary(fc.string(), fc.string()),
      }),
      fc.record({ type: fc.constant('concede'), seat: fc.integer({ min: 0, max: 3 }), to: fc.integer({ min: -1, max: 5 }), points: fc.double(), labelled: fc.boolean() }),
      fc.record({ type: fc.constant('chat'), seat: fc.integer({ min: 0, max: 3 }), to: fc.option(fc.integer({ min: -1, max: 5 })), text: fc.string({ maxLength: 400 }) }),
      fc.record({ type: fc.constant('escalate'), seat: fc.integer({ min: 0, max: 3 }), target: fc.integer({ min: -1, max: 5 }), demand: fc.anything() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(hostile, { minLength: 1, maxLength: 30 }), (seed, attacks) => {
        let states: GameState[] = [];
        playRandomGame(scenario, { mode: 'coalition', seed }, 10, (before) => {
          if (states.length < 40) states.push(before);
        });
        for (const attack of attacks) {
          const state = states[attack === null ? 0 : JSON.stringify(attack ?? '').length % states.length];
          const snapshot = JSON.stringify(state);
          let result;
          try {
            result = apply(state, attack as Action);
          } catch (error) {
            throw new Error(`engine threw on ${JSON.stringify(attack)}: ${String(error)}`);
          }
          expect(JSON.stringify(state)).toBe(snapshot);
          if (!result.ok) expect(result.refusal.code).toMatch(/^[a-z-]+$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
