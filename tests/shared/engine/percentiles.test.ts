import { describe, expect, it } from 'vitest';
import { addTable, emptyReference, percentileOf, placeSeat, seatOutcomes } from '../../../shared/engine/percentiles';
import { createGame } from '../../../shared/engine/setup';
import { smallScenario } from '../fixtures';
import { advance, BEST, run } from './helpers';

describe('role percentiles (DESIGN 4)', () => {
  it('places a value among a reference by mid-rank', () => {
    expect(percentileOf(5, [1, 2, 3, 4])).toBe(100);
    expect(percentileOf(0, [1, 2, 3, 4])).toBe(0);
    expect(percentileOf(2.5, [1, 2, 3, 4])).toBe(50);
    // Ties count half: 3 is above 1 and 2, equal to one 3: (2 + 0.5) / 4.
    expect(percentileOf(3, [1, 2, 3, 4])).toBe(62.5);
    expect(percentileOf(7, [7, 7])).toBe(50);
    expect(percentileOf(1, [])).toBe(50);
  });
  it('compares a seat only with seats of the same role, per round played', () => {
    const ref = emptyReference();
    addTable(ref, [
      { roleId: 'union', claimed: 10, mutualGain: 100, created: 0.5 },
      { roleId: 'authority', claimed: 90, mutualGain: 180, created: 0.5 },
    ]);
    addTable(ref, [
      { roleId: 'union', claimed: 20, mutualGain: 140, created: 0.8 },
      { roleId: 'authority', claimed: 70, mutualGain: 190, created: 0.8 },
    ]);
    // A union seat that claimed 15 a round is above one union seat of two, whatever the authority did.
    expect(placeSeat(ref, { roleId: 'union', claimed: 15, mutualGain: 150, created: 0.9 })).toEqual({
      claimed: 50,
      created: 100,
      mutualGain: 100,
    });
    expect(placeSeat(ref, { roleId: 'authority', claimed: 15, mutualGain: 150, created: 0.5 })).toEqual({
      claimed: 0,
      created: 25,
      mutualGain: 0,
    });
  });
  it("takes a finished game's scores per round played", () => {
    let s = createGame(smallScenario(), { mode: 'coalition', seed: 1, rounds: 2 });
    s = run(
      s,
      advance,
      { type: 'propose', seat: 0, members: [0, 2], split: [60, 40], terms: BEST },
      { type: 'accept', seat: 2, proposal: 1 },
    ).state;
    for (let round = 1; round <= 2; round++) s = run(s, advance, advance, advance, advance).state;
    // The hand-scored game of scoring.test.ts: surpluses 80, 14, 118, 26 over 2 rounds; joint gain 238 of 248.
    const o = seatOutcomes(s);
    expect(o.map((x) => x.claimed)).toEqual([40, 7, 59, 13]);
    expect(o.map((x) => x.mutualGain)).toEqual([159, 126, 178, 132]);
    expect(o[0].created).toBeCloseTo(238 / 248, 10);
  });
});
