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
  it('searches every winning coalition, outsiders trusting among themselves', () => {
    // Authority + Residents (power 7, with the veto) win; Union and Greens keep walk-aways 10 + 5
    // and form their own deal: 100 + 34 + 15 + 2 × (2 × 5 × 3) − 50 = 159.
    expect(bestRoundGain(smallScenario())).toBe(159);
  });
});

describe('a game scored by hand', () => {
  it('two rounds of Authority + Residents (60/40) on the best terms, both honouring', () => {
    let s = createGame(smallScenario(), { mode: 'coalition', seed: 1, rounds: 2 });
    s = run(s, advance, { type: 'propose', seat: 0, members: [0, 2], split: [60, 40], terms: BEST }, { type: 'accept', seat: 2, proposal: 1 }).state;
    for (let round = 1; round <= 2; round++) {
      s = run(s, advance, advance, { type: 'trust', seat: 0, partner: 2, move: 'honour' }, { type: 'trust', seat: 2, partner: 0, move: 'honour' }, advance, advance).state;
    }
    expect(s.phase).toBe('end');
    // Per round: Authority 60 + 0 + 15, Union 10 + 7, Residents 40 + 14 + 15, Greens 5 + 13.
    expect(s.seats.map((x) => x.points)).toEqual([150, 34, 138, 36]);
    const score = scoreGame(s);
    expect(score.seats.map((x) => x.baseline)).toEqual([60, 20, 10, 10]);
    expect(score.seats.map((x) => x.surplus)).toEqual([90, 14, 128, 26]);
    expect(score.jointGain).toBe(258);
    expect(score.bestJointGain).toBe(318);
    expect(score.efficiency).toBeCloseTo(258 / 318, 10);
    expect(score.valueLeft).toBe(60);
    expect(score.seats.map((x) => x.mutualGain)).toEqual([154.5, 78.5, 192.5, 90.5]);
    expect(score.ranking).toEqual([2, 0, 3, 1]);
    expect(score.geometricMeanSurplus).toBeCloseTo((90 * 14 * 128 * 26) ** 0.25, 8);
    expect(score.gini).toBeCloseTo(gini([150, 34, 138, 36]), 12);
    expect(s.seats.map((x) => x.reputation)).toEqual([52, 50, 52, 50]);
  });
  it('the trust game\'s best is every pair honouring every round, with no baseline', () => {
    let s = createGame(smallScenario(), { mode: 'trust', seed: 1, rounds: 3 });
    while (s.phase !== 'end') s = run(s, advance).state; // silent seats honour
    const score = scoreGame(s);
    expect(score.seats.every((x) => x.baseline === 0)).toBe(true);
    expect(s.seats.map((x) => x.points)).toEqual([45, 45, 45, 45]);
    expect(score.bestJointGain).toBe(180);
    expect(score.efficiency).toBe(1);
  });
});
