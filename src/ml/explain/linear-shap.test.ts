import { describe, expect, it } from 'vitest';
import { sklearnReference } from '../../../test/fixtures/sklearn/reference.js';
import { fitLogistic } from '../linear/logistic-fit.js';
import { logisticMargin } from '../linear/logistic-model.js';
import { fromRows } from '../matrix.js';
import { linearShap } from './linear-shap.js';

const L = sklearnReference.logistic;
const X = fromRows(L.X);
const model = fitLogistic(X, Uint8Array.from(L.y));

describe('linearShap', () => {
  it('adds up: base value + contributions = margin for every row, to 1e-9', () => {
    const e = linearShap(model, X);
    const margin = logisticMargin(model, X);
    for (let i = 0; i < X.nRows; i++) {
      let total = e.baseValue;
      for (let j = 0; j < e.nFeatures; j++) total += e.values[i * e.nFeatures + j];
      expect(Math.abs(total - margin[i])).toBeLessThan(1e-9);
    }
  });

  it('is wⱼ·(xⱼ − meanⱼ), on the log-odds scale, with the training means as the default background', () => {
    const e = linearShap(model, X);
    expect(e.unit).toBe('log-odds');
    const j = 2;
    expect(e.values[5 * e.nFeatures + j]).toBe(model.coefficients[j] * (L.X[5][j] - model.featureMeans[j]));
    // The mean contribution of each feature over the training rows is 0: the base value is the mean margin.
    const mean = L.X.reduce((s, _, i) => s + e.values[i * e.nFeatures + j], 0) / L.X.length;
    expect(Math.abs(mean)).toBeLessThan(1e-12);
  });

  it('explains against another background when one is given', () => {
    const zero = new Float64Array(model.nFeatures);
    const e = linearShap(model, X, zero);
    expect(e.baseValue).toBe(model.intercept);
    expect(e.values[0]).toBe(model.coefficients[0] * L.X[0][0]);
  });

  it('refuses a background of the wrong length and rows with missing values', () => {
    expect(() => linearShap(model, X, new Float64Array(2))).toThrow(/background has 2 means, model has 6 features/);
    const bad = fromRows([[1, 2, 3, 4, Number.NaN, 6]]);
    expect(() => linearShap(model, bad)).toThrow(/feature 4 is NaN at row 0/);
  });
});
