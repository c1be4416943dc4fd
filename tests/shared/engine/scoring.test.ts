import { describe, expect, it } from 'vitest';
import { createGame } from '../../../shared/engine/setup';
import { bestRoundGain, bestTerms, geometricMean, gini, scoreGame } from '../../../shared/engine/scoring';
import { smallScenario } from '../fixtures';
import { advance, BEST, run } from './helpers';

describe('Gini coefficient', () => {
  it.each([
    [[1, 1, 1, 1], 0],
    [[0, 0, 0, 1], 0.75],
    [[1, 2, 3, 4, 5], 4 / 15],
    [[10, -5, 0, 0], 0.75], // negative points count as 0
    [[0, 0], 0],
  ])('gini(%j) = %f', (xs, expected) => {
    expect(gini(xs)).toBeCloseTo(expected, 10);
  });
});

describe('geometric mean of surpluses', () => {
  it.each([
    [[4, 9], 6],
    [[2, 8, 4], 4],
    [[5, 0, 3], 0],
    [[5, -1], 0],
  ])('geometricMean(%j) = %f', (xs, expected) => {
    expect(geometricMean(xs)).toBeCloseTo(expected, 10);
  });
});

describe('best joint gain', () => {
  it('picks the terms worth most to the whole table', () => {
    // jobs: none 6, local 17, union 15; review: none -4, standard 7, independent 17.
    expect(bestTerms(smallScenario())).toEqual({ terms: BEST, value: 34 });
  });
  it('searches every winning coalition; only the winning deal plays the trust stage', () => {
    // Trust among k partners all honouring: k × stake 5 × R 2. Walk-aways sum to 50.
    // Authority + Residents: 100 + 34 + (10 + 5) + 20 − 50 = 119; Authority + Union: 114;
    // Authority + Residents + Greens: 100 + 34 + 10 + 30 − 50 = 124; all four: 100 + 34 + 40 − 50 = 124.
    expect(bestRoundGain(smallScenario())).toBe(124);
    // Rules v2 let the outsiders trust in a deal of their own (R 2 here): Authority + Residents
    // with Union + Greens trusting: 100 + 34 + 15 + 20 + 20 − 50 = 139.
    expect(bestRoundGain(smallScenario(), 2)).toBe(139);
  });
});

describe('a game scored by hand', () => {
  it('two rounds of Authority + Residents (60/40) on the best terms, both honouring', () => {
    let s = createGame(smallScenario(), { mode: 'coalition', seed: 1, rounds: 2 });
    s = run(
      s,
      advance,
      { type: 'propose', seat: 0, members: [0, 2], split: [60, 40], terms: BEST },
      { type: 'accept', seat: 2, proposal: 1 },
    ).state;
    for (let round = 1; round <= 2; round++) {
      s = run(
        s,
        advance,
        advance,
        { type: 'trust', seat: 0, partner: 2, move: 'honour' },
        { type: 'trust', seat: 2, partner: 0, move: 'honour' },
        advance,
        advance,
      ).state;
    }
    expect(s.phase).toBe('end');
    // Per round: Authority 60 + 0 + 10 (R 2 × stake 5), Union 10 + 7, Residents 40 + 14 + 10, Greens 5 + 13.
    expect(s.seats.map((x) => x.points)).toEqual([140, 34, 128, 36]);
    const score = scoreGame(s);
    expect(score.seats.map((x) => x.baseline)).toEqual([60, 20, 10, 10]);
    expect(score.seats.map((x) => x.surplus)).toEqual([80, 14, 118, 26]);
    expect(score.jointGain).toBe(238);
    expect(score.bestJointGain).toBe(248);
    expect(score.efficiency).toBeCloseTo(238 / 248, 10);
    expect(score.valueLeft).toBe(10);
    // λ defaults to the number of seats (4): surplus + 4 × 238 / 4.
    expect(score.seats.map((x) => x.mutualGain)).toEqual([318, 252, 356, 264]);
    expect(score.geometricMeanSurplus).toBeCloseTo((80 * 14 * 118 * 26) ** 0.25, 8);
    expect(score.gini).toBeCloseTo(gini([140, 34, 128, 36]), 12);
    expect(s.seats.map((x) => x.reputation)).toEqual([52, 50, 52, 50]);
  });
  it("the trust game's best is every pair honouring every round, with no baseline", () => {
    let s = createGame(smallScenario(), { mode: 'trust', seed: 1, rounds: 3 });
    while (s.phase !== 'end') s = run(s, advance).state; // silent seats honour
    const score = scoreGame(s);
    expect(score.seats.every((x) => x.baseline === 0)).toBe(true);
    expect(s.seats.map((x) => x.points)).toEqual([45, 45, 45, 45]);
    expect(score.bestJointGain).toBe(180);
    expect(score.efficiency).toBe(1);
  });
});
