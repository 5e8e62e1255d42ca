import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { bundledGroups } from './bundling.js';
import { binDataset } from './dataset.js';
import { expandHistogram, naiveHistogram, newHistogram, subtractHistogram } from './histogram.js';
import { updateRecords } from './loss.js';
import { GRAD, HESS, initRecords, MARGIN, moveFlaggedFirst, rowAt } from './row-store.js';
import { mixedData } from './test-data.js';
import { trainingKernels } from './training-kernels.js';

/** A binned dataset whose records carry log-loss gradients at a random margin. */
function setup(n: number, seed: number, bundle = true) {
  const { X, y } = mixedData(n, seed);
  const data = binDataset(X, 255, bundle, seed);
  const store = data.store;
  initRecords(store, y, new Float64Array(n).fill(1), 0);
  const rand = rng(seed + 1);
  for (let k = 0; k < n; k++) store.floats[0][k * store.stride + MARGIN] = rand() * 4 - 2;
  updateRecords(store, 0, 0, n, 0);
  // The oracle reads the same float32 gradients, by row.
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    grad[rowAt(store, k)] = store.floats[0][k * store.stride + GRAD];
    hess[rowAt(store, k)] = store.floats[0][k * store.stride + HESS];
  }
  return { X, data, grad, hess };
}

/** Feature histogram of records [start, end), built by the fast builder and expanded. */
function featureHistogram(s: ReturnType<typeof setup>, nThreads: number, start: number, end: number) {
  const kernels = trainingKernels(s.data.store, s.data.layout.nDense, nThreads);
  const group = newHistogram(s.data.nGroups);
  kernels.buildHistogram(0, start, end, group);
  kernels.close();
  let G = 0;
  let H = 0;
  for (let k = start; k < end; k++) {
    G += s.grad[rowAt(s.data.store, k)];
    H += s.hess[rowAt(s.data.store, k)];
  }
  const out = newHistogram(s.data.layout.nFeatures);
  expandHistogram(s.data.layout, group, G, H, out);
  return out;
}

const maxDiff = (a: Float64Array, b: Float64Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('histogram building', () => {
  it('bundles the one-hot columns into one group and leaves the others alone', () => {
    const s = setup(2000, 3);
    expect(bundledGroups(s.data.layout)).toEqual([[2, 3, 4]]);
    expect(s.data.nGroups).toBe(4);
  });

  it('matches the naive per-feature histogram on a random subset of rows, bundled or not', () => {
    for (const bundle of [true, false]) {
      const s = setup(3000, 7, bundle);
      const rand = rng(11);
      const pick = Uint8Array.from({ length: 3000 }, () => (rand() < 0.3 ? 1 : 0));
      const m = moveFlaggedFirst(s.data.store, pick);
      const subset = Array.from({ length: m }, (_, k) => rowAt(s.data.store, k));
      expect(subset.every((r) => pick[r] === 1)).toBe(true);
      const fast = featureHistogram(s, 1, 0, m);
      expect(maxDiff(fast, naiveHistogram(s.X, s.data.edges, subset, s.grad, s.hess))).toBeLessThan(1e-9);
    }
  });

  it('gives the sibling by subtraction the same histogram as building it', () => {
    const s = setup(3000, 5);
    const goLeft = Uint8Array.from(s.X.columns[0], (x) => (x <= 0.3 ? 1 : 0));
    const nLeft = moveFlaggedFirst(s.data.store, goLeft);
    const parent = featureHistogram(s, 1, 0, 3000);
    const right = featureHistogram(s, 1, nLeft, 3000);
    const left = newHistogram(s.data.layout.nFeatures);
    subtractHistogram(parent, right, left, s.data.layout.nBins);
    const leftRows = Array.from({ length: nLeft }, (_, k) => rowAt(s.data.store, k));
    expect(maxDiff(left, naiveHistogram(s.X, s.data.edges, leftRows, s.grad, s.hess))).toBeLessThan(1e-9);
  });

  it('gives bit-identical histograms with a worker thread and without', () => {
    const s = setup(20_000, 9);
    const serial = featureHistogram(s, 1, 0, 20_000);
    const parallel = featureHistogram(s, 2, 0, 20_000);
    expect(maxDiff(serial, parallel)).toBe(0);
  });
});
