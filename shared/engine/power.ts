// The power map (DESIGN 1): what each seat's weight is really worth in the weighted voting game.
// Weight is not power, and the gap is the lesson, so the indices must be exact: Shapley–Shubik
// and Banzhaf are counted by dynamic programming over (coalition size, total weight), which is
// polynomial in seats × quota, instead of over the n! orders or 2^n coalitions. Pure: no I/O,
// no randomness, inputs never mutated.

/** A weighted voting game; vetoes are listed, not encoded as huge weights, so the weight shares shown beside the indices stay the scenario's own. */
export interface WeightedGame {
  weights: number[];
  quota: number;
  /** Seat indices that every winning coalition must include. */
  veto?: number[];
}

/** Everything the power map shows, computed in one pass so the two indices always agree with each other. */
export interface PowerMap {
  shapleyShubik: number[];
  /** Normalised, sums to 1 (or is all zero when nothing can win). */
  banzhaf: number[];
  /** Raw Banzhaf swing counts, for showing "pivotal in N coalitions"; exact up to 54 seats, nearest double beyond. */
  swings: number[];
  minimalWinning: number[][];
  minimalWinningTruncated: boolean;
}

// Count tables whose entries all stay below 2^53 are exact in doubles: every entry is at most
// C(m, s) and the sums we take are at most 2^m, so up to 53 free seats we use Float64Array
// (fast); above that, BigInt (slow but still exact).
const MAX_FLOAT_SEATS = 53;
// Work limits (table cells × seats) so a typo like a weight of 10^9 fails with a sentence instead
// of exhausting memory. Games at a real table (3–8 seats) are far below them.
const MAX_CELLS = 20_000_000;
const MAX_SEATS = 1000;
const MAX_FLOAT_WORK = 1_000_000_000;
const MAX_BIGINT_WORK = 30_000_000;

/** Seats with their veto seats resolved and weights reduced, so every algorithm below starts from the same checked facts. */
interface Prepared {
  n: number;
  /** Weights divided by their greatest common divisor (the game is unchanged, the tables shrink). */
  w: number[];
  /** The quota in the same reduced units, rounded up to a whole number. */
  q: number;
  isVeto: boolean[];
  vetoSeats: number[];
  vetoWeight: number;
  total: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function prepare(game: WeightedGame): Prepared {
  if (game === null || typeof game !== 'object')
    throw new Error('The game must be an object with weights and a quota.');
  const { weights, quota, veto } = game;
  if (!Array.isArray(weights) || weights.length === 0)
    throw new Error('The game needs at least one seat with a weight.');
  const n = weights.length;
  if (n > MAX_SEATS) throw new Error(`The game has ${n} seats; the power map handles at most ${MAX_SEATS}.`);
  let total = 0;
  let g = 0;
  for (let i = 0; i < n; i++) {
    const x = weights[i];
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) {
      throw new Error(`The weight of seat ${i} must be a whole number of zero or more, but it is ${String(x)}.`);
    }
    total += x;
    g = gcd(g, x);
  }
  if (!Number.isSafeInteger(total)) throw new Error('The weights add up to more than can be counted exactly.');
  if (typeof quota !== 'number' || !Number.isFinite(quota) || quota <= 0) {
    throw new Error(`The quota must be a positive number, but it is ${String(quota)}.`);
  }
  const isVeto = new Array<boolean>(n).fill(false);
  if (veto !== undefined) {
    if (!Array.isArray(veto)) throw new Error('The veto seats must be a list of seat numbers.');
    for (const v of veto) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= n) {
        throw new Error(`Veto seat ${String(v)} does not exist: seats are numbered 0 to ${n - 1}.`);
      }
      isVeto[v] = true;
    }
  }
  if (g === 0) g = 1; // every weight is zero
  const w = weights.map((x) => x / g);
  // Totals are multiples of g, so "total >= quota" is "total/g >= ceil(quota/g)".
  const q = Math.ceil(quota / g);
  const vetoSeats: number[] = [];
  let vetoWeight = 0;
  for (let i = 0; i < n; i++) {
    if (isVeto[i]) {
      vetoSeats.push(i);
      vetoWeight += w[i];
    }
  }
  return { n, w, q, isVeto, vetoSeats, vetoWeight, total: total / g };
}

/** Whether a coalition wins the weighted game (checks its input; the engine's rule is rules.isWinningSet). */
export function isWinning(game: WeightedGame, members: readonly number[]): boolean {
  const p = prepare(game);
  const inside = new Array<boolean>(p.n).fill(false);
  let weight = 0;
  for (const m of members) {
    if (!Number.isInteger(m) || m < 0 || m >= p.n) {
      throw new Error(`Seat ${String(m)} does not exist: seats are numbered 0 to ${p.n - 1}.`);
    }
    if (!inside[m]) weight += p.w[m]; // a seat listed twice still votes once
    inside[m] = true;
  }
  if (weight < p.q) return false;
  for (const v of p.vetoSeats) if (!inside[v]) return false;
  return true;
}

