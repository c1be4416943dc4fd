// Small statistics for the claims (DESIGN 10): a mean with its 95 % interval, over independent
// seeded games or over paired differences (the same seed played two ways).

export interface Estimate {
  mean: number;
  /** 95 % confidence interval of the mean. */
  lo: number;
  hi: number;
  n: number;
}

// Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom; beyond, the normal's.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile(df: number): number {
  if (df <= 0) return Infinity;
  if (df <= 30) return T975[df - 1];
  // A close approximation for larger samples (Cornish–Fisher's first term).
  return 1.96 + 2.4 / df;
}

/** The mean of a sample with its 95 % t interval (a sample of one has an unbounded interval). */
export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, lo: -Infinity, hi: Infinity, n };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(n - 1) * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

/** The mean difference a − b over pairs (the same seed played two ways). */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  if (a.length !== b.length) throw new Error('paired samples must have the same length');
  return estimate(a.map((x, i) => x - b[i]));
}
