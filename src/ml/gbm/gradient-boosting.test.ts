import { describe, expect, it } from 'vitest';
import { MlParamError, MlShapeError } from '../errors.js';
import { fitLogistic } from '../linear/logistic-fit.js';
import { logisticProba } from '../linear/logistic-model.js';
import type { Matrix } from '../matrix.js';
import { rocAuc } from '../metrics/roc.js';
import { deserializeModel, serializeModel } from '../serialize.js';
import { nonlinearData, splitAt } from '../tree/fixtures/nonlinear.js';
import { rankColumns } from '../tree/ranked-columns.js';
import {
  fitGradientBoosting,
  type GradientBoostingModel,
  gradientBoostingMargin,
  gradientBoostingProba,
} from './gradient-boosting.js';

const { train, test } = splitAt(nonlinearData(3000, 2), 2000);
const imputed = (X: Matrix): Matrix => ({ nRows: X.nRows, columns: X.columns.map((c) => c.map((v) => (v === v ? v : 0))) });

describe('gradient boosting', () => {
  const model = fitGradientBoosting(train.X, train.y, { nEstimators: 60, maxDepth: 3, subsample: 0.8, seed: 4 });

  it('beats logistic regression clearly on an interaction problem (test ROC-AUC)', () => {
    const lrAuc = rocAuc(test.y, logisticProba(fitLogistic(imputed(train.X), train.y), imputed(test.X)));
    const gbAuc = rocAuc(test.y, gradientBoostingProba(model, test.X));
    expect(lrAuc).toBeLessThan(0.7);
    expect(gbAuc).toBeGreaterThan(0.8);
    expect(gbAuc - lrAuc).toBeGreaterThan(0.15);
  });

  it('lowers the training loss below the prior and starts from the prior log-odds', () => {
    const rate = train.y.reduce((a, b) => a + b, 0) / train.y.length;
    expect(model.init).toBeCloseTo(Math.log(rate / (1 - rate)), 14);
    const priorLoss = -(rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate));
    expect(model.trainLoss[0]).toBeLessThan(priorLoss);
    expect(model.trainLoss[59]).toBeLessThan(model.trainLoss[0] - 0.05);
  });

  it('gives probabilities equal to the sigmoid of the margin', () => {
    const z = gradientBoostingMargin(model, test.X);
    const p = gradientBoostingProba(model, test.X);
    for (let i = 0; i < 50; i++) expect(p[i]).toBe(1 / (1 + Math.exp(-z[i])));
  });

  it('is deterministic for a seed; the seed changes subsampled models only', () => {
    const a = fitGradientBoosting(train.X, train.y, { nEstimators: 5, subsample: 0.5, seed: 1 });
    const b = fitGradientBoosting(train.X, train.y, { nEstimators: 5, subsample: 0.5, seed: 1 });
    const c = fitGradientBoosting(train.X, train.y, { nEstimators: 5, subsample: 0.5, seed: 2 });
    expect(serializeModel(a)).toBe(serializeModel(b));
    expect(serializeModel(a)).not.toBe(serializeModel(c));
  });

  it('fits the same model from columns presorted once (a search reuses them); presorted columns of another X are refused', () => {
    const params = { nEstimators: 5, subsample: 0.5, seed: 1 };
    const presorted = rankColumns(train.X);
    expect(serializeModel(fitGradientBoosting(train.X, train.y, params, undefined, presorted))).toBe(
      serializeModel(fitGradientBoosting(train.X, train.y, params)),
    );
    expect(() => fitGradientBoosting(test.X, test.y, params, undefined, presorted)).toThrow(MlShapeError);
  });

  it('survives a JSON round trip with identical predictions', () => {
    const back = deserializeModel<GradientBoostingModel>(serializeModel(model));
    expect(Array.from(gradientBoostingMargin(back, test.X))).toEqual(Array.from(gradientBoostingMargin(model, test.X)));
  });

  it('rejects one-class labels and bad parameters by name', () => {
    expect(() => fitGradientBoosting(train.X, new Uint8Array(2000))).toThrow(MlShapeError);
    expect(() => fitGradientBoosting(train.X, train.y, { subsample: 0 })).toThrow(MlParamError);
    expect(() => fitGradientBoosting(train.X, train.y, { learningRate: -1 })).toThrow(/learningRate/);
  });
});
