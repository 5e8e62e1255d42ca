import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { bundledGroups } from './bundling.js';
import { binDataset } from './dataset.js';
import { expandHistogram, naiveHistogram, newHistogram, subtractHistogram } from './histogram.js';
import { histogramBuilder, sharedFloat64, sharedUint32 } from './histogram-builder.js';
import { mixedData, randomGradients } from './test-data.js';

function setup(n: number, seed: number, bundle = true) {
  const { X, y } = mixedData(n, seed);
  const { grad: g, hess: h } = randomGradients(y, seed + 1);
  const data = binDataset(X, 255, bundle, seed);
  const grad = sharedFloat64(n);
  const hess = sharedFloat64(n);
  grad.set(g);
  hess.set(h);
  const rows = sharedUint32(n);
  const inputs = { bins: data.bins, nGroups: data.nGroups, nDense: data.layout.nDense, rows, grad, hess };
  return { X, data, grad, hess, rows, inputs };
}

function featureHistogram(s: ReturnType<typeof setup>, nThreads: number, start: number, end: number) {
  const builder = histogramBuilder(s.inputs, nThreads);
  const group = newHistogram(s.data.nGroups);
  builder.build(start, end, group);
  builder.close();
  let G = 0;
  let H = 0;
  for (let k = start; k < end; k++) {
    G += s.grad[s.rows[k]];
    H += s.hess[s.rows[k]];
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
      const subset: number[] = [];
      for (let i = 0; i < 3000; i++) if (rand() < 0.3) subset.push(i);
      s.rows.set(subset);
      const fast = featureHistogram(s, 1, 0, subset.length);
      const naive = naiveHistogram(s.X, s.data.edges, subset, s.grad, s.hess);
      expect(maxDiff(fast, naive)).toBeLessThan(1e-9);
    }
  });

  it('gives the sibling by subtraction the same histogram as building it', () => {
    const s = setup(3000, 5);
    const left: number[] = [];
    const right: number[] = [];
    for (let i = 0; i < 3000; i++) (s.X.columns[0][i] <= 0.3 ? left : right).push(i);
    s.rows.set([...left, ...right]);
    const parent = featureHistogram(s, 1, 0, 3000);
    const small = featureHistogram(s, 1, left.length, 3000);
    const sibling = newHistogram(s.data.layout.nFeatures);
    subtractHistogram(parent, small, sibling);
    expect(maxDiff(sibling, naiveHistogram(s.X, s.data.edges, left, s.grad, s.hess))).toBeLessThan(1e-9);
  });

  it('gives bit-identical histograms with a worker thread and without', () => {
    const s = setup(20_000, 9);
    for (let i = 0; i < 20_000; i++) s.rows[i] = i;
    const serial = featureHistogram(s, 1, 0, 20_000);
    const parallel = featureHistogram(s, 2, 0, 20_000);
    expect(maxDiff(serial, parallel)).toBe(0);
  });
});
