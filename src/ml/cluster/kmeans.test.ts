import { describe, expect, it } from 'vitest';
import { sklearnReference } from '../../../test/fixtures/sklearn/reference.js';
import { MlParamError } from '../errors.js';
import { fromRows, type Matrix } from '../matrix.js';
import { rng } from '../random.js';
import { fitKMeans } from './kmeans-fit.js';
import { kmeansPlusPlus } from './kmeans-init.js';
import { predictCluster } from './kmeans-model.js';
import { lloyd } from './lloyd.js';
import { silhouette } from './silhouette.js';

/** n points per centre, uniform noise of radius 1 around centres ≥ 10 apart: the clustering is unambiguous. */
function blobs(seed: number, centres: number[][], n: number): { X: Matrix; truth: Int32Array } {
  const r = rng(seed);
  const rows: number[][] = [];
  const truth: number[] = [];
  for (let i = 0; i < n * centres.length; i++) {
    const c = i % centres.length; // interleaved, so row order says nothing about the cluster
    rows.push(centres[c].map((v) => v + (r() * 2 - 1)));
    truth.push(c);
  }
  return { X: fromRows(rows), truth: Int32Array.from(truth) };
}

/** True when two labelings are the same partition up to renaming. */
function samePartition(a: Int32Array, b: Int32Array): boolean {
  const map = new Map<number, number>();
  const used = new Set<number>();
  return a.every((v, i) => {
    if (!map.has(v)) {
      if (used.has(b[i])) return false;
      map.set(v, b[i]);
      used.add(b[i]);
    }
    return map.get(v) === b[i];
  });
}

describe('fitKMeans', () => {
  const centres = [
    [0, 0, 0],
    [10, 0, 5],
    [0, 12, -3],
    [-10, -10, 10],
  ];
  const { X, truth } = blobs(3, centres, 50);

  it('recovers well-separated blobs exactly', () => {
    const fit = fitKMeans(X, { k: 4, seed: 1 });
    expect(samePartition(fit.labels, truth)).toBe(true);
    expect(fit.converged).toBe(true);
    // Each centroid is the mean of its blob, within the noise: |mean − centre| < 0.5 per coordinate.
    for (let c = 0; c < 4; c++) {
      const centroid = Array.from(fit.centroids.subarray(c * 3, c * 3 + 3));
      expect(centres.some((m) => m.every((v, j) => Math.abs(v - centroid[j]) < 0.5))).toBe(true);
    }
  });

  it('reaches the inertia scikit-learn finds on the same points', () => {
    const C = sklearnReference.cluster;
    const fit = fitKMeans(fromRows(C.X), { k: 3, seed: 0, tol: 1e-10 });
    expect(fit.inertia).toBeCloseTo(C.inertia, 9);
  });

  it('is deterministic for a seed and its labels are what predictCluster gives', () => {
    const a = fitKMeans(X, { k: 3, seed: 7, nInit: 3 });
    const b = fitKMeans(X, { k: 3, seed: 7, nInit: 3 });
    expect(a).toEqual(b);
    expect(predictCluster(a, X)).toEqual(a.labels);
  });

  it('keeps the best of several starts: more starts never raise the inertia', () => {
    const one = fitKMeans(X, { k: 6, seed: 2, nInit: 1 });
    const many = fitKMeans(X, { k: 6, seed: 2, nInit: 8 });
    expect(many.inertia).toBeLessThanOrEqual(one.inertia);
  });

  it('refuses bad parameters, too few rows and missing values by name', () => {
    expect(() => fitKMeans(X, { k: 0 })).toThrow(new MlParamError('kmeans', 'k', 0, 'must be an integer >= 1'));
    expect(() => fitKMeans(fromRows([[1], [2]]), { k: 3 })).toThrow(/k = 3 clusters need at least 3 rows/);
    expect(() => fitKMeans(fromRows([[1], [Number.NaN]]), { k: 1 })).toThrow(/feature 0 is NaN at row 1/);
    expect(() => predictCluster(fitKMeans(X, { k: 2 }), fromRows([[1, 2]]))).toThrow(
      /X has 2 features, the model was fitted on 3/,
    );
  });
});

