import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { rng } from '../random.js';
import { type FlatTree, leafIndex } from '../tree/flat-tree.js';
import type { HistBoostingModel } from './model.js';
import { histBoostingDefaults } from './params.js';
import { predictMargin } from './predictor.js';

/**
 * A random tree of depth ≤ maxDepth: unbalanced (leaves at every level), thresholds drawn from the data's own values
 * (so x === t ties occur), missing values sent left or right at random. Nodes are numbered depth-first.
 */
function randomTree(rand: () => number, nF: number, maxDepth: number, values: number[]): FlatTree {
  const nodes: { f: number; t: number; l: number; r: number; ml: number; v: number }[] = [];
  const grow = (depth: number): number => {
    const n = nodes.length;
    nodes.push({ f: -1, t: 0, l: -1, r: -1, ml: 0, v: rand() - 0.5 });
    if (depth < maxDepth && (depth === 0 || rand() < 0.8)) {
      const node = nodes[n];
      node.f = Math.floor(rand() * nF);
      node.t = values[Math.floor(rand() * values.length)];
      node.ml = rand() < 0.5 ? 1 : 0;
      node.l = grow(depth + 1);
      node.r = grow(depth + 1);
    }
    return n;
  };
  grow(0);
  return {
    feature: Int32Array.from(nodes, (n) => n.f),
    threshold: Float64Array.from(nodes, (n) => n.t),
    left: Int32Array.from(nodes, (n) => n.l),
    right: Int32Array.from(nodes, (n) => n.r),
    missingLeft: Uint8Array.from(nodes, (n) => n.ml),
    value: Float64Array.from(nodes, (n) => n.v),
    cover: new Float64Array(nodes.length).fill(1),
  };
}

function model(trees: FlatTree[], nF: number, baseMargin: number): HistBoostingModel {
  const { validation: _, ...params } = { ...histBoostingDefaults, validation: undefined };
  return {
    kind: 'hist_boosting',
    nFeatures: nF,
    baseMargin,
    trees,
    params,
    bestIteration: trees.length,
    validationLoss: [],
    bundles: [],
  };
}

/** Columns with ~15 % NaN, some ±Infinity, many repeated values (the thresholds' own) and some continuous. */
function randomColumns(rand: () => number, nF: number, n: number, values: number[], f32: boolean): Matrix {
  const columns = Array.from({ length: nF }, () => (f32 ? new Float32Array(n) : new Float64Array(n)));
  for (const c of columns)
    for (let i = 0; i < n; i++) {
      const u = rand();
      c[i] =
        u < 0.15
          ? Number.NaN
          : u < 0.17
            ? u < 0.16
              ? Number.POSITIVE_INFINITY
              : Number.NEGATIVE_INFINITY
            : u < 0.6
              ? values[Math.floor(rand() * values.length)]
              : rand() * 8 - 4;
    }
  return { nRows: n, columns };
}

/** The reference: the plain node-by-node walk, leaf values added in tree order to the base margin. */
function walked(m: HistBoostingModel, X: Matrix): Float64Array {
  const out = new Float64Array(X.nRows).fill(m.baseMargin);
  for (const t of m.trees) for (let i = 0; i < X.nRows; i++) out[i] += t.value[leafIndex(t, X.columns, i)];
  return out;
}

describe('batch prediction kernel', () => {
  // Thresholds and data share values that float32 holds exactly and values it does not (0.1), so both column
  // types meet ties and near-ties.
  const values = [-2, -0.5, 0, 0.1, Math.fround(0.1), 0.25, 1, 3];

  for (const depth of [0, 1, 3, 6, 9, 12])
    for (const f32 of [false, true])
      it(`equals the node-by-node walk bit for bit: depth ≤ ${depth}, ${f32 ? 'float32' : 'float64'} columns, one and two threads`, () => {
        const rand = rng(100 + depth);
        const nF = 7;
        const trees = Array.from({ length: 25 }, () => randomTree(rand, nF, depth, values));
        const m = model(trees, nF, 0.3);
        // Not a multiple of the kernel's 4 lanes nor of its 1,024-row chunks.
        const X = randomColumns(rand, nF, 2_503, values, f32);
        const expected = walked(m, X);
        expect(predictMargin(m, X, 1)).toEqual(expected);
        expect(predictMargin(m, X, 2)).toEqual(expected);
        const one: Matrix = { nRows: 1, columns: X.columns.map((c) => c.subarray(7, 8)) };
        expect(predictMargin(m, one)).toEqual(expected.subarray(7, 8));
        // No NaN in the first 1,500 rows: the first chunk is scored by the dense variant, the others are not.
        const partly: Matrix = {
          nRows: X.nRows,
          columns: X.columns.map((c) => c.map((v, i) => (i < 1_500 && v !== v ? 0.1 : v))),
        };
        const expectedPartly = walked(m, partly);
        expect(predictMargin(m, partly, 1)).toEqual(expectedPartly);
        expect(predictMargin(m, partly, 2)).toEqual(expectedPartly);
      });

  it('scores a batch larger than its memory segment in pieces, with the same bits', () => {
    const rand = rng(7);
    const nF = 400;
    const m = model(
      Array.from({ length: 12 }, () => randomTree(rand, nF, 6, values)),
      nF,
      -1.1,
    );
    // 400 float32 columns: a 32 MiB segment holds ~20,900 rows, so 45,000 rows take three.
    const X = randomColumns(rand, nF, 45_000, values, true);
    const expected = walked(m, X);
    expect(predictMargin(m, X, 2)).toEqual(expected);
    expect(predictMargin(m, X, 1)).toEqual(expected);
  });

  it('mixes float32 and float64 columns (scored as float64)', () => {
    const rand = rng(9);
    const m = model(
      Array.from({ length: 10 }, () => randomTree(rand, 3, 5, values)),
      3,
      0,
    );
    const a = randomColumns(rand, 3, 1_001, values, true);
    const b = randomColumns(rand, 3, 1_001, values, false);
    const X: Matrix = { nRows: 1_001, columns: [a.columns[0], b.columns[1], a.columns[2]] };
    expect(predictMargin(m, X)).toEqual(walked(m, X));
  });
});
