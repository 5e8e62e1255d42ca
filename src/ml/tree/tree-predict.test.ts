import { describe, expect, it } from 'vitest';
import { fitRandomForest } from '../forest/random-forest.js';
import type { Column } from '../matrix.js';
import { rng } from '../random.js';
import { nonlinearData } from './fixtures/nonlinear.js';
import { leafIndex } from './flat-tree.js';
import { sumTreeValues } from './tree-predict.js';

describe('sumTreeValues', () => {
  const { X, y } = nonlinearData(1500, 4);
  const forest = fitRandomForest(X, y, { nEstimators: 12, seed: 2, nThreads: 1 });
  // Rows the forest never saw, with missing values, in float64 and float32 columns side by side.
  const rand = rng(8);
  const n = 10_007; // not a multiple of any chunk size
  const columns: Column[] = X.columns.map((_, f) => {
    const c = f % 2 === 0 ? new Float64Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) c[i] = rand() < 0.05 ? Number.NaN : rand() * 2.2 - 1.1;
    return c;
  });
  const want = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0.5;
    for (const t of forest.trees) s += 0.25 * t.value[leafIndex(t, columns, i)];
    want[i] = s;
  }

  it('adds scale × each tree’s leaf value, in tree order, to every row (missing values follow the split)', () => {
    expect(Array.from(sumTreeValues(forest.trees, { nRows: n, columns }, 0.25, 0.5, 1))).toEqual(Array.from(want));
  });

  it('gives the same bits on two threads', () => {
    expect(Array.from(sumTreeValues(forest.trees, { nRows: n, columns }, 0.25, 0.5, 2))).toEqual(Array.from(want));
  });
});
