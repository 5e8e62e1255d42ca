import { describe, expect, it } from 'vitest';
import { MlParamError, MlShapeError } from '../errors.js';
import { fromRows, type Matrix } from '../matrix.js';
import { rng } from '../random.js';
import { deserializeModel, serializeModel } from '../serialize.js';
import { type DecisionTreeModel, decisionTreeProba, fitDecisionTree } from './decision-tree.js';

// Hand-worked example. x0 has two missing values (both positive); x1 is constant.
//   x0: 1  2  NaN 3  NaN 4  5  6
//   y : 1  1  1   0  1   0  0  1
// Gini scores (s² + (w−s)²)/w summed over children (higher = purer); the root scores 34/8 = 4.25.
//   x0 ≤ 2.5 with NaN left : {1,2,NaN,NaN} 4/4 → 4   + {3,4,5,6} 1/4 → 2.5  = 6.5  (best; NaN right gives 5)
//   x0 ≤ 1.5 with NaN left : 3 + 2.6 = 5.6;  x0 ≤ 5.5 with NaN right: 2.6 + 3 = 5.6;  present vs NaN: 3 + 2 = 5
// The right child {3,4,5,6} (y 0,0,0,1) splits best at 5.5 (3 + 1 = 4 against 3 at 4.5); it saw no NaN, so NaN
// follows its larger child, the left. Impurity decreases: root 6.5 − 4.25 = 2.25, right child 4 − 2.5 = 1.5.
const handX = fromRows([
  [1, 0],
  [2, 0],
  [Number.NaN, 0],
  [3, 0],
  [Number.NaN, 0],
  [4, 0],
  [5, 0],
  [6, 0],
]);
const handY = Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 1]);

describe('decision tree on a hand-worked data set', () => {
  it('learns the split with missing values sent left, then the 5.5 split, in preorder', () => {
    const { tree, featureImportance } = fitDecisionTree(handX, handY);
    expect(Array.from(tree.feature)).toEqual([0, -1, 0, -1, -1]);
    expect(Array.from(tree.threshold)).toEqual([2.5, 0, 5.5, 0, 0]);
    expect(Array.from(tree.left)).toEqual([1, -1, 3, -1, -1]);
    expect(Array.from(tree.right)).toEqual([2, -1, 4, -1, -1]);
    expect(Array.from(tree.missingLeft)).toEqual([1, 0, 1, 0, 0]);
    expect(Array.from(tree.value)).toEqual([5 / 8, 1, 1 / 4, 0, 1]);
    expect(Array.from(tree.cover)).toEqual([8, 4, 4, 3, 1]);
    expect(Array.from(featureImportance)).toEqual([1, 0]);
  });

  it('routes new rows as learned: NaN left at the root, large values right', () => {
    const model = fitDecisionTree(handX, handY);
    const proba = decisionTreeProba(
      model,
      fromRows([
        [Number.NaN, 0],
        [2.4, 0],
        [5.2, 0],
        [5.7, 0],
        [100, Number.NaN],
      ]),
    );
    expect(Array.from(proba)).toEqual([1, 1, 0, 1, 1]);
  });

  it('stops at maxDepth and at minImpurityDecrease (1.5/8 = 0.1875 < 0.2 ≤ 2.25/8)', () => {
    expect(Array.from(fitDecisionTree(handX, handY, { maxDepth: 1 }).tree.value)).toEqual([5 / 8, 1, 1 / 4]);
    expect(Array.from(fitDecisionTree(handX, handY, { minImpurityDecrease: 0.2 }).tree.value)).toEqual([5 / 8, 1, 1 / 4]);
    expect(fitDecisionTree(handX, handY, { minImpurityDecrease: 0.3 }).tree.feature.length).toBe(1);
  });

  it('keeps minSamplesLeaf rows in each child', () => {
    const { tree } = fitDecisionTree(handX, handY, { minSamplesLeaf: 3 });
    for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n] === -1) expect(tree.cover[n]).toBeGreaterThanOrEqual(3);
  });

  it('treats an integer weight like repeated rows', () => {
    const w = Float64Array.from([1, 1, 1, 3, 1, 1, 1, 1]);
    const rows = [0, 1, 2, 3, 3, 3, 4, 5, 6, 7];
    const repeated: Matrix = { nRows: rows.length, columns: handX.columns.map((c) => Float64Array.from(rows, (i) => c[i])) };
    const a = fitDecisionTree(handX, handY, {}, w).tree;
    const b = fitDecisionTree(
      repeated,
      Uint8Array.from(rows, (i) => handY[i]),
    ).tree;
    expect(Array.from(a.threshold)).toEqual(Array.from(b.threshold));
    expect(Array.from(a.value)).toEqual(Array.from(b.value));
    expect(Array.from(a.cover)).toEqual(Array.from(b.cover));
  });
});

function noisyData(n: number, seed: number): { X: Matrix; y: Uint8Array } {
  const r = rng(seed);
  const cols = Array.from({ length: 6 }, () => new Float64Array(n));
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (const c of cols) c[i] = r() < 0.1 ? Number.NaN : Math.round(r() * 50) / 10;
    const a = cols[0][i] === cols[0][i] ? cols[0][i] : 2;
    y[i] = r() < (a > 2.5 !== cols[1][i] > 1 ? 0.85 : 0.15) ? 1 : 0;
  }
  return { X: { nRows: n, columns: cols }, y };
}

describe('decision tree contract', () => {
  const { X, y } = noisyData(400, 3);

  it('is deterministic for a seed when drawing features, and the seed matters', () => {
    const a = fitDecisionTree(X, y, { maxFeatures: 'sqrt', seed: 5 });
    const b = fitDecisionTree(X, y, { maxFeatures: 'sqrt', seed: 5 });
    const c = fitDecisionTree(X, y, { maxFeatures: 'sqrt', seed: 6 });
    expect(serializeModel(a)).toBe(serializeModel(b));
    expect(serializeModel(a)).not.toBe(serializeModel(c));
  });

  it('survives a JSON round trip with identical predictions', () => {
    const model = fitDecisionTree(X, y, { criterion: 'entropy', maxDepth: 6 });
    const back = deserializeModel<DecisionTreeModel>(serializeModel(model));
    expect(Array.from(decisionTreeProba(back, X))).toEqual(Array.from(decisionTreeProba(model, X)));
  });

  it('gives leaf probabilities in [0, 1] whose cover-weighted mean is the training rate', () => {
    const { tree } = fitDecisionTree(X, y, { minSamplesLeaf: 5 });
    let total = 0;
    for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n] === -1) total += tree.value[n] * tree.cover[n];
    expect(total / tree.cover[0]).toBeCloseTo(y.reduce((a, b) => a + b, 0) / y.length, 12);
  });

  it('rejects bad parameters and shapes by name', () => {
    expect(() => fitDecisionTree(X, y, { maxFeatures: 1.5 })).toThrow(MlParamError);
    expect(() => fitDecisionTree(X, y, { maxFeatures: 7 })).toThrow(/maxFeatures/);
    expect(() => fitDecisionTree(X, y, { criterion: 'mse' as 'gini' })).toThrow(/criterion/);
    expect(() => fitDecisionTree(X, y.subarray(1))).toThrow(MlShapeError);
    const model = fitDecisionTree(X, y, { maxDepth: 2 });
    expect(() => decisionTreeProba(model, { nRows: 1, columns: [new Float64Array(1)] })).toThrow(/6/);
  });
});
