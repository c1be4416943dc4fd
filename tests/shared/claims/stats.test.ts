import { describe, expect, it } from 'vitest';
import { estimate, pairedDifference, tQuantile } from '../../../shared/claims/stats';

describe('the statistics of the claims', () => {
  it('gives the mean with its 95 % t interval, worked by hand', () => {
    // 1, 2, 3, 4: mean 2.5, s² = 5/3, standard error √(5/12) = 0.6455, t(3) = 3.182 → ± 2.054.
    const e = estimate([1, 2, 3, 4]);
    expect(e.mean).toBe(2.5);
    expect(e.n).toBe(4);
    expect(e.lo).toBeCloseTo(0.446, 3);
    expect(e.hi).toBeCloseTo(4.554, 3);
  });
  it("takes the normal quantile for large samples and Student's for small ones", () => {
    expect(tQuantile(1)).toBe(12.706);
    expect(tQuantile(10)).toBe(2.228);
    expect(tQuantile(1000)).toBeCloseTo(1.962, 3);
  });
  it('a constant sample has no width; a single value has no bound; none has no mean', () => {
    expect(estimate([3, 3, 3])).toEqual({ mean: 3, lo: 3, hi: 3, n: 3 });
    expect(estimate([7])).toMatchObject({ mean: 7, lo: -Infinity, hi: Infinity });
    expect(Number.isNaN(estimate([]).mean)).toBe(true);
  });
  it('pairs the same seeds played two ways', () => {
    // Differences 1, 1, 1, 5: mean 2, s = 2, se = 1, t(3) → 2 ± 3.182.
    const d = pairedDifference([2, 3, 4, 9], [1, 2, 3, 4]);
    expect(d.mean).toBe(2);
    expect(d.lo).toBeCloseTo(-1.182, 3);
    expect(d.hi).toBeCloseTo(5.182, 3);
    expect(() => pairedDifference([1], [1, 2])).toThrow();
  });
});