/** The oracle: plain Lloyd, every distance computed every iteration, stopping by the same two rules. */
function naiveLloyd(X: Matrix, start: Float64Array, k: number, maxIter: number, tolAbs: number) {
  const p = X.columns.length;
  let c = start.slice();
  const assign = () =>
    Int32Array.from({ length: X.nRows }, (_, i) => {
      const d = Array.from({ length: k }, (_, q) => X.columns.reduce((s, col, j) => s + (col[i] - c[q * p + j]) ** 2, 0));
      return d.indexOf(Math.min(...d));
    });
  let labels = assign();
  for (let it = 0; it < maxIter; it++) {
    const next = new Float64Array(k * p);
    for (let q = 0; q < k; q++) {
      const rows = Array.from(labels.keys()).filter((i) => labels[i] === q);
      for (let j = 0; j < p; j++) next[q * p + j] = rows.reduce((s, i) => s + X.columns[j][i], 0) / rows.length;
    }
    const shift = next.reduce((s, v, i) => s + (v - c[i]) ** 2, 0);
    c = next;
    if (shift <= tolAbs) break;
    const again = assign();
    const same = again.every((l, i) => l === labels[i]);
    labels = again;
    if (same) break;
  }
  return { centroids: c, labels: assign() };
}

describe('lloyd with Hamerly bounds', () => {
  it('ends where plain Lloyd ends from the same start (overlapping clusters, where the bounds matter)', () => {
    const r = rng(8);
    const X = fromRows(Array.from({ length: 300 }, () => [r() * 4, r() * 3, r()]));
    for (const k of [2, 3, 5]) {
      const start = kmeansPlusPlus(X.columns, X.nRows, k, rng(k));
      const fast = lloyd(X.columns, X.nRows, start.slice(), k, 100, 0);
      const slow = naiveLloyd(X, start, k, 100, 0);
      expect(fast.labels).toEqual(slow.labels);
      expect(Array.from(fast.centroids)).toEqual(Array.from(slow.centroids).map((v) => expect.closeTo(v, 12)));
    }
  });
});

describe('silhouette', () => {
  it('equals the hand-computed value on four points on a line', () => {
    // A = {0, 1}, B = {4, 6}: s = (5−1)/5, (4−1)/4, (3.5−2)/3.5, (5.5−2)/5.5.
    const X = fromRows([[0], [1], [4], [6]]);
    expect(silhouette(X, Int32Array.from([0, 0, 1, 1]))).toBeCloseTo((0.8 + 0.75 + 3 / 7 + 7 / 11) / 4, 15);
  });

  it('scores a row alone in its cluster 0', () => {
    // Row 2 is alone; A = {0, 1}: s = (4 − 1)/4 and (3 − 1)/3; the singleton adds 0 but still counts in the mean.
    expect(silhouette(fromRows([[0], [1], [4]]), Int32Array.from([0, 0, 1]))).toBeCloseTo((3 / 4 + 2 / 3) / 3, 15);
  });

  it("matches scikit-learn's silhouette_score", () => {
    const C = sklearnReference.cluster;
    expect(silhouette(fromRows(C.X), Int32Array.from(C.labels))).toBeCloseTo(C.silhouette, 13);
  });

  it('on a seeded sample is reproducible and close to the exact value', () => {
    const C = sklearnReference.cluster;
    const X = fromRows(C.X);
    const labels = Int32Array.from(C.labels);
    const a = silhouette(X, labels, { sampleSize: 40, seed: 3 });
    expect(silhouette(X, labels, { sampleSize: 40, seed: 3 })).toBe(a);
    expect(Math.abs(a - C.silhouette)).toBeLessThan(0.05);
    expect(silhouette(X, labels, { sampleSize: 1000 })).toBe(silhouette(X, labels));
  });
});
