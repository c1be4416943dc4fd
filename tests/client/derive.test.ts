// The facts the client shows beside its controls: coalition checks, splits, what a package is
// worth, the power map and short seat names.
import { describe, expect, it } from 'vitest';
import { powerMap } from '../../shared/engine/power';
import { createGame } from '../../shared/engine/setup';
import { viewFor } from '../../shared/engine/view';
import { builtInScenarios, scenarioById } from '../../shared/scenarios/index';
import {
  checkCoalition,
  packageWorth,
  pct,
  proportionalSplit,
  pts,
  scenarioPowerMap,
  shortNames,
  signed,
  termsValue,
} from '../../client/game/derive';
import { shapePath, shapePoints, SHAPES } from '../../client/game/palette';
import { smallScenario } from '../shared/fixtures';

const harbour = scenarioById('harbour-development')!;
const dam = scenarioById('river-dam')!;

describe('checkCoalition', () => {
  it('wins with the quota and every veto seat, as the engine decides', () => {
    expect(checkCoalition(harbour, [1, 2, 3])).toMatchObject({
      power: 53,
      reachesQuota: true,
      missingVeto: [],
      wins: true,
    });
    expect(checkCoalition(harbour, [1, 2])).toMatchObject({ power: 38, reachesQuota: false, wins: false });
    const vetoSeat = dam.roles.findIndex((r) => r.veto);
    const others = dam.roles.map((_, i) => i).filter((i) => i !== vetoSeat);
    const c = checkCoalition(dam, others);
    expect(c.missingVeto).toEqual([vetoSeat]);
    expect(c.wins).toBe(false);
  });
});

describe('proportionalSplit', () => {
  it.each([[[35, 20, 18]], [[1, 1, 1]], [[12, 8]], [[0, 0]], [[40, 18, 14, 10, 10, 8]]])(
    'gives whole percentages that add up to 100 for %j',
    (weights) => {
      const split = proportionalSplit(weights);
      expect(split.reduce((a, b) => a + b, 0)).toBe(100);
      expect(split.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    },
  );
  it('follows the weights', () => {
    expect(proportionalSplit([30, 10])).toEqual([75, 25]);
  });
});

describe('packageWorth', () => {
  // The small fixture's numbers, worked by hand: prize 100 a round; the Union (seat 1, walk-away 10)
  // values local hiring 6 and an independent review 1; the Residents (seat 2, walk-away 5) value
  // union jobs 4 and no review −2.
  const small = smallScenario();
  const viewOf = (seat: number) => viewFor(createGame(small, { mode: 'coalition', seed: 1 }), seat);

  it('is the share of the prize plus the values of the terms, against the walk-away', () => {
    const none = { promisedOut: 0, promisedIn: 0 };
    expect(packageWorth(viewOf(1), 40, { jobs: 'local', review: 'independent' })).toEqual({
      prize: 40,
      terms: 7,
      ...none,
      total: 47,
      walkAway: 10,
      gain: 37,
    });
    expect(packageWorth(viewOf(2), 25, { jobs: 'union', review: 'none' })).toEqual({
      prize: 25,
      terms: 2,
      ...none,
      total: 27,
      walkAway: 5,
      gain: 22,
    });
    expect(packageWorth(viewOf(2), 0, { jobs: 'none', review: 'none' })).toEqual({
      prize: 0,
      terms: -2,
      ...none,
      total: -2,
      walkAway: 5,
      gain: -7,
    });
  });

  it('takes off what the seat promises its partners, and shows apart what they promise it', () => {
    // The Union promises 5 to the Residents and is promised 4 by the Greens; 9 between others.
    const promises = [
      { from: 1, to: 2, points: 5 },
      { from: 3, to: 1, points: 4 },
      { from: 2, to: 3, points: 9 },
    ];
    expect(packageWorth(viewOf(1), 40, { jobs: 'local', review: 'independent' }, promises)).toEqual({
      prize: 40,
      terms: 7,
      promisedOut: 5,
      promisedIn: 4,
      total: 42,
      walkAway: 10,
      gain: 32,
    });
  });

  it('adds up the values of the terms named, and nothing for none', () => {
    expect(termsValue(small.roles[1], { jobs: 'union', review: 'standard' })).toBe(15);
    expect(termsValue(small.roles[3], { review: 'independent' })).toBe(12);
    expect(termsValue(small.roles[0], null)).toBe(0);
  });

  it('is nothing for a spectator', () => {
    const view = viewFor(createGame(harbour, { mode: 'coalition', seed: 1 }), null);
    expect(packageWorth(view, 50, {})).toBeNull();
  });

  it('subtracts what the seat promises to hand over, and never counts a promise to it as income', () => {
    const view = viewFor(createGame(harbour, { mode: 'coalition', seed: 1 }), 1);
    const terms = Object.fromEntries(harbour.issues.map((i) => [i.id, i.options[0].id]));
    const plain = packageWorth(view, 40, terms)!;
    const w = packageWorth(view, 40, terms, [
      { from: 1, to: 2, points: 6 },
      { from: 0, to: 1, points: 4 },
      { from: 2, to: 3, points: 9 },
    ])!;
    expect(w.promisedOut).toBe(6);
    expect(w.promisedIn).toBe(4);
    expect(w.total).toBe(plain.total - 6);
    expect(w.gain).toBe(plain.gain - 6);
  });
});

describe('the power map', () => {
  it('is the engine’s, computed from the public scenario', () => {
    for (const s of builtInScenarios) {
      const expected = powerMap(
        { weights: s.roles.map((r) => r.power), quota: s.quota, veto: s.roles.flatMap((r, i) => (r.veto ? [i] : [])) },
        200,
      );
      expect(scenarioPowerMap(s)).toEqual(expected);
    }
  });
});

describe('shortNames', () => {
  it.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'tells every seat of %s apart, in a few letters',
    (_id, s) => {
      const names = shortNames(
        s.roles.map((r) => r.name),
        13,
      );
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(14);
    },
  );
});

describe('numbers in words', () => {
  it('writes points, signs and percentages the way the screens do', () => {
    expect(pts(12.345)).toBe('12.3');
    expect(pts(-4)).toBe('−4');
    expect(signed(3)).toBe('+3');
    expect(signed(-2.5)).toBe('−2.5');
    expect(pct(0.4512)).toBe('45%');
  });
});

describe('seat shapes', () => {
  it('are all different, and closed paths for SVG', () => {
    const paths = SHAPES.map((s) => shapePath(s, 10));
    expect(new Set(paths).size).toBe(SHAPES.length);
    for (const p of paths) expect(p.trim().endsWith('Z')).toBe(true);
    expect(shapePoints('circle', 5)).toBeNull();
  });
});