/**
 * pivots[i][k] = number of coalitions S of size k without seat i that lose while S ∪ {i} wins.
 * Both indices are weighted sums of this table, so it is computed once.
 *
 * Veto seats are forced into every counted coalition, which leaves a knapsack count over the m
 * free seats: table[s][t] = number of s-subsets of free seats with total weight t, for t below
 * the threshold Q = q − (veto weight) (heavier subsets are counted as C(m, s) minus the lighter
 * ones, so the table never needs more than Q columns). Seat i's own table is obtained from the
 * full one by removing its weight ("deconvolution"), exact because the counts are integers.
 */
function pivotCounts(p: Prepared): number[][] | bigint[][] {
  const { n, w, q, isVeto, vetoSeats, vetoWeight } = p;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (!isVeto[i]) free.push(i);
  const m = free.length;
  const Q = Math.max(0, q - vetoWeight);
  const cells = (m + 1) * Q;
  const work = cells * (m + 1) * 2;
  if (cells > MAX_CELLS || work > (m <= MAX_FLOAT_SEATS ? MAX_FLOAT_WORK : MAX_BIGINT_WORK)) {
    throw new Error(
      `This game is too large to analyse exactly (${n} seats, quota ${q} in units of the weights' common divisor); use smaller weights or fewer seats.`,
    );
  }
  return m <= MAX_FLOAT_SEATS ? pivotCountsFloat(n, w, free, Q, vetoSeats) : pivotCountsBig(n, w, free, Q, vetoSeats);
}

function pivotCountsFloat(n: number, w: number[], free: number[], Q: number, vetoSeats: number[]): number[][] {
  const m = free.length;
  const v = vetoSeats.length;
  const table = new Float64Array((m + 1) * Q);
  if (Q > 0) table[0] = 1;
  for (let j = 0; j < m; j++) {
    const wj = w[free[j]];
    for (let s = j + 1; s >= 1; s--) {
      const row = s * Q;
      const prev = (s - 1) * Q;
      for (let t = Q - 1; t >= wj; t--) table[row + t] += table[prev + t - wj];
    }
  }
  const pivots: number[][] = [];
  for (let i = 0; i < n; i++) pivots.push(new Array<number>(n).fill(0));

  // Veto seat: pivotal in exactly the winning coalitions, i.e. whenever the free part reaches Q.
  if (v > 0) {
    const binom = pascalRow(m);
    for (let s = 0; s <= m; s++) {
      let light = 0;
      for (let t = 0; t < Q; t++) light += table[s * Q + t];
      const count = binom[s] - light;
      for (const seat of vetoSeats) pivots[seat][v - 1 + s] = count;
    }
  }

  // Free seat of weight wi: pivotal when the others' free part weighs in [Q − wi, Q).
  // Seats of equal weight have identical counts, so each distinct weight is done once.
  const byWeight = new Map<number, number[]>();
  const without = new Float64Array(m * Q);
  for (const i of free) {
    const wi = w[i];
    let counts = byWeight.get(wi);
    if (counts === undefined) {
      counts = new Array<number>(m).fill(0);
      const lo = Math.max(0, Q - wi);
      for (let s = 0; s < m; s++) {
        const row = s * Q;
        const prev = (s - 1) * Q;
        let sum = 0;
        for (let t = 0; t < Q; t++) {
          const x = s > 0 && t >= wi ? table[row + t] - without[prev + t - wi] : table[row + t];
          without[row + t] = x;
          if (t >= lo) sum += x;
        }
        counts[s] = sum;
      }
      byWeight.set(wi, counts);
    }
    for (let s = 0; s < m; s++) pivots[i][v + s] = counts[s];
  }
  return pivots;
}

