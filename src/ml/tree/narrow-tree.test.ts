import { describe, expect, it } from 'vitest';
import { randomForestDefaults } from '../forest/forest-params.js';
import type { Matrix } from '../matrix.js';
import { rng } from '../random.js';
import { nonlinearData } from './fixtures/nonlinear.js';
import { leafIndex } from './flat-tree.js';
import { TreeGrower } from './grow.js';
import { float32Between } from './node-buffer.js';
import { rankColumns } from './ranked-columns.js';
import { growSettings } from './tree-params.js';

// A forest tree's settings: fully grown, √p features per split.
const settings = (p: number) => growSettings('random_forest', 'gini', randomForestDefaults, p);

/** The same tree grown twice from one seed, in the wide and the narrow layout. */
function growBoth(X: Matrix, y: Uint8Array) {
  const grower = new TreeGrower(rankColumns(X));
  const weight = new Float64Array(X.nRows).fill(1);
  const target = Float64Array.from(y);
  const s = settings(X.columns.length);
  return { wide: grower.grow(weight, target, s, rng(5)).tree, narrow: grower.growNarrow(weight, target, s, rng(5)).tree };
}

describe('float32Between (a split threshold in float32)', () => {
  it('keeps a threshold float32 holds exactly, infinity included', () => {
    expect(float32Between(2.5, 2, 3)).toBe(2.5);
    expect(float32Between(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('finds a float32 in [lower, upper) for 10,000 random pairs of adjacent-ish float32 values of either sign', () => {
    const rand = rng(3);
    for (let k = 0; k < 10_000; k++) {
      const a = Math.fround((rand() - 0.5) * 10 ** Math.floor(rand() * 12 - 6));
      const step = 2 ** -Math.floor(rand() * 30);
      const b = Math.fround(a + Math.abs(a) * step) > a ? Math.fround(a + Math.abs(a) * step) : Math.fround(a + 1e-30);
      if (!(b > a)) continue;
      const t = float32Between(a / 2 + b / 2, a, b);
      expect(Math.fround(t)).toBe(t);
      expect(t >= a && t < b).toBe(true);
    }
  });

  it('gives NaN when no float32 lies between two float64 values (the tree then keeps float64 thresholds)', () => {
    expect(float32Between(1 + 2 ** -41, 1 + 2 ** -42, 1 + 2 ** -40)).toBeNaN();
    expect(float32Between(-0.1 + 1e-13, -0.1, -0.1 + 2e-13)).toBeNaN();
  });
});

describe('narrow tree layout (random forest)', () => {
  const { X, y } = nonlinearData(3000, 7);

  it('routes every training row to the same leaf as the wide layout, with float32 leaf values and covers', () => {
    const { wide, narrow } = growBoth(X, y);
    expect(narrow.feature).toBeInstanceOf(Int16Array);
    expect(narrow.value).toBeInstanceOf(Float32Array);
    expect(narrow.cover).toBeInstanceOf(Float32Array);
    expect(Array.from(narrow.feature)).toEqual(Array.from(wide.feature));
    expect(Array.from(narrow.right)).toEqual(Array.from(wide.right));
    expect(Array.from(narrow.value)).toEqual(Array.from(wide.value, Math.fround));
    expect(Array.from(narrow.cover)).toEqual(Array.from(wide.cover));
    for (let i = 0; i < X.nRows; i++) expect(leafIndex(narrow, X.columns, i)).toBe(leafIndex(wide, X.columns, i));
  });

  it('stores float32 thresholds for float32 data, each one routing like the float64 threshold', () => {
    const X32: Matrix = { nRows: X.nRows, columns: X.columns.map((c) => Float32Array.from(c)) };
    const { wide, narrow } = growBoth(X32, y);
    expect(narrow.threshold).toBeInstanceOf(Float32Array);
    expect(narrow.threshold.some((t, n) => wide.feature[n] >= 0 && t !== wide.threshold[n])).toBe(true);
    for (let i = 0; i < X32.nRows; i++) expect(leafIndex(narrow, X32.columns, i)).toBe(leafIndex(wide, X32.columns, i));
  });

  it('keeps float64 thresholds when two training values no float32 separates are split apart', () => {
    const n = 40;
    const x = Float64Array.from({ length: n }, (_, i) => 1 + (i < n / 2 ? 2 ** -42 : 2 ** -40));
    const labels = Uint8Array.from({ length: n }, (_, i) => (i < n / 2 ? 0 : 1));
    const { wide, narrow } = growBoth({ nRows: n, columns: [x] }, labels);
    expect(narrow.threshold).toBeInstanceOf(Float64Array);
    expect(Array.from(narrow.threshold)).toEqual(Array.from(wide.threshold));
    expect(Array.from(x, (_, i) => narrow.value[leafIndex(narrow, [x], i)])).toEqual(Array.from(labels));
  });
});
