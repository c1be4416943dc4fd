// The trust game's own table: Axelrod's payoffs, exact against his Match, and nothing of the
// coalition game (DESIGN 5).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/bots/simulate';
import { playMatch, STRATEGY_NAMES } from '../../../shared/bots/strategies';
import { Rng } from '../../../shared/engine/rng';
import { viewFor } from '../../../shared/engine/view';
import { AXELROD_PAYOFFS, TRUST_DEBRIEF, TRUST_BRIEFING, trustGameScenario } from '../../../shared/trust-game/scenario';

const DETERMINISTIC = STRATEGY_NAMES.filter((s) => s !== 'random' && s !== 'generous-tit-for-tat');

describe('the trust table', () => {
  it('pays Axelrod’s 5, 3, 1, 0 at a stake of 1', () => {
    expect(AXELROD_PAYOFFS).toEqual({ T: 5, R: 3, P: 1, S: 0 });
    const s = trustGameScenario(5);
    expect(s.trust).toEqual({ stake: 1, payoffs: { T: 5, R: 3, P: 1, S: 0 } });
    expect(s.roles).toHaveLength(5);
    expect(new Set(s.roles.map((r) => r.name)).size).toBe(5);
  });

  it.each(DETERMINISTIC.flatMap((a) => DETERMINISTIC.map((b) => [a, b] as const)))(
    'scores %s against %s exactly as Axelrod’s Match does',
    (a, b) => {
      const game = simulate(
        trustGameScenario(2),
        [
          { kind: 'strategy', strategy: a },
          { kind: 'strategy', strategy: b },
        ],
        11,
        { mode: 'trust', rounds: 12 },
      );
      const match = playMatch(a, b, 12, new Rng(1));
      expect(game.state.seats.map((s) => s.points)).toEqual(match.scores);
    },
  );

  it('gives each seat the mean of its pairs’ payoffs with more seats, and reputation never moves', () => {
    const seats = (['always-defect', 'always-cooperate', 'tit-for-tat'] as const).map((strategy) => ({
      kind: 'strategy' as const,
      strategy,
    }));
    const game = simulate(trustGameScenario(3), seats, 3, { mode: 'trust', rounds: 10 });
    const pair = (x: number, y: number) => playMatch(seats[x].strategy, seats[y].strategy, 10, new Rng(1)).scores;
    const expected = [0, 1, 2].map((i) => {
      const others = [0, 1, 2].filter((j) => j !== i);
      return others.reduce((sum, j) => sum + (i < j ? pair(i, j)[0] : pair(j, i)[1]), 0) / others.length;
    });
    expect(game.state.seats.map((s) => s.points)).toEqual(expected);
    expect(game.state.seats.map((s) => s.reputation)).toEqual([50, 50, 50]);
  });

  it('says nothing of the coalition game', () => {
    const view = viewFor(
      simulate(trustGameScenario(4), Array(4).fill({ kind: 'strategy', strategy: 'tit-for-tat' }), 1, {
        mode: 'trust',
        rounds: 2,
      }).state,
      0,
    );
    const text = [
      TRUST_BRIEFING,
      TRUST_DEBRIEF,
      view.scenario.summary,
      view.scenario.name,
      view.me!.role.briefing,
    ].join('\n');
    expect(text).not.toMatch(/walk-away|quota|escalat|power|coalition|votes?\b|deal\b/i);
    expect(view.scenario.issues).toEqual([]);
  });

  it('refuses a table it cannot seat', () => {
    expect(() => trustGameScenario(1)).toThrow(RangeError);
    expect(() => trustGameScenario(9)).toThrow(RangeError);
  });
});