function pivotCountsBig(n: number, w: number[], free: number[], Q: number, vetoSeats: number[]): bigint[][] {
  const m = free.length;
  const v = vetoSeats.length;
  const table = new Array<bigint>((m + 1) * Q).fill(0n);
  if (Q > 0) table[0] = 1n;
  for (let j = 0; j < m; j++) {
    const wj = w[free[j]];
    for (let s = j + 1; s >= 1; s--) {
      const row = s * Q;
      const prev = (s - 1) * Q;
      for (let t = Q - 1; t >= wj; t--) table[row + t] += table[prev + t - wj];
    }
  }
  const pivots: bigint[][] = [];
  for (let i = 0; i < n; i++) pivots.push(new Array<bigint>(n).fill(0n));
  if (v > 0) {
    let binom = 1n;
    for (let s = 0; s <= m; s++) {
      let light = 0n;
      for (let t = 0; t < Q; t++) light += table[s * Q + t];
      const count = binom - light;
      for (const seat of vetoSeats) pivots[seat][v - 1 + s] = count;
      binom = (binom * BigInt(m - s)) / BigInt(s + 1);
    }
  }
  const byWeight = new Map<number, bigint[]>();
  const without = new Array<bigint>(m * Q).fill(0n);
  for (const i of free) {
    const wi = w[i];
    let counts = byWeight.get(wi);
    if (counts === undefined) {
      counts = new Array<bigint>(m).fill(0n);
      const lo = Math.max(0, Q - wi);
      for (let s = 0; s < m; s++) {
        const row = s * Q;
        const prev = (s - 1) * Q;
        let sum = 0n;
        for (let t = 0; t < Q; t++) {
          const x = s > 0 && t >= wi ? table[row + t] - without[prev + t - wi] : table[row + t];
          without[row + t] = x;
          if (t >= lo) sum += x;
        }
        counts[s] = sum;
      }
      byWeight.set(wi, counts);
    }
    for (let s = 0; s < m; s++) pivots[i][v + s] = counts[s];
  }
  return pivots;
}

/** C(r, 0..r) by Pascal's rule: additions only, so exact up to 2^53 and accurate beyond. */
function pascalRow(r: number): number[] {
  let row = [1];
  for (let i = 1; i <= r; i++) {
    const next = [1];
    for (let k = 1; k < i; k++) next.push(row[k - 1] + row[k]);
    next.push(1);
    row = next;
  }
  return row;
}

/** x / y for BigInts too large for a double, keeping the leading bits of both. */
function ratio(x: bigint, y: bigint): number {
  const shift = BigInt(Math.max(0, y.toString(2).length - 900));
  return Number(x >> shift) / Number(y >> shift);
}

/** Indices from the pivot table: a k-coalition precedes the pivot in k!(n−k−1)!/n! = 1/(n·C(n−1,k)) of all orders; Banzhaf counts every pivot once. */
function indicesFromPivots(
  n: number,
  pivots: number[][] | bigint[][],
): { shapleyShubik: number[]; normalised: number[]; swings: number[] } {
  if (typeof pivots[0][0] === 'number') {
    const counts = pivots as number[][];
    const coef = pascalRow(n - 1).map((c) => 1 / (n * c));
    const shapleyShubik = counts.map((row) => row.reduce((sum, x, k) => sum + x * coef[k], 0));
    const swings = counts.map((row) => row.reduce((a, b) => a + b, 0));
    const all = swings.reduce((a, b) => a + b, 0);
    return { shapleyShubik, swings, normalised: swings.map((x) => (all === 0 ? 0 : x / all)) };
  }
  const counts = pivots as bigint[][];
  const binom: bigint[] = [1n]; // C(n−1, k), exact
  for (let k = 0; k < n - 1; k++) binom.push((binom[k] * BigInt(n - 1 - k)) / BigInt(k + 1));
  const shapleyShubik = counts.map((row) => row.reduce((sum, x, k) => sum + ratio(x, binom[k]) / n, 0));
  const big = counts.map((row) => row.reduce((a, b) => a + b, 0n));
  const all = big.reduce((a, b) => a + b, 0n);
  return { shapleyShubik, swings: big.map(Number), normalised: big.map((x) => (all === 0n ? 0 : ratio(x, all))) };
}

function noWinner(p: Prepared): boolean {
  return p.total < p.q;
}

/** The probability of being pivotal when seats join in a random order: the classic measure of a seat's share of a fixed prize. */
export function shapleyShubik(game: WeightedGame): number[] {
  const p = prepare(game);
  if (noWinner(p)) return new Array<number>(p.n).fill(0);
  return indicesFromPivots(p.n, pivotCounts(p)).shapleyShubik;
}

/** Swing counts and their shares: how often a seat can turn a loss into a win, the measure of a seat's leverage over outcomes. */
export function banzhaf(game: WeightedGame): { normalised: number[]; swings: number[] } {
  const p = prepare(game);
  if (noWinner(p)) return { normalised: new Array<number>(p.n).fill(0), swings: new Array<number>(p.n).fill(0) };
  const { normalised, swings } = indicesFromPivots(p.n, pivotCounts(p));
  return { normalised, swings };
}

