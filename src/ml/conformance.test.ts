/**
 * One contract run over every estimator (scikit-learn's estimator_checks in miniature). To add an estimator,
 * add one entry to `cases` with `defineCase`: how to fit it from (X, y, seed) and how to predict with it.
 */

import { describe, expect, it } from 'vitest';
import { fitHistBoosting } from './boost/fit.js';
import { fitKMeans } from './cluster/kmeans-fit.js';
import { predictCluster } from './cluster/kmeans-model.js';
import { MlShapeError } from './errors.js';
import { fitRandomForest } from './forest/random-forest.js';
import { fitGradientBoosting } from './gbm/gradient-boosting.js';
import { fitLogistic } from './linear/logistic-fit.js';
import { type Matrix, takeRows } from './matrix.js';
import type { FittedModel } from './model.js';
import { predictProba } from './predict.js';
import { permutation, rng } from './random.js';
import { deserializeModel, serializeModel } from './serialize.js';
import { fitDecisionTree } from './tree/decision-tree.js';

/** One estimator under the contract. */
interface ConformanceCase {
  name: string;
  /** 'probability': every output is in [0, 1]; 'cluster': integer labels. */
  output: 'probability' | 'cluster';
  fit: (X: Matrix, y: Uint8Array, seed: number) => FittedModel;
  predict: (model: FittedModel, X: Matrix) => ArrayLike<number>;
}

/** Binds a typed fit/predict pair into a table row (the table itself is heterogeneous). */
function defineCase<M extends FittedModel>(c: {
  name: string;
  output: ConformanceCase['output'];
  fit: (X: Matrix, y: Uint8Array, seed: number) => M;
  predict: (model: M, X: Matrix) => ArrayLike<number>;
}): ConformanceCase {
  return { ...c, predict: (model, X) => c.predict(model as M, X) };
}

const cases: ConformanceCase[] = [
  defineCase({
    name: 'logistic regression (Newton)',
    output: 'probability',
    fit: (X, y) => fitLogistic(X, y),
    predict: predictProba,
  }),
  defineCase({
    name: 'logistic regression (L-BFGS, balanced)',
    output: 'probability',
    fit: (X, y) => fitLogistic(X, y, { solver: 'lbfgs', classWeight: 'balanced', C: 0.3 }),
    predict: predictProba,
  }),
  defineCase({
    name: 'logistic regression (elastic net)',
    output: 'probability',
    fit: (X, y) => fitLogistic(X, y, { penalty: 'elasticnet', l1Ratio: 0.7, C: 0.1 }),
    predict: predictProba,
  }),
  defineCase({
    name: 'decision tree (CART, sqrt features)',
    output: 'probability',
    fit: (X, y, seed) => fitDecisionTree(X, y, { maxFeatures: 'sqrt', minSamplesLeaf: 3, seed }),
    predict: predictProba,
  }),
  defineCase({
    name: 'random forest (2 threads, OOB)',
    output: 'probability',
    fit: (X, y, seed) => fitRandomForest(X, y, { nEstimators: 12, oobScore: true, nThreads: 2, seed }),
    predict: predictProba,
  }),
  defineCase({
    name: 'gradient boosting (subsample)',
    output: 'probability',
    fit: (X, y, seed) => fitGradientBoosting(X, y, { nEstimators: 15, subsample: 0.7, seed }),
    predict: predictProba,
  }),
  defineCase({
    name: 'histogram boosting (row + column sampling)',
    output: 'probability',
    fit: (X, y, seed) => fitHistBoosting(X, y, { nEstimators: 15, maxDepth: 4, subsample: 0.7, colsampleByTree: 0.8, seed }),
    predict: predictProba,
  }),
  defineCase({
    name: 'histogram boosting (loss-guided, early stopping)',
    output: 'probability',
    fit: (X, y, seed) =>
      fitHistBoosting(X, y, {
        nEstimators: 40,
        maxDepth: 0,
        maxLeaves: 8,
        growPolicy: 'lossguide',
        earlyStoppingRounds: 3,
        seed,
      }),
    predict: predictProba,
  }),
  defineCase({
    name: 'k-means',
    output: 'cluster',
    fit: (X, _y, seed) => {
      const { labels: _labels, ...model } = fitKMeans(X, { k: 4, nInit: 2, seed });
      return model;
    },
    predict: predictCluster,
  }),
];

/** 240 rows × 5 features on different scales, a non-linear churn signal, Float32 in one column. */
function dataset(): { X: Matrix; y: Uint8Array } {
  const r = rng(20240601);
  const n = 240;
  const cols = Array.from({ length: 5 }, (_, j) => Float64Array.from({ length: n }, () => (r() - 0.5) * 10 ** (j - 1)));
  const y = Uint8Array.from({ length: n }, (_, i) => {
    const z = 3 * cols[0][i] - 0.2 * cols[2][i] * Math.sign(cols[1][i]) + cols[3][i] / 50;
    return r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  });
  return { X: { nRows: n, columns: [...cols.slice(0, 4), Float32Array.from(cols[4])] }, y };
}

const bytes = (a: ArrayLike<number>) => Buffer.from(Float64Array.from(a).buffer);

describe.each(cases)('$name conforms', (c) => {
  const { X, y } = dataset();

  it('same seed → identical model and predictions', () => {
    const a = c.fit(X, y, 11);
    const b = c.fit(X, y, 11);
    expect(serializeModel(a)).toBe(serializeModel(b));
    expect(bytes(c.predict(a, X)).equals(bytes(c.predict(b, X)))).toBe(true);
  });

  it(c.output === 'probability' ? 'predicts probabilities in [0, 1]' : 'predicts integer cluster labels', () => {
    const out = Array.from(c.predict(c.fit(X, y, 1), X));
    expect(out).toHaveLength(X.nRows);
    if (c.output === 'probability') expect(out.every((p) => p >= 0 && p <= 1)).toBe(true);
    else expect(out.every((l) => Number.isInteger(l) && l >= 0)).toBe(true);
  });

  it('refuses a matrix with the wrong number of features', () => {
    const model = c.fit(X, y, 1);
    expect(() => c.predict(model, { nRows: X.nRows, columns: X.columns.slice(1) })).toThrow(MlShapeError);
    expect(() => c.predict(model, { nRows: X.nRows, columns: [...X.columns, X.columns[0]] })).toThrow(MlShapeError);
  });

  it('serialize → deserialize reproduces predictions bit for bit', () => {
    const model = c.fit(X, y, 1);
    const reloaded = deserializeModel<FittedModel>(serializeModel(model));
    expect(reloaded).toEqual(model);
    expect(bytes(c.predict(reloaded, X)).equals(bytes(c.predict(model, X)))).toBe(true);
  });

  it('row order does not change any row’s prediction', () => {
    const model = c.fit(X, y, 1);
    const perm = permutation(rng(3), X.nRows);
    const direct = c.predict(model, X);
    const shuffled = c.predict(model, takeRows(X, perm));
    expect(bytes(Array.from(perm, (i) => direct[i])).equals(bytes(shuffled))).toBe(true);
  });

  it('fitting does not mutate its inputs', () => {
    const before = { cols: X.columns.map((col) => col.slice()), y: y.slice() };
    c.fit(X, y, 5);
    X.columns.forEach((col, j) => {
      expect(Buffer.from(col.buffer).equals(Buffer.from(before.cols[j].buffer))).toBe(true);
    });
    expect(y).toEqual(before.y);
  });
});
