import { describe, expect, it } from 'vitest';
import { sklearnReference } from '../../../test/fixtures/sklearn/reference.js';
import { rng } from '../random.js';
import { applyIsotonic, fitIsotonic, poolAdjacentViolators } from './isotonic.js';
import { applyPlatt, fitPlatt } from './platt.js';

describe('pool adjacent violators', () => {
  it('gives the hand-computed fit', () => {
    // 3 > 2 pool to 2.5; 4 > 3 pool to 3.5.
    expect(poolAdjacentViolators([1, 3, 2, 4, 3, 5], [1, 1, 1, 1, 1, 1])).toEqual([1, 2.5, 2.5, 3.5, 3.5, 5]);
    // Weighted pooling, then a cascade: (3·1 + 1·3)/4 = 1.5, then 1.5 > 0 pools all three: (6 + 0)/6 = 1.
    expect(poolAdjacentViolators([3, 1, 0], [1, 3, 2])).toEqual([1, 1, 1]);
  });

  it('is non-decreasing and preserves the weighted mean on random data', () => {
    const r = rng(5);
    for (let rep = 0; rep < 20; rep++) {
      const y = Array.from({ length: 50 }, () => r());
      const w = Array.from({ length: 50 }, () => 0.1 + r());
      const f = poolAdjacentViolators(y, w);
      for (let k = 1; k < f.length; k++) expect(f[k]).toBeGreaterThanOrEqual(f[k - 1]);
      const mean = (a: number[]) => a.reduce((s, v, k) => s + v * w[k], 0);
      expect(mean(f)).toBeCloseTo(mean(y), 10);
    }
  });
});

describe('isotonic calibration', () => {
  const I = sklearnReference.isotonic;
  it("matches scikit-learn's IsotonicRegression(out_of_bounds='clip'): knots and interpolated predictions", () => {
    const m = fitIsotonic(I.x, I.y, I.w);
    expect(Array.from(m.x)).toEqual(I.thresholdsX);
    expect(Array.from(m.y)).toEqual(I.thresholdsY.map((v) => expect.closeTo(v, 13)));
    expect(Array.from(applyIsotonic(m, I.query))).toEqual(I.predicted.map((v) => expect.closeTo(v, 13)));
  });

  it('interpolates between knots and clips outside them', () => {
    const m = fitIsotonic([0, 1, 2, 3], [0, 1, 0, 1]);
    // PAV: [0, 0.5, 0.5, 1]; the flat run's middle point is dropped, knots x = 0, 1, 2, 3 → [0, .5, .5, 1].
    expect(Array.from(applyIsotonic(m, [-5, 0.5, 1.5, 2.5, 9]))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('never decreases on random scores', () => {
    const r = rng(9);
    const x = Array.from({ length: 200 }, () => r());
    const y = x.map((v) => (r() < v ? 1 : 0));
    const out = applyIsotonic(
      fitIsotonic(x, y),
      Float64Array.from({ length: 101 }, (_, i) => i / 100),
    );
    for (let k = 1; k < out.length; k++) expect(out[k]).toBeGreaterThanOrEqual(out[k - 1]);
  });
});

describe('Platt scaling', () => {
  const P = sklearnReference.platt;
  it("matches scikit-learn's _sigmoid_calibration, unweighted and weighted", () => {
    // scikit-learn stops BFGS at gradient norm 1e-5 (scipy's default gtol); Newton goes to 1e-12, so the two agree to
    // the size of scikit-learn's last step: measured below 1e-6.
    const m = fitPlatt(P.margin, P.y);
    expect(m.a).toBeCloseTo(P.a, 6);
    expect(m.b).toBeCloseTo(P.b, 6);
    const mw = fitPlatt(P.margin, P.y, P.w);
    expect(mw.a).toBeCloseTo(P.aWeighted, 6);
    expect(mw.b).toBeCloseTo(P.bWeighted, 6);
  });

  it('fits the hand-solved two-point case exactly', () => {
    // One negative at −1, one positive at +1: targets 1/3 and 2/3 are reachable, so p(+1) = 2/3 and p(−1) = 1/3,
    // i.e. a = −ln 2, b = 0.
    const m = fitPlatt([-1, 1], [0, 1]);
    expect(m.a).toBeCloseTo(-Math.log(2), 12);
    expect(m.b).toBeCloseTo(0, 12);
    expect(Array.from(applyPlatt(m, [-1, 1]))).toEqual([expect.closeTo(1 / 3, 12), expect.closeTo(2 / 3, 12)]);
  });
});
