// Bot reasons must be true (issue 9, finding 3): the numbers a reason or a rationale states are
// the numbers the screen shows; and bots must not churn (finding 4): a bot moves its acceptance
// only a few times a phase.
import { describe, expect, it } from 'vitest';
import { benchmarkSeats } from '../../../shared/bots/benchmark';
import { simulate } from '../../../shared/bots/simulate';
import { powerMap } from '../../../shared/engine/power';
import { isWinningSet } from '../../../shared/engine/rules';
import type { GameState } from '../../../shared/engine/types';
import { replay } from '../../../shared/record/log';
import { builtInScenarios } from '../../../shared/scenarios';

const games = builtInScenarios.flatMap((s) =>
  [0, 1, 2, 3, 4].map((g) => ({ s, r: simulate(s, benchmarkSeats(s, g), 900 + g) })),
);

describe('bot reasons and rationales state the numbers the screen shows', () => {
  it('an acceptance names the share the proposal gives', () => {
    let checked = 0;
    for (const { s, r } of games) {
      let state: GameState | null = null;
      replay({ scenario: s, config: r.state.config, log: r.log }, (after, entry) => {
        const a = entry.action;
        if (a.type === 'accept' && entry.reason && state) {
          const p = state.proposals.find((x) => x.id === a.proposal)!;
          const share = p.split[p.members.indexOf(a.seat)];
          const m = /: (\d+)% /.exec(entry.reason) ?? /with (\d+)%/.exec(entry.reason);
          if (m) {
            expect(Number(m[1]), entry.reason).toBe(share);
            checked++;
          }
        }
        state = after;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });
  it('a labelled concession says what it costs against the prize, as the table is shown', () => {
    let checked = 0;
    for (const { s, r } of games) {
      for (const e of r.log) {
        if (e.action.type !== 'concede' || !e.action.rationale) continue;
        const m = /costs us (\d+)% of the prize/.exec(e.action.rationale);
        if (!m) continue;
        expect(Number(m[1])).toBe(Math.round((100 * e.action.points) / s.prize));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
  it("an escalation states the escalator's power index as the power map rounds it", () => {
    let checked = 0;
    for (const { s, r } of games) {
      const map = powerMap({
        weights: s.roles.map((x) => x.power),
        quota: s.quota,
        veto: s.roles.flatMap((x, i) => (x.veto ? [i] : [])),
      });
      for (const e of r.log) {
        if (e.action.type !== 'escalate' || !e.action.rationale) continue;
        const m = /power index is (\d+)%/.exec(e.action.rationale);
        if (!m) continue;
        expect(Number(m[1])).toBe(Math.round(100 * map.shapleyShubik[e.action.seat]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
  it('a proposal called a minimal winning coalition is one', () => {
    let checked = 0;
    for (const { s, r } of games) {
      for (const e of r.log) {
        if (e.action.type !== 'propose' || !e.action.rationale?.startsWith('A minimal winning coalition')) continue;
        const members = e.action.members;
        expect(isWinningSet(s, members)).toBe(true);
        for (const m of members)
          expect(
            isWinningSet(
              s,
              members.filter((x) => x !== m),
            ),
          ).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('bots do not churn', () => {
  it('no bot accepts more than six times in one phase', () => {
    let most = 0;
    for (const { r } of games) {
      const counts = new Map<string, number>();
      for (const e of r.log) {
        if (e.action.type !== 'accept') continue;
        const key = `${e.round}:${e.actor}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const c of counts.values()) most = Math.max(most, c);
    }
    expect(most).toBeLessThanOrEqual(6);
  });
});
