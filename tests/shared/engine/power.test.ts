import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  banzhaf,
  isWinning,
  minimalWinningCoalitions,
  powerMap,
  shapleyShubik,
  type WeightedGame,
} from '../../../shared/engine/power';

// ---------------------------------------------------------------------------------------------
// Brute force from the definitions (orders and subsets), for small games only.

function bruteWins(game: WeightedGame, members: number[]): boolean {
  const weight = members.reduce((s, i) => s + game.weights[i], 0);
  return weight >= game.quota && (game.veto ?? []).every((v) => members.includes(v));
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) {
    for (let at = 0; at <= p.length; at++) out.push([...p.slice(0, at), n - 1, ...p.slice(at)]);
  }
  return out;
}

function subsets(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const s: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s.push(i);
    out.push(s);
  }
  return out;
}

function bruteShapley(game: WeightedGame): number[] {
  const n = game.weights.length;
  const pivots = new Array<number>(n).fill(0);
  const orders = permutations(n);
  for (const order of orders) {
    for (let k = 1; k <= n; k++) {
      if (bruteWins(game, order.slice(0, k))) {
        pivots[order[k - 1]]++;
        break;
      }
    }
  }
  return pivots.map((p) => p / orders.length);
}

function bruteSwings(game: WeightedGame): number[] {
  const n = game.weights.length;
  const swings = new Array<number>(n).fill(0);
  for (const s of subsets(n)) {
    if (!bruteWins(game, s)) continue;
    for (const i of s)
      if (
        !bruteWins(
          game,
          s.filter((j) => j !== i),
        )
      )
        swings[i]++;
  }
  return swings;
}

