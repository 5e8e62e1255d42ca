import { describe, expect, it } from 'vitest';
import { MlParamError, MlShapeError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { deserializeModel, serializeModel } from '../serialize.js';
import { leafIndex, treeDepth } from '../tree/flat-tree.js';
import { binMatrix } from './dataset.js';
import { fitHistBoosting } from './fit.js';
import type { HistBoostingModel } from './model.js';
import { predictHistBoostingProba, predictMargin } from './predictor.js';
import { BINS_AT } from './row-store.js';
import { mixedData } from './test-data.js';

const small = { nEstimators: 20, learningRate: 0.3, maxDepth: 3 };

/** Pairwise ROC-AUC (ties half): the definition, fine for a few hundred rows. */
function auc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++)
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        wins += p[i] > p[j] ? 1 : p[i] === p[j] ? 0.5 : 0;
      }
  return wins / pairs;
}

const leaves = (m: HistBoostingModel) => m.trees.map((t) => t.feature.filter((f) => f === -1).length);

describe('fitHistBoosting', () => {
  const train = mixedData(3000, 1);
  const test = mixedData(600, 2);

  it('learns the known logit: test AUC above 0.8 and close to the true function', () => {
    const m = fitHistBoosting(train.X, train.y, small);
    expect(m.kind).toBe('hist_boosting');
    expect(m.trees).toHaveLength(20);
    expect(auc(test.y, predictHistBoostingProba(m, test.X))).toBeGreaterThan(0.8);
  });

  it('is deterministic for a seed, and row/column sampling changes with the seed', () => {
    const p = { ...small, subsample: 0.7, colsampleByTree: 0.5, seed: 3 };
    const a = serializeModel(fitHistBoosting(train.X, train.y, p));
    expect(serializeModel(fitHistBoosting(train.X, train.y, p))).toBe(a);
    expect(serializeModel(fitHistBoosting(train.X, train.y, { ...p, seed: 4 }))).not.toBe(a);
  });

  it('survives a JSON round trip with identical predictions', () => {
    const m = fitHistBoosting(train.X, train.y, small);
    const back = deserializeModel<HistBoostingModel>(serializeModel(m));
    expect(predictMargin(back, test.X)).toEqual(predictMargin(m, test.X));
  });

  it('predicts the same whether trees are walked or laid out as complete trees, with and without missing values', () => {
    const m = fitHistBoosting(train.X, train.y, { ...small, maxDepth: 0, maxLeaves: 40, growPolicy: 'lossguide' });
    const complete: Matrix = { nRows: test.X.nRows, columns: test.X.columns.map((c) => c.map((v) => (v === v ? v : 0))) };
    for (const X of [test.X, complete]) {
      const walked = new Float64Array(X.nRows).fill(m.baseMargin);
      for (const t of m.trees) for (let i = 0; i < X.nRows; i++) walked[i] += t.value[leafIndex(t, X.columns, i)];
      const fast = predictMargin(m, X);
      for (let i = 0; i < walked.length; i++) expect(fast[i]).toBeCloseTo(walked[i], 12);
    }
  });

  it('scores a batch identically on one thread and on two', () => {
    const m = fitHistBoosting(train.X, train.y, small);
    const big = mixedData(5003, 8);
    expect(predictMargin(m, big.X, 2)).toEqual(predictMargin(m, big.X, 1));
  });

  it('grows depth-wise to maxDepth and loss-guided to maxLeaves', () => {
    const deep = fitHistBoosting(train.X, train.y, { ...small, maxDepth: 2 });
    expect(Math.max(...deep.trees.map((t) => treeDepth(t)))).toBe(2);
    const guided = fitHistBoosting(train.X, train.y, { ...small, maxDepth: 0, maxLeaves: 7, growPolicy: 'lossguide' });
    expect(Math.max(...leaves(guided))).toBe(7);
    expect(Math.max(...guided.trees.map((t) => treeDepth(t)))).toBeGreaterThan(2);
  });

  it('stops early on a validation set and keeps the trees up to the best round', () => {
    const m = fitHistBoosting(train.X, train.y, {
      nEstimators: 300,
      learningRate: 0.5,
      maxDepth: 6,
      minChildWeight: 0,
      lambda: 0,
      earlyStoppingRounds: 5,
      validation: { X: test.X, y: test.y },
    });
    expect(m.validationLoss.length).toBe(m.bestIteration + 6);
    expect(m.trees).toHaveLength(m.bestIteration + 1);
    expect(Math.min(...m.validationLoss)).toBe(m.validationLoss[m.bestIteration]);
  });

  it('holds out a stratified validation fraction when early stopping has no validation set', () => {
    const m = fitHistBoosting(train.X, train.y, { ...small, nEstimators: 200, learningRate: 0.5, earlyStoppingRounds: 3 });
    expect(m.trees.length).toBeLessThan(200);
    expect(m.validationLoss.length).toBe(m.trees.length + 3);
  });

  it('treats an integer sample weight like repeating the row', () => {
    const n = 500;
    const base = mixedData(n, 9);
    const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const idx = [...w].flatMap((k, i) => Array(k).fill(i) as number[]);
    const repeated = { nRows: idx.length, columns: base.X.columns.map((c) => Float64Array.from(idx, (i) => c[i])) };
    const yRep = Uint8Array.from(idx, (i) => base.y[i]);
    // x0 is continuous (500 distinct values > 255): bin on the low-cardinality columns only, where edges coincide.
    const cols = (X: Matrix) => ({ nRows: X.nRows, columns: X.columns.slice(1) });
    const weighted = fitHistBoosting(cols(base.X), base.y, small, w);
    const copied = fitHistBoosting(cols(repeated), yRep, small);
    const a = predictMargin(weighted, cols(test.X));
    const b = predictMargin(copied, cols(test.X));
    // Gradients are float32 (as in XGBoost): (p - y)·3 and three copies of (p - y) round differently, ~1e-8 each.
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-6);
  });

  it('starts from the prior, moved by scale_pos_weight, or from base_score', () => {
    const rate = train.y.reduce((s, v) => s + v, 0) / train.y.length;
    expect(fitHistBoosting(train.X, train.y, small).baseMargin).toBeCloseTo(Math.log(rate / (1 - rate)), 12);
    expect(fitHistBoosting(train.X, train.y, { ...small, scalePosWeight: 2 }).baseMargin).toBeCloseTo(
      Math.log((2 * rate) / (1 - rate)),
      12,
    );
    expect(fitHistBoosting(train.X, train.y, { ...small, baseScore: 0.5 }).baseMargin).toBe(0);
  });

  it('routes NaN at prediction by the learned default direction', () => {
    const x = Float64Array.from({ length: 400 }, (_, i) => (i < 300 ? i % 10 : Number.NaN));
    const y = Uint8Array.from(x, (v) => (v !== v || v > 5 ? 1 : 0));
    const m = fitHistBoosting({ nRows: 400, columns: [x] }, y, { nEstimators: 5, maxDepth: 1 });
    expect(m.trees[0].missingLeft[0]).toBe(0);
    const p = predictHistBoostingProba(m, { nRows: 3, columns: [Float64Array.from([Number.NaN, 2, 8])] });
    expect(p[0]).toBeCloseTo(p[2], 12);
    expect(p[0]).toBeGreaterThan(p[1]);
  });

  it('stores hessian sums as cover and learning-rate-scaled leaf values', () => {
    const m = fitHistBoosting(train.X, train.y, { ...small, nEstimators: 1, lambda: 0 });
    const t = m.trees[0];
    expect(t.cover[0]).toBeCloseTo(t.cover[t.left[0]] + t.cover[t.right[0]], 9);
    // With lambda 0, the root's first-round weight is -G/H; G = Σ(p - y) = 0 at the prior, so the root value is 0
    // up to the float32 rounding of 3,000 gradients.
    expect(Math.abs(t.value[0])).toBeLessThan(1e-6);
  });

  it('rejects bad parameters and mismatched data with named errors', () => {
    expect(() => fitHistBoosting(train.X, train.y, { maxBins: 300 })).toThrow(MlParamError);
    expect(() => fitHistBoosting(train.X, train.y, { learningRate: 0 })).toThrow(/learningRate/);
    expect(() => fitHistBoosting(train.X, train.y.subarray(1))).toThrow(MlShapeError);
    const m = fitHistBoosting(train.X, train.y, { ...small, nEstimators: 2 });
    expect(() => predictMargin(m, { nRows: 1, columns: [new Float64Array(1)] })).toThrow(/features/);
  });

  it('does not mutate its inputs', () => {
    const before = serializeModel(train);
    fitHistBoosting(train.X, train.y, { ...small, subsample: 0.5, earlyStoppingRounds: 2 });
    expect(serializeModel(train)).toBe(before);
  });

  it('gives the same model with a worker thread as without', () => {
    const big = mixedData(60_000, 5);
    const p = { nEstimators: 3, maxDepth: 4 };
    const serial = serializeModel(fitHistBoosting(big.X, big.y, { ...p, nThreads: 1 }).trees);
    expect(serializeModel(fitHistBoosting(big.X, big.y, { ...p, nThreads: 2 }).trees)).toBe(serial);
  });

  it('gives the same models from one binning shared by several fits, and bins afresh when it does not match', () => {
    const bins = binMatrix(train.X, 255, true, 0);
    const configs = [
      { ...small, subsample: 0.7, colsampleByTree: 0.5, seed: 3 },
      { ...small, maxDepth: 4, lambda: 5, validation: { X: test.X, y: test.y }, earlyStoppingRounds: 3 },
      { ...small, maxBins: 32 }, // other bins: ignored
      { ...small, earlyStoppingRounds: 2 }, // an internal holdout bins its own rows: ignored
    ];
    for (const p of configs)
      expect(serializeModel(fitHistBoosting(train.X, train.y, p, undefined, bins))).toBe(
        serializeModel(fitHistBoosting(train.X, train.y, p)),
      );
    // The shared bins are really read: records with every bin zeroed give another model.
    const blank = binMatrix(train.X, 255, true, 0);
    const { store } = blank.data;
    for (let k = 0; k < store.nRows; k++) store.bytes[0].fill(0, k * store.stride * 4 + BINS_AT, (k + 1) * store.stride * 4);
    expect(serializeModel(fitHistBoosting(train.X, train.y, small, undefined, blank))).not.toBe(
      serializeModel(fitHistBoosting(train.X, train.y, small)),
    );
    // Another matrix of the same shape is binned afresh.
    const other = mixedData(3000, 9);
    expect(serializeModel(fitHistBoosting(other.X, other.y, small, undefined, bins))).toBe(
      serializeModel(fitHistBoosting(other.X, other.y, small)),
    );
  });
});
