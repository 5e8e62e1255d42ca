import { describe, expect, it } from 'vitest';
import { sklearnReference } from '../../../test/fixtures/sklearn/reference.js';
import { calibrationCurve } from './calibration-curve.js';
import { confusionMatrix, thresholdMetrics } from './confusion.js';
import { brierScore, logLoss } from './probability.js';

const M = sklearnReference.metrics;

describe('logLoss and brierScore', () => {
  it('match scikit-learn, unweighted and weighted', () => {
    expect(logLoss(M.y, M.p)).toBeCloseTo(M.logLoss, 13);
    expect(logLoss(M.y, M.p, M.w)).toBeCloseTo(M.logLossWeighted, 13);
    expect(brierScore(M.y, M.p)).toBeCloseTo(M.brier, 14);
    expect(brierScore(M.y, M.p, M.w)).toBeCloseTo(M.brierWeighted, 14);
  });

  it('clips certain mistakes to a finite loss and refuses probabilities outside [0, 1]', () => {
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(Number.EPSILON), 12);
    expect(() => brierScore([1], [1.2])).toThrow(/outside \[0, 1\]/);
  });
});

describe('thresholdMetrics', () => {
  it('predicts positive at score >= threshold and counts the hand-checked confusion matrix', () => {
    const y = [1, 1, 0, 0, 1, 0];
    const s = [0.9, 0.5, 0.5, 0.2, 0.1, 0.7];
    expect(confusionMatrix(y, s, 0.5)).toEqual({ tp: 2, fp: 2, tn: 1, fn: 1 });
    expect(thresholdMetrics(y, s, 0.5)).toMatchObject({ precision: 0.5, recall: 2 / 3, f1: 4 / 7, accuracy: 0.5 });
  });

  it('gives 0, not NaN, when nothing is predicted positive', () => {
    expect(thresholdMetrics([1, 0], [0.2, 0.1], 0.9)).toMatchObject({ precision: 0, recall: 0, f1: 0, accuracy: 0.5 });
  });

  it('weights every count by the row weight', () => {
    expect(confusionMatrix([1, 0, 1], [0.9, 0.9, 0.1], 0.5, [2, 3, 0.5])).toEqual({ tp: 2, fp: 3, tn: 0, fn: 0.5 });
  });
});

describe('calibrationCurve', () => {
  it("matches scikit-learn's uniform and quantile binning", () => {
    const u = calibrationCurve(M.y, M.p, 10, 'uniform');
    expect(u.map((b) => b.fractionPositive)).toEqual(M.calibrationUniform10.fractionPositive.map((v) => expect.closeTo(v, 14)));
    expect(u.map((b) => b.meanPredicted)).toEqual(M.calibrationUniform10.meanPredicted.map((v) => expect.closeTo(v, 14)));
    const q = calibrationCurve(M.y, M.p, 5, 'quantile');
    expect(q.map((b) => b.fractionPositive)).toEqual(M.calibrationQuantile5.fractionPositive.map((v) => expect.closeTo(v, 14)));
    expect(q.map((b) => b.meanPredicted)).toEqual(M.calibrationQuantile5.meanPredicted.map((v) => expect.closeTo(v, 14)));
  });

  it('puts a probability on an edge into the lower bin and leaves empty bins out', () => {
    const bins = calibrationCurve([0, 1, 1], [0, 0.5, 0.75], 2, 'uniform');
    expect(bins).toEqual([
      { lower: 0, upper: 0.5, count: 2, meanPredicted: 0.25, fractionPositive: 0.5 },
      { lower: 0.5, upper: 1, count: 1, meanPredicted: 0.75, fractionPositive: 1 },
    ]);
    expect(calibrationCurve([0, 1], [0.1, 0.15], 4)).toHaveLength(1);
  });
});