function lexCompare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function bruteMinimalWinning(game: WeightedGame): number[][] {
  return subsets(game.weights.length)
    .filter(
      (s) =>
        bruteWins(game, s) &&
        s.every(
          (i) =>
            !bruteWins(
              game,
              s.filter((j) => j !== i),
            ),
        ),
    )
    .sort(lexCompare);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function expectClose(actual: number[], expected: number[], tolerance = 1e-9) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) =>
    expect(Math.abs(x - expected[i]), `index ${i}: ${x} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance),
  );
}

/** A small deterministic generator so the large cases are the same on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Published councils and boards.

interface Published {
  name: string;
  game: WeightedGame;
  shapleyShubik: number[];
  banzhaf: number[];
  swings?: number[];
  minimalWinning?: number[][];
}

const published: Published[] = [
  {
    // Council of Ministers of the EEC, 1958–1973, qualified majority 12 of 17. Luxembourg has a vote
    // but no power: the others' weights are even, so its 1 never turns 11 into 12 (Brams; Felsenthal & Machover).
    name: 'EEC Council of Ministers 1958 (France, Germany, Italy, Belgium, Netherlands, Luxembourg)',
    game: { weights: [4, 4, 4, 2, 2, 1], quota: 12 },
    shapleyShubik: [14 / 60, 14 / 60, 14 / 60, 9 / 60, 9 / 60, 0],
    banzhaf: [5 / 21, 5 / 21, 5 / 21, 1 / 7, 1 / 7, 0],
    swings: [10, 10, 10, 6, 6, 0],
    minimalWinning: [
      [0, 1, 2],
      [0, 1, 3, 4],
      [0, 2, 3, 4],
      [1, 2, 3, 4],
    ],
  },
  {
    // Nassau County Board of Supervisors 1964/65 (Banzhaf 1965, "Weighted voting doesn't work"):
    // Hempstead #1, Hempstead #2, North Hempstead, Oyster Bay, Glen Cove, Long Beach; 58 of 115.
    name: 'Nassau County Board of Supervisors 1964',
    game: { weights: [31, 31, 28, 21, 2, 2], quota: 58 },
    shapleyShubik: [1 / 3, 1 / 3, 1 / 3, 0, 0, 0],
    banzhaf: [1 / 3, 1 / 3, 1 / 3, 0, 0, 0],
    swings: [16, 16, 16, 0, 0, 0],
    minimalWinning: [
      [0, 1],
      [0, 2],
      [1, 2],
    ],
  },
  {
    // The 1958 Nassau board Banzhaf also analysed (16 of 30): Oyster Bay, Glen Cove and Long Beach are dummies.
    name: 'Nassau County Board of Supervisors 1958',
    game: { weights: [9, 9, 7, 3, 1, 1], quota: 16 },
    shapleyShubik: [1 / 3, 1 / 3, 1 / 3, 0, 0, 0],
    banzhaf: [1 / 3, 1 / 3, 1 / 3, 0, 0, 0],
    minimalWinning: [
      [0, 1],
      [0, 2],
      [1, 2],
    ],
  },
  {
    // UN Security Council since 1965: 9 of 15 votes including all five permanent members.
    // Shapley–Shubik: a non-permanent member is pivotal in 84·8!·6! of 15! orders = 4/2145 ≈ 0.001865,
    // each permanent member (1 − 40/2145)/5 = 421/2145 ≈ 0.19627. Banzhaf swings 848 and 84.
    name: 'UN Security Council (5 permanent with veto, 10 elected, 9 votes)',
    game: { weights: new Array<number>(15).fill(1), quota: 9, veto: [0, 1, 2, 3, 4] },
    shapleyShubik: [...new Array<number>(5).fill(421 / 2145), ...new Array<number>(10).fill(4 / 2145)],
    banzhaf: [...new Array<number>(5).fill(848 / 5080), ...new Array<number>(10).fill(84 / 5080)],
    swings: [...new Array<number>(5).fill(848), ...new Array<number>(10).fill(84)],
  },
  {
    // The same council modelled without a veto list: permanent members weigh 7, the quota is 39
    // (the textbook encoding), which must give the same indices.
    name: 'UN Security Council as weights 7 and 1, quota 39',
    game: { weights: [7, 7, 7, 7, 7, ...new Array<number>(10).fill(1)], quota: 39 },
    shapleyShubik: [...new Array<number>(5).fill(421 / 2145), ...new Array<number>(10).fill(4 / 2145)],
    banzhaf: [...new Array<number>(5).fill(848 / 5080), ...new Array<number>(10).fill(84 / 5080)],
  },
  {
    // Simple majority of five equal members.
    name: 'simple majority, five equal seats',
    game: { weights: [1, 1, 1, 1, 1], quota: 3 },
    shapleyShubik: [0.2, 0.2, 0.2, 0.2, 0.2],
    banzhaf: [0.2, 0.2, 0.2, 0.2, 0.2],
    swings: [6, 6, 6, 6, 6],
  },
  {
    // Banzhaf's textbook example (weights 4, 3, 2, 1; quota 6): swings 5, 3, 3, 1 of 12.
    name: 'weights 4, 3, 2, 1 with quota 6',
    game: { weights: [4, 3, 2, 1], quota: 6 },
    shapleyShubik: [5 / 12, 1 / 4, 1 / 4, 1 / 12],
    banzhaf: [5 / 12, 3 / 12, 3 / 12, 1 / 12],
    swings: [5, 3, 3, 1],
    minimalWinning: [
      [0, 1],
      [0, 2],
      [1, 2, 3],
    ],
  },
  {
    // Brams' (50, 49, 1) with a simple majority of 51: the 49-vote member is no stronger than the 1-vote member.
    name: 'weights 50, 49, 1 with quota 51',
    game: { weights: [50, 49, 1], quota: 51 },
    shapleyShubik: [2 / 3, 1 / 6, 1 / 6],
    banzhaf: [3 / 5, 1 / 5, 1 / 5],
    swings: [3, 1, 1],
  },
  {
    // Hand-computed veto example: three equal seats, two votes win, seat 0 holds a veto.
    // Winning: {0,1}, {0,2}, {0,1,2}. Of the 6 orders seat 0 is pivotal in 4, seats 1 and 2 in one each.
    // Swings: seat 0 in all three winning coalitions, seats 1 and 2 once each.
    name: 'hand-computed veto: three equal seats, quota 2, seat 0 has a veto',
    game: { weights: [1, 1, 1], quota: 2, veto: [0] },
    shapleyShubik: [4 / 6, 1 / 6, 1 / 6],
    banzhaf: [3 / 5, 1 / 5, 1 / 5],
    swings: [3, 1, 1],
    minimalWinning: [
      [0, 1],
      [0, 2],
    ],
  },
  {
    // Hand-computed: a light seat with a veto matches the heavy seat. Weights 5, 3, 1, quota 6, veto on
    // the 1: winning sets are {0,2} and {0,1,2} ({1,2} weighs 4). In every order the pivot is whichever
    // of seats 0 and 2 arrives second (3 orders each); seat 1 is a dummy.
    name: 'hand-computed veto on the lightest seat',
    game: { weights: [5, 3, 1], quota: 6, veto: [2] },
    shapleyShubik: [1 / 2, 0, 1 / 2],
    banzhaf: [1 / 2, 0, 1 / 2],
    swings: [2, 0, 2],
    minimalWinning: [[0, 2]],
  },
];

describe('published power indices', () => {
  it.each(published)('$name', ({ game, shapleyShubik: ss, banzhaf: bz, swings, minimalWinning }) => {
    const map = powerMap(game);
    expectClose(map.shapleyShubik, ss);
    expectClose(map.banzhaf, bz);
    expectClose(shapleyShubik(game), ss);
    expectClose(banzhaf(game).normalised, bz);
    if (swings) {
      expect(map.swings).toEqual(swings);
      expect(banzhaf(game).swings).toEqual(swings);
    }
    if (minimalWinning) {
      expect(map.minimalWinning).toEqual(minimalWinning);
      expect(map.minimalWinningTruncated).toBe(false);
    }
    // Every published case is small enough to check against the definitions as well.
    if (game.weights.length <= 8) {
      expectClose(map.shapleyShubik, bruteShapley(game), 1e-12);
      expect(map.swings).toEqual(bruteSwings(game));
      expect(map.minimalWinning).toEqual(bruteMinimalWinning(game));
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('isWinning', () => {
  const eec: WeightedGame = { weights: [4, 4, 4, 2, 2, 1], quota: 12 };
  const unsc: WeightedGame = { weights: new Array<number>(15).fill(1), quota: 9, veto: [0, 1, 2, 3, 4] };

  it.each([
    { game: eec, members: [0, 1, 2], wins: true },
    { game: eec, members: [0, 1, 3, 5], wins: false },
    { game: eec, members: [0, 1, 3, 4, 5], wins: true },
    { game: eec, members: [], wins: false },
    { game: unsc, members: [0, 1, 2, 3, 4, 5, 6, 7, 8], wins: true },
    { game: unsc, members: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], wins: false },
    { game: unsc, members: [0, 1, 2, 3, 4, 5, 6, 7], wins: false },
  ])('$members in $game.weights (quota $game.quota) wins: $wins', ({ game, members, wins }) => {
    expect(isWinning(game, members)).toBe(wins);
  });

  it('counts a seat listed twice only once', () => {
    expect(isWinning({ weights: [3, 3, 1], quota: 6 }, [0, 0])).toBe(false);
  });

  it('refuses a member that is not a seat', () => {
    expect(() => isWinning(eec, [0, 6])).toThrow(/Seat 6 does not exist/);
  });
});

describe('edge cases', () => {
  it('returns zeros, not NaN, when no coalition can win', () => {
    for (const game of [
      { weights: [1, 2, 3], quota: 7 },
      { weights: [0, 0], quota: 1 },
      { weights: [5, 5], quota: 1e12, veto: [1] },
    ]) {
      const map = powerMap(game);
      expect(map.shapleyShubik).toEqual(game.weights.map(() => 0));
      expect(map.banzhaf).toEqual(game.weights.map(() => 0));
      expect(map.swings).toEqual(game.weights.map(() => 0));
      expect(map.minimalWinning).toEqual([]);
      expect(map.minimalWinningTruncated).toBe(false);
    }
  });

  it('gives a dictator all the power', () => {
    const map = powerMap({ weights: [6, 2, 2], quota: 6 });
    expect(map.shapleyShubik).toEqual([1, 0, 0]);
    expect(map.banzhaf).toEqual([1, 0, 0]);
    expect(map.minimalWinning).toEqual([[0]]);
  });

  it('lets the veto seats win alone when their weight reaches the quota', () => {
    const game = { weights: [4, 3, 2, 1], quota: 6, veto: [0, 2] };
    const map = powerMap(game);
    expect(map.minimalWinning).toEqual([[0, 2]]);
    expectClose(map.shapleyShubik, [0.5, 0, 0.5, 0]);
    expectClose(map.shapleyShubik, bruteShapley(game), 1e-12);
    expect(map.swings).toEqual(bruteSwings(game));
  });

  it('gives a zero-weight veto seat the power of its veto', () => {
    const game = { weights: [0, 2, 2], quota: 2, veto: [0] };
    const map = powerMap(game);
    expectClose(map.shapleyShubik, bruteShapley(game), 1e-12);
    expect(map.swings).toEqual(bruteSwings(game));
    expect(map.minimalWinning).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  it('treats a fractional quota as the next whole weight', () => {
    expect(powerMap({ weights: [4, 4, 4, 2, 2, 1], quota: 11.5 })).toEqual(
      powerMap({ weights: [4, 4, 4, 2, 2, 1], quota: 12 }),
    );
  });

  it('is unchanged by a common factor in the weights', () => {
    const a = powerMap({ weights: [31, 31, 28, 21, 2, 2], quota: 58 });
    const b = powerMap({ weights: [310, 310, 280, 210, 20, 20], quota: 575 });
    expect(b).toEqual(a);
  });
});

describe('input validation', () => {
  it.each([
    { game: { weights: [], quota: 1 }, message: /at least one seat/ },
    { game: { weights: [1, -2], quota: 1 }, message: /weight of seat 1 must be a whole number of zero or more/ },
    { game: { weights: [1, 2.5], quota: 1 }, message: /weight of seat 1/ },
    { game: { weights: [1, Number.NaN], quota: 1 }, message: /weight of seat 1/ },
    { game: { weights: [1, 2], quota: 0 }, message: /quota must be a positive number/ },
    { game: { weights: [1, 2], quota: -3 }, message: /quota must be a positive number/ },
    { game: { weights: [1, 2], quota: Number.NaN }, message: /quota must be a positive number/ },
    {
      game: { weights: [1, 2], quota: 2, veto: [2] },
      message: /Veto seat 2 does not exist: seats are numbered 0 to 1/,
    },
    { game: { weights: [1, 2], quota: 2, veto: [-1] }, message: /Veto seat -1 does not exist/ },
    { game: { weights: [1, 2], quota: 2, veto: [0.5] }, message: /Veto seat 0.5 does not exist/ },
  ])('refuses $game', ({ game, message }) => {
    for (const run of [
      () => powerMap(game),
      () => shapleyShubik(game),
      () => banzhaf(game),
      () => minimalWinningCoalitions(game),
      () => isWinning(game, []),
    ]) {
      expect(run).toThrow(message);
    }
  });

  it('refuses a limit that is not a whole number of zero or more', () => {
    expect(() => minimalWinningCoalitions({ weights: [1, 1], quota: 1 }, -1)).toThrow(/limit/);
    expect(() => minimalWinningCoalitions({ weights: [1, 1], quota: 1 }, 1.5)).toThrow(/limit/);
  });

  it('refuses a game too large to tabulate with a sentence instead of running out of memory', () => {
    expect(() => powerMap({ weights: new Array<number>(40).fill(0).map((_, i) => 1e9 + i), quota: 2e10 })).toThrow(
      /too large/,
    );
  });

  it('does not mutate its inputs', () => {
    const weights = [9, 9, 7, 3, 1, 1];
    const veto = [3, 0];
    const game = { weights, quota: 16, veto };
    const members = [2, 0, 0];
    Object.freeze(weights);
    Object.freeze(veto);
    Object.freeze(members);
    Object.freeze(game);
    powerMap(game);
    shapleyShubik(game);
    banzhaf(game);
    minimalWinningCoalitions(game, 2);
    isWinning(game, members);
    expect(weights).toEqual([9, 9, 7, 3, 1, 1]);
    expect(veto).toEqual([3, 0]);
    expect(members).toEqual([2, 0, 0]);
    expect(game).toEqual({ weights: [9, 9, 7, 3, 1, 1], quota: 16, veto: [3, 0] });
  });
});

describe('minimal winning coalitions', () => {
  it('lists the lexicographically first ones and says when it stopped', () => {
    // 20 equal seats, 11 to win: C(20, 11) = 167960 minimal winning coalitions.
    const game = { weights: new Array<number>(20).fill(1), quota: 11 };
    const first = minimalWinningCoalitions(game, 3);
    expect(first.truncated).toBe(true);
    expect(first.coalitions).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12],
    ]);
    const byDefault = minimalWinningCoalitions(game);
    expect(byDefault.coalitions).toHaveLength(1000);
    expect(byDefault.truncated).toBe(true);
    expect(powerMap(game).minimalWinningTruncated).toBe(true);
    expect(powerMap(game, 10).minimalWinning).toHaveLength(10);
  });

  it('is not truncated when the limit is exactly the number of coalitions', () => {
    const game = { weights: [4, 4, 4, 2, 2, 1], quota: 12 };
    expect(minimalWinningCoalitions(game, 4)).toEqual({ coalitions: bruteMinimalWinning(game), truncated: false });
    expect(minimalWinningCoalitions(game, 3).truncated).toBe(true);
    expect(minimalWinningCoalitions(game, 0)).toEqual({ coalitions: [], truncated: true });
    expect(minimalWinningCoalitions(game, Infinity).coalitions).toHaveLength(4);
  });

  it('finds coalitions quickly where most branches have none (odd quota, one odd weight)', () => {
    // Seat 0 (weight 1) can only be in a coalition of exactly 50, which even weights never make up,
    // so every coalition with seat 0 is a dead end; a search without the feasibility test explores ~2^48 of them.
    const game = { weights: [1, ...new Array<number>(49).fill(2)], quota: 50 };
    const start = performance.now();
    const { coalitions, truncated } = minimalWinningCoalitions(game, 5);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(truncated).toBe(true);
    expect(coalitions[0]).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(powerMap(game).shapleyShubik[0]).toBe(0);
  });
});

describe('large games', () => {
  it('50 equal seats share power equally', () => {
    const map = powerMap({ weights: new Array<number>(50).fill(1), quota: 26 });
    expectClose(map.shapleyShubik, new Array<number>(50).fill(1 / 50), 1e-12);
    expectClose(map.banzhaf, new Array<number>(50).fill(1 / 50), 1e-12);
    // Each seat swings when exactly 25 of the other 49 are in: C(49, 25).
    expect(map.swings[0]).toBe(63205303218876);
  });

  it('one seat of 49 against 49 seats of 1 (quota 50) has 49/50 of the Shapley–Shubik power', () => {
    // The big seat is pivotal unless it comes first; a small seat only right after it in second place.
    const map = powerMap({ weights: [49, ...new Array<number>(49).fill(1)], quota: 50 });
    expectClose(map.shapleyShubik, [49 / 50, ...new Array<number>(49).fill(1 / (50 * 49))], 1e-12);
    expect(map.swings).toEqual([2 ** 49 - 1, ...new Array<number>(49).fill(1)]);
  });

  it('a 50-seat game with weights up to 100 is fast and its indices sum to 1', () => {
    const rand = lcg(2024);
    const weights = Array.from({ length: 50 }, () => 1 + Math.floor(rand() * 100));
    const quota = Math.ceil(0.51 * sum(weights));
    const start = performance.now();
    const map = powerMap({ weights, quota });
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(1000);
    expect(Math.abs(sum(map.shapleyShubik) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(sum(map.banzhaf) - 1)).toBeLessThan(1e-9);
    expect(map.shapleyShubik.every((x) => x > 0 && x < 1)).toBe(true);
    // Heavier seats never have less power.
    const order = weights.map((w, i) => i).sort((a, b) => weights[a] - weights[b]);
    for (let k = 1; k < order.length; k++) {
      expect(map.shapleyShubik[order[k]]).toBeGreaterThanOrEqual(map.shapleyShubik[order[k - 1]] - 1e-15);
      expect(map.swings[order[k]]).toBeGreaterThanOrEqual(map.swings[order[k - 1]]);
    }
  });

  it('agrees across the exact-float and BigInt paths (a veto is a weight heavier than everyone else together)', () => {
    // 55 seats, two with a veto: 53 free seats, counted in doubles. Replacing each veto by a weight of
    // (total + 1) and raising the quota to match gives the same game with 55 free seats, counted in BigInt.
    const rand = lcg(7);
    const weights = Array.from({ length: 55 }, () => 1 + Math.floor(rand() * 5));
    const total = sum(weights);
    const quota = Math.ceil(0.6 * total);
    const veto = [3, 40];
    const heavy = total + 1;
    const asWeights = weights.map((w, i) => (veto.includes(i) ? heavy : w));
    const asQuota = quota + veto.reduce((s, v) => s + heavy - weights[v], 0);
    const a = powerMap({ weights, quota, veto }, 20);
    const b = powerMap({ weights: asWeights, quota: asQuota }, 20);
    expectClose(a.shapleyShubik, b.shapleyShubik, 1e-12);
    expectClose(a.banzhaf, b.banzhaf, 1e-12);
    expect(a.minimalWinning).toEqual(b.minimalWinning);
    expect(Math.abs(sum(b.shapleyShubik) - 1)).toBeLessThan(1e-9);
  });

  it('60 seats (BigInt counts) match the closed form', () => {
    const map = powerMap({ weights: [59, ...new Array<number>(59).fill(1)], quota: 60 });
    expectClose(map.shapleyShubik, [59 / 60, ...new Array<number>(59).fill(1 / 3540)], 1e-12);
    expect(map.swings.slice(1)).toEqual(new Array<number>(59).fill(1));
    expect(map.swings[0]).toBeCloseTo(2 ** 59, -3);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties against the brute force, on random small games.

const smallGame: fc.Arbitrary<WeightedGame> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 7 })
  .chain((weights) =>
    fc.record({
      weights: fc.constant(weights),
      quota: fc.integer({ min: 1, max: sum(weights) + 2 }),
      veto: fc.oneof(fc.constant([] as number[]), fc.subarray(weights.map((_, i) => i))),
    }),
  );

describe('properties (random games of up to 7 seats against brute force)', () => {
  it('the dynamic programme equals the definitions', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const map = powerMap(game);
        expectClose(map.shapleyShubik, bruteShapley(game), 1e-12);
        const swings = bruteSwings(game);
        expect(map.swings).toEqual(swings);
        const all = sum(swings);
        expectClose(
          map.banzhaf,
          swings.map((s) => (all === 0 ? 0 : s / all)),
          1e-12,
        );
        expect(map.minimalWinning).toEqual(bruteMinimalWinning(game));
        expect(map.minimalWinningTruncated).toBe(false);
        for (const s of subsets(game.weights.length)) expect(isWinning(game, s)).toBe(bruteWins(game, s));
      }),
      { numRuns: 300 },
    );
  });

  it('indices sum to 1 when the whole table wins, and are all 0 otherwise', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const map = powerMap(game);
        const anyWin = isWinning(
          game,
          game.weights.map((_, i) => i),
        );
        for (const index of [map.shapleyShubik, map.banzhaf]) {
          if (anyWin) expect(Math.abs(sum(index) - 1)).toBeLessThan(1e-12);
          else expect(index.every((x) => x === 0)).toBe(true);
          expect(index.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equal weights give equal power when neither or both seats hold a veto', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const map = powerMap(game);
        const veto = new Set(game.veto);
        const n = game.weights.length;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            if (game.weights[i] !== game.weights[j] || veto.has(i) !== veto.has(j)) continue;
            expect(Math.abs(map.shapleyShubik[i] - map.shapleyShubik[j])).toBeLessThan(1e-12);
            expect(map.swings[i]).toBe(map.swings[j]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('seats in no minimal winning coalition (dummies) have no power, and only they', () => {
    fc.assert(
      fc.property(smallGame, (game) => {
        const map = powerMap(game);
        const needed = new Set(map.minimalWinning.flat());
        game.weights.forEach((_, i) => {
          if (needed.has(i)) {
            expect(map.shapleyShubik[i]).toBeGreaterThan(0);
            expect(map.banzhaf[i]).toBeGreaterThan(0);
          } else {
            expect(map.shapleyShubik[i]).toBe(0);
            expect(map.banzhaf[i]).toBe(0);
            expect(map.swings[i]).toBe(0);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('minimal winning coalitions win, lose without any member, and are sorted', () => {
    fc.assert(
      fc.property(smallGame, fc.integer({ min: 0, max: 5 }), (game, limit) => {
        const { coalitions, truncated } = minimalWinningCoalitions(game, limit);
        const all = bruteMinimalWinning(game);
        expect(coalitions).toEqual(all.slice(0, limit));
        expect(truncated).toBe(all.length > limit);
        for (const c of coalitions) {
          expect(isWinning(game, c)).toBe(true);
          for (const i of c)
            expect(
              isWinning(
                game,
                c.filter((j) => j !== i),
              ),
            ).toBe(false);
          expect(c).toEqual([...c].sort((a, b) => a - b));
        }
        for (let k = 1; k < coalitions.length; k++)
          expect(lexCompare(coalitions[k - 1], coalitions[k])).toBeLessThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
