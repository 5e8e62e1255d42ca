import { describe, expect, it } from 'vitest';
import { MlParamError, MlShapeError } from '../errors.js';
import { fitLogistic } from '../linear/logistic-fit.js';
import { logisticProba } from '../linear/logistic-model.js';
import { rocAuc } from '../metrics/roc.js';
import { deserializeModel, serializeModel } from '../serialize.js';
import { nonlinearData, splitAt } from '../tree/fixtures/nonlinear.js';
import { rankColumns } from '../tree/ranked-columns.js';
import { fitRandomForest, type RandomForestModel, randomForestProba } from './random-forest.js';

const { train, test } = splitAt(nonlinearData(3000, 1), 2000);

describe('random forest', () => {
  const model = fitRandomForest(train.X, train.y, { nEstimators: 30, minSamplesLeaf: 3, oobScore: true, seed: 9, nThreads: 1 });

  it('beats logistic regression clearly on an interaction problem (test ROC-AUC)', () => {
    const lr = fitLogistic(
      { nRows: train.X.nRows, columns: train.X.columns.map((c) => c.map((v) => (v === v ? v : 0))) },
      train.y,
    );
    const lrAuc = rocAuc(
      test.y,
      logisticProba(lr, { nRows: test.X.nRows, columns: test.X.columns.map((c) => c.map((v) => (v === v ? v : 0))) }),
    );
    const rfAuc = rocAuc(test.y, randomForestProba(model, test.X));
    expect(lrAuc).toBeLessThan(0.7);
    expect(rfAuc).toBeGreaterThan(0.8);
    expect(rfAuc - lrAuc).toBeGreaterThan(0.15);
  });

  it('fits the same forest from columns presorted once (a search reuses them), on one thread or two', () => {
    const params = { nEstimators: 8, minSamplesLeaf: 3, oobScore: true, seed: 9 };
    const presorted = rankColumns(train.X);
    for (const nThreads of [1, 2])
      expect(fitRandomForest(train.X, train.y, { ...params, nThreads }, undefined, presorted)).toEqual(
        fitRandomForest(train.X, train.y, { ...params, nThreads }),
      );
    expect(() => fitRandomForest(test.X, test.y, params, undefined, presorted)).toThrow(MlShapeError);
  });

  it('reports an out-of-bag score close to the test score, over rows some tree left out', () => {
    const oob = model.oob!;
    expect(oob.rows).toBe(2000); // with 30 trees every row is left out by some tree (P(miss) = 0.632^30 ≈ 1e-6)
    expect(Math.abs(oob.auc - rocAuc(test.y, randomForestProba(model, test.X)))).toBeLessThan(0.03);
    expect(oob.accuracy).toBeGreaterThan(0.7);
    expect(oob.predictions.length).toBe(2000);
  });

  it('ranks the two interacting features first (impurity importance favours noise features over the weaker step in x2)', () => {
    const imp = Array.from(model.featureImportance);
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const order = imp
      .map((v, f) => [v, f])
      .sort((a, b) => b[0] - a[0])
      .map((e) => e[1]);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
  });

  it('is the same model, bit for bit, on 1 and 2 threads (trees, importances, OOB)', () => {
    const two = fitRandomForest(train.X, train.y, { nEstimators: 30, minSamplesLeaf: 3, oobScore: true, seed: 9, nThreads: 2 });
    expect(serializeModel({ ...two, params: null })).toBe(serializeModel({ ...model, params: null }));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = fitRandomForest(train.X, train.y, { nEstimators: 5, seed: 3 });
    const b = fitRandomForest(train.X, train.y, { nEstimators: 5, seed: 3 });
    const c = fitRandomForest(train.X, train.y, { nEstimators: 5, seed: 4 });
    expect(serializeModel(a)).toBe(serializeModel(b));
    expect(serializeModel(a)).not.toBe(serializeModel(c));
  });

  it('predicts the same bits on 1 and 2 threads', () => {
    const big = { nRows: 3000, columns: train.X.columns.map((c) => Float64Array.from({ length: 3000 }, (_, i) => c[i % 2000])) };
    expect(Array.from(randomForestProba(model, big, 2))).toEqual(Array.from(randomForestProba(model, big, 1)));
  });

  it('keeps its trees in the narrow layout: 23 bytes a node (int16 feature, float32 threshold, value and cover)', () => {
    let bytes = 0;
    let nodes = 0;
    for (const t of model.trees) {
      nodes += t.feature.length;
      for (const a of Object.values(t)) bytes += (a as ArrayBufferView).byteLength;
    }
    expect(nodes).toBeGreaterThan(30 * 50);
    expect(bytes / nodes).toBe(23);
  });

  it('survives a JSON round trip with identical predictions and array types', () => {
    const back = deserializeModel<RandomForestModel>(serializeModel(model));
    expect(back.trees[0].value).toBeInstanceOf(Float32Array);
    expect(back.trees[0].feature).toBeInstanceOf(Int16Array);
    expect(Array.from(randomForestProba(back, test.X))).toEqual(Array.from(randomForestProba(model, test.X)));
  });

  it('rejects oobScore without bootstrap and unknown parameters by name', () => {
    expect(() => fitRandomForest(train.X, train.y, { oobScore: true, bootstrap: false })).toThrow(MlParamError);
    expect(() => fitRandomForest(train.X, train.y, { trees: 3 } as never)).toThrow(/trees/);
  });
});
