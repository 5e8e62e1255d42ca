import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { rng } from '../random.js';
import { binDataset } from './dataset.js';
import { findExactSplit } from './exact-split.js';
import { naiveHistogram } from './histogram.js';
import { findBestSplit, leafWeight, type Regularisation } from './splitting.js';
import { mixedData, randomGradients } from './test-data.js';

const reg: Regularisation = { lambda: 1, alpha: 0, gamma: 0, minChildWeight: 1 };
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Histogram split at the root, translated to raw units. */
function histogramSplit(X: Matrix, grad: Float64Array, hess: Float64Array, r: Regularisation) {
  const data = binDataset(X, 255, true, 0);
  const rows = all(X.nRows);
  const hist = naiveHistogram(X, data.edges, rows, grad, hess);
  const G = grad.reduce((a, b) => a + b, 0);
  const H = hess.reduce((a, b) => a + b, 0);
  const s = findBestSplit(hist, data.layout.nBins, all(X.columns.length), G, H, r);
  return s && { feature: s.feature, threshold: data.edges[s.feature][s.bin], missingLeft: s.missingLeft, gain: s.gain };
}

describe('split finding: histogram vs exact greedy (oracle)', () => {
  it('agree on feature, threshold, direction and gain on 20 random datasets with at most 255 distinct values', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = rng(seed);
      const n = 400;
      // Values on a grid of 200 points so every distinct value gets its own bin; 5 % missing in column 1.
      const cols = Array.from({ length: 4 }, (_, j) =>
        Float64Array.from({ length: n }, () => (j === 1 && rand() < 0.05 ? Number.NaN : Math.floor(rand() * 200) / 7)),
      );
      const X = { nRows: n, columns: cols };
      const y = Uint8Array.from({ length: n }, (_, i) => (cols[seed % 4][i] > 10 !== rand() < 0.2 ? 1 : 0));
      const { grad, hess } = randomGradients(y, seed);
      const r = { ...reg, alpha: seed % 3 === 0 ? 0.5 : 0, minChildWeight: seed % 2 === 0 ? 3 : 0.5 };
      const exact = findExactSplit(X, all(n), grad, hess, all(4), r);
      const hist = histogramSplit(X, grad, hess, r);
      expect(exact).toBeDefined();
      expect(hist?.feature).toBe(exact?.feature);
      expect(hist?.threshold).toBe(exact?.threshold);
      expect(hist?.missingLeft).toBe(exact?.missingLeft);
      expect(Math.abs((hist?.gain ?? 0) - (exact?.gain ?? 0))).toBeLessThan(1e-9);
    }
  });

  it('agree on the mixed dataset (one-hot, sparse and missing columns)', () => {
    const { X, y } = mixedData(1500, 4);
    const { grad, hess } = randomGradients(y, 4);
    const exact = findExactSplit(X, all(1500), grad, hess, all(6), reg);
    const hist = histogramSplit(X, grad, hess, reg);
    expect(hist?.feature).toBe(exact?.feature);
    expect(hist?.threshold).toBe(exact?.threshold);
    expect(Math.abs((hist?.gain ?? 0) - (exact?.gain ?? 0))).toBeLessThan(1e-9);
  });

  it('sends missing values right when their rows look like the high values', () => {
    // x in 1..10, positives above 5; the NaN rows are all positive, so they belong with x > 5.5.
    const x = Float64Array.from({ length: 120 }, (_, i) => (i < 100 ? 1 + (i % 10) : Number.NaN));
    const y = Uint8Array.from(x, (v) => (v !== v || v > 5 ? 1 : 0));
    const grad = Float64Array.from(y, (v) => 0.5 - v);
    const hess = new Float64Array(120).fill(0.25);
    const X = { nRows: 120, columns: [x] };
    const split = histogramSplit(X, grad, hess, reg);
    expect(split).toEqual({ feature: 0, threshold: 5.5, missingLeft: false, gain: expect.any(Number) });
    expect(findExactSplit(X, all(120), grad, hess, [0], reg)).toMatchObject({ threshold: 5.5, missingLeft: false });
  });

  it('sends missing values left when their rows look like the low values', () => {
    const x = Float64Array.from({ length: 120 }, (_, i) => (i < 100 ? 1 + (i % 10) : Number.NaN));
    const y = Uint8Array.from(x, (v) => (v === v && v > 5 ? 1 : 0));
    const grad = Float64Array.from(y, (v) => 0.5 - v);
    const hess = new Float64Array(120).fill(0.25);
    expect(histogramSplit({ nRows: 120, columns: [x] }, grad, hess, reg)).toMatchObject({ threshold: 5.5, missingLeft: true });
  });

  it('refuses a split whose gain does not exceed gamma, and one that leaves a child lighter than minChildWeight', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    const grad = Float64Array.from([-1, -1, 1, 1]);
    const hess = new Float64Array(4).fill(1);
    // Best split x <= 2.5: gain = 4/3 + 4/3 - 0 = 8/3.
    expect(histogramSplit({ nRows: 4, columns: [x] }, grad, hess, reg)?.gain).toBeCloseTo(8 / 3, 12);
    expect(histogramSplit({ nRows: 4, columns: [x] }, grad, hess, { ...reg, gamma: 8 / 3 })).toBeUndefined();
    expect(histogramSplit({ nRows: 4, columns: [x] }, grad, hess, { ...reg, minChildWeight: 2.5 })).toBeUndefined();
  });

  it('computes the leaf weight -T(G)/(H + lambda) with L1 soft-thresholding', () => {
    expect(leafWeight(-3, 2, { ...reg, alpha: 0 })).toBeCloseTo(1, 15);
    expect(leafWeight(-3, 2, { ...reg, alpha: 1 })).toBeCloseTo(2 / 3, 15);
    expect(leafWeight(0.5, 2, { ...reg, alpha: 1 })).toBe(-0);
  });
});