// Depth-first over seats in index order, which yields lexicographic order, with an exact
// feasibility test at every node, so the search never enters a branch without an answer and its
// cost grows with the output, not with 2^n. A coalition T wins minimally iff it holds every veto
// and q ≤ w(T) < q + (its lightest non-veto member). A partial choice S (the members among seats
// up to some index) extends to such a T iff some set R of later free seats puts
// w(S) + (later veto weight) + w(R) in [q, q + lightest free member of S): members of R that are
// not needed can then be dropped one at a time and the total stays in range. A subset-sum table
// of the free seats from each index on answers that in one lookup.
/** The coalitions worth proposing: winning, and losing if any member leaves; cut at `limit` because a large symmetric table has astronomically many. */
export function minimalWinningCoalitions(
  game: WeightedGame,
  limit = 1000,
): { coalitions: number[][]; truncated: boolean } {
  const p = prepare(game);
  if (!(limit >= 0) || (!Number.isInteger(limit) && limit !== Infinity)) {
    throw new Error(
      `The limit on minimal winning coalitions must be a whole number of zero or more, but it is ${String(limit)}.`,
    );
  }
  const coalitions: number[][] = [];
  if (noWinner(p)) return { coalitions, truncated: false };
  const { n, w, q, isVeto, vetoWeight } = p;
  if (vetoWeight >= q) {
    // The veto seats alone already win, and every winning coalition contains them.
    return limit >= 1 ? { coalitions: [p.vetoSeats.slice()], truncated: false } : { coalitions, truncated: true };
  }
  let maxW = 0;
  for (const x of w) maxW = Math.max(maxW, x);
  const cap = q + maxW; // sums at or above this are never in range; one column stands for all of them
  if ((n + 1) * (cap + 1) > MAX_CELLS) {
    throw new Error(
      `This game is too large to list its minimal winning coalitions (${n} seats, quota ${q}); use smaller weights.`,
    );
  }
  // next[k][t] = smallest subset sum ≥ t of free seats k..n−1 (cap stands for "cap or more",
  // cap + 1 for none), so testing a range of sums is one lookup.
  const width = cap + 1;
  const next = new Int32Array((n + 1) * width);
  const laterVeto = new Array<number>(n + 1).fill(0);
  {
    let reach = new Uint8Array(width);
    reach[0] = 1;
    const fillNext = (k: number) => {
      let nearest = cap + 1;
      for (let t = cap; t >= 0; t--) {
        if (reach[t]) nearest = t;
        next[k * width + t] = nearest;
      }
    };
    fillNext(n);
    for (let k = n - 1; k >= 0; k--) {
      laterVeto[k] = laterVeto[k + 1] + (isVeto[k] ? w[k] : 0);
      if (!isVeto[k] && w[k] > 0) {
        const grown = reach.slice();
        for (let t = 0; t < width; t++) if (reach[t]) grown[Math.min(cap, t + w[k])] = 1;
        reach = grown;
      }
      fillNext(k);
    }
  }
  // Can seats after `last`, together with the veto seats among them, complete S (weight ws, lightest free member lightest)?
  const completes = (last: number, ws: number, lightest: number): boolean => {
    const base = ws + laterVeto[last + 1];
    const lo = Math.max(0, q - base);
    const hi = q + lightest - base; // exclusive; lightest may be Infinity
    if (hi <= lo) return false;
    return next[(last + 1) * width + Math.min(lo, cap)] < Math.min(hi, cap + 1);
  };
  let truncated = false;
  const chosen: number[] = [];
  // Returns false to stop the whole search once the limit is passed.
  const visit = (last: number, ws: number, lightest: number, vetoHeld: number): boolean => {
    if (vetoHeld === p.vetoSeats.length && ws >= q && ws < q + lightest) {
      if (coalitions.length >= limit) {
        truncated = true;
        return false;
      }
      coalitions.push(chosen.slice());
      return true;
    }
    for (let j = last + 1; j < n; j++) {
      const wj = w[j];
      const nextLightest = isVeto[j] ? lightest : Math.min(lightest, wj);
      if (completes(j, ws + wj, nextLightest)) {
        chosen.push(j);
        const go = visit(j, ws + wj, nextLightest, vetoHeld + (isVeto[j] ? 1 : 0));
        chosen.pop();
        if (!go) return false;
      }
      if (isVeto[j]) break; // skipping a veto seat leaves no winning coalition down this path
    }
    return true;
  };
  visit(-1, 0, Infinity, 0);
  return { coalitions, truncated };
}

/** Everything the power map shows; the pivot table is shared so both indices cost one pass. */
export function powerMap(game: WeightedGame, limit?: number): PowerMap {
  const p = prepare(game);
  const { coalitions, truncated } = minimalWinningCoalitions(game, limit);
  if (noWinner(p)) {
    const zeros = new Array<number>(p.n).fill(0);
    return {
      shapleyShubik: zeros,
      banzhaf: zeros.slice(),
      swings: zeros.slice(),
      minimalWinning: coalitions,
      minimalWinningTruncated: truncated,
    };
  }
  const { shapleyShubik, normalised, swings } = indicesFromPivots(p.n, pivotCounts(p));
  return {
    shapleyShubik,
    banzhaf: normalised,
    swings,
    minimalWinning: coalitions,
    minimalWinningTruncated: truncated,
  };
}
