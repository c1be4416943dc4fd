// Scripted students act only through the actions a person has, and each does what its name says.
import { describe, expect, it } from 'vitest';
import { CLAIM_SEED, roster, silentPair, student, withSeats } from '../../../shared/claims/tables';
import { simulate } from '../../../shared/bots/simulate';
import { isWinningSet } from '../../../shared/engine/rules';
import type { Scenario } from '../../../shared/engine/types';
import { builtInScenarios } from '../../../shared/scenarios';
import { seatsOfScenario, STUDENT_NAMES, weakestPair, weakSeats, type StudentName } from '../../../shared/students';

const seatsOf = seatsOfScenario;

function placed(s: Scenario, name: StudentName, g: number): number[] {
  if (name === 'side-deal') return weakestPair(seatsOf(s));
  if (name === 'weak-escalator' || name === 'weak-bloc') return weakSeats(seatsOf(s));
  return [g % s.roles.length];
}

describe('scripted students', () => {
  it.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'play whole games of %s without a refused action (but the probe of a second point demand)',
    (_id, s) => {
      for (const name of STUDENT_NAMES) {
        for (let g = 0; g < 3; g++) {
          const seats = placed(s, name, g);
          const r = simulate(s, withSeats(roster(s, g), seats, student(name)), CLAIM_SEED + g);
          expect(r.state.phase).toBe('end');
          const refused = r.refusals.filter((x) => !(name === 'point-pump' && x.code === 'demand-used'));
          expect(refused, `${name} in ${s.id}`).toEqual([]);
        }
      }
    },
  );

  const harbour = builtInScenarios[0];
  const play = (name: StudentName, g = 0, scenario = harbour) => {
    const seats = placed(scenario, name, g);
    const r = simulate(scenario, withSeats(roster(scenario, g), seats, student(name)), CLAIM_SEED + g);
    return { r, seats, mine: r.log.filter((e) => seats.includes(e.actor as number)) };
  };

  it('the idle student never acts', () => {
    const { mine } = play('idle');
    expect(mine).toEqual([]);
  });
  it('the accept-all student only accepts and plays its trust moves', () => {
    const mine = [0, 1, 2, 3, 4].flatMap((g) => play('accept-all', g).mine);
    expect(mine.some((e) => e.action.type === 'accept')).toBe(true);
    expect(mine.some((e) => e.action.type === 'trust')).toBe(true);
    expect(mine.every((e) => e.action.type === 'accept' || e.action.type === 'trust')).toBe(true);
  });
  it('the demand-all student offers winning coalitions with the whole prize for itself', () => {
    const { mine, seats } = play('demand-all', 2);
    const offers = mine.filter((e) => e.action.type === 'propose');
    expect(offers.length).toBeGreaterThan(0);
    for (const e of offers) {
      const a = e.action as Extract<typeof e.action, { type: 'propose' }>;
      expect(a.split[a.members.indexOf(seats[0])]).toBe(100);
      expect(isWinningSet(harbour, a.members)).toBe(true);
    }
    expect(mine.some((e) => e.action.type === 'accept')).toBe(false);
  });
  it('the grabber offers minimal winning coalitions and keeps the most for itself', () => {
    const { mine, seats } = play('grabber', 3);
    const offers = mine.filter((e) => e.action.type === 'propose');
    expect(offers.length).toBeGreaterThan(0);
    for (const e of offers) {
      const a = e.action as Extract<typeof e.action, { type: 'propose' }>;
      const own = a.split[a.members.indexOf(seats[0])];
      expect(Math.max(...a.split)).toBe(own);
      for (const m of a.members)
        if (m !== seats[0])
          expect(
            isWinningSet(
              harbour,
              a.members.filter((x) => x !== m),
            ),
          ).toBe(false);
    }
  });
  it('the side-deal pair deals only with each other, and under rules v3 earns no trust from a deal that cannot win', () => {
    const { mine, seats, r } = play('side-deal');
    expect(mine.some((e) => e.action.type === 'propose')).toBe(true);
    for (const e of mine) {
      if (e.action.type === 'propose') expect(e.action.members).toEqual(seats);
      if (e.action.type === 'accept') {
        const id = e.action.proposal;
        const p = r.log.find((x) => x.action.type === 'propose' && x.seq < e.seq && seats.includes(x.actor as number));
        expect(p, `accepted proposal ${id} comes from the pair`).toBeDefined();
      }
    }
    expect(isWinningSet(harbour, seats)).toBe(false);
    for (const h of r.state.history) for (const s of seats) expect(h.income[s].trust).toBe(0);
  });
  it('the always-defect student defects in every trust move it makes', () => {
    const moves = [0, 1, 2, 3, 4, 5]
      .flatMap((g) => play('always-defect', g).mine)
      .filter((e) => e.action.type === 'trust');
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((e) => e.action.type === 'trust' && e.action.move === 'defect')).toBe(true);
  });
  it('weak seats escalating together go public, co-sign each other and raise one stage a round', () => {
    const s = builtInScenarios.find((x) => x.id === 'river-dam')!;
    const mine = [0, 1, 2, 3, 4].flatMap((g) =>
      play('weak-escalator', g, s).mine.map((e) => ({ ...e, round: e.round + 100 * g })),
    );
    const kinds = mine.map((e) => e.action.type);
    expect(kinds).toContain('escalate');
    expect(kinds).toContain('cosign');
    const raises = mine.filter((e) => e.action.type === 'raise');
    // Never two raises of one escalation in one round: step by step.
    const perRound = new Map<string, number>();
    for (const e of raises) {
      const key = `${e.round}:${(e.action as { escalation: number }).escalation}`;
      perRound.set(key, (perRound.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perRound.values())).toBe(1);
  });
  it('two silent seats are chosen so that the rest can still win', () => {
    for (const s of builtInScenarios) {
      const pair = silentPair(s);
      expect(pair).not.toBeNull();
      const rest = s.roles.map((_, i) => i).filter((i) => !pair!.includes(i));
      expect(isWinningSet(s, rest)).toBe(true);
    }
  });
});
