import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { descendingOrder } from './descending-order.js';

/** The oracle: a stable comparator sort. */
const naive = (s: ArrayLike<number>) => Array.from({ length: s.length }, (_, i) => i).sort((a, b) => s[b] - s[a] || a - b);

describe('descendingOrder', () => {
  it('equals a stable comparator sort on large inputs with ties, negatives, ±0 and infinities (radix path)', () => {
    const r = rng(17);
    const s = Float64Array.from({ length: 20_000 }, () => {
      const u = r();
      if (u < 0.01) return Number.POSITIVE_INFINITY;
      if (u < 0.02) return Number.NEGATIVE_INFINITY;
      if (u < 0.03) return u < 0.025 ? 0 : -0;
      if (u < 0.5) return Math.round((r() - 0.5) * 40) / 8; // many ties
      return (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6);
    });
    const got = Array.from(descendingOrder(s));
    // ±0 compare equal but have different bits; the radix order puts +0 first. Compare scores, then ties by row.
    const zero = (v: number) => (v === 0 ? 0 : v);
    expect(got.map((i) => zero(s[i]))).toEqual(naive(s).map((i) => zero(s[i])));
    for (let k = 1; k < got.length; k++)
      if (s[got[k]] === s[got[k - 1]] && !Object.is(s[got[k]], -0)) expect(got[k]).toBeGreaterThan(got[k - 1]);
  });

  it('equals the comparator sort on probabilities sharing their high bits (skipped passes)', () => {
    const r = rng(2);
    const s = Float64Array.from({ length: 5000 }, () => 0.25 + r() / 8);
    expect(Array.from(descendingOrder(s))).toEqual(naive(s));
  });

  it('handles small inputs with the comparator path', () => {
    expect(Array.from(descendingOrder([0.2, 0.9, 0.2, 0.5]))).toEqual([1, 3, 0, 2]);
  });
});
