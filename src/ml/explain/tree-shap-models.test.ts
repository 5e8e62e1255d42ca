// TreeSHAP on fitted models: additivity on every row, the documented output scale, and thread-count independence.
import { describe, expect, it } from 'vitest';
import { fitHistBoosting, predictHistBoostingMargin } from '../boost/index.js';
import { fitRandomForest, randomForestProba } from '../forest/random-forest.js';
import { fitGradientBoosting, gradientBoostingMargin } from '../gbm/gradient-boosting.js';
import { decisionTreeProba, fitDecisionTree } from '../tree/decision-tree.js';
import { nonlinearData } from '../tree/fixtures/nonlinear.js';
import { treeShap } from './tree-shap-models.js';

const { X, y } = nonlinearData(600, 5);

function expectAdditive(values: Float64Array, base: number, p: number, output: Float64Array): void {
  for (let i = 0; i < output.length; i++) {
    let sum = base;
    for (let f = 0; f < p; f++) sum += values[i * p + f];
    expect(Math.abs(sum - output[i])).toBeLessThan(1e-9);
  }
}

describe('TreeSHAP on fitted models', () => {
  it('decision tree: probability scale, base + contributions = predicted probability on every row', () => {
    const model = fitDecisionTree(X, y, { maxDepth: 8 });
    const shap = treeShap(model, X, 1);
    expect(shap.unit).toBe('probability');
    expect(shap.baseValue).toBeCloseTo(y.reduce((a, b) => a + b, 0) / y.length, 12);
    expectAdditive(shap.values, shap.baseValue, 6, decisionTreeProba(model, X));
  });

  it('random forest: mean over trees on the probability scale, additive on every row', () => {
    const model = fitRandomForest(X, y, { nEstimators: 10, maxDepth: 8, seed: 1, nThreads: 1 });
    const shap = treeShap(model, X, 1);
    expect(shap.unit).toBe('probability');
    expectAdditive(shap.values, shap.baseValue, 6, randomForestProba(model, X));
  });

  it('gradient boosting: margin (log-odds) scale, additive on every row', () => {
    const model = fitGradientBoosting(X, y, { nEstimators: 30, maxDepth: 4 });
    const shap = treeShap(model, X, 1);
    expect(shap.unit).toBe('log-odds');
    expectAdditive(shap.values, shap.baseValue, 6, gradientBoostingMargin(model, X));
  });

  it('histogram boosting: margin (log-odds) scale, additive on every row', () => {
    const model = fitHistBoosting(X, y, { nEstimators: 20, maxDepth: 4 });
    const shap = treeShap(model, X, 1);
    expect(shap.unit).toBe('log-odds');
    expectAdditive(shap.values, shap.baseValue, 6, predictHistBoostingMargin(model, X));
  });

  it('gives the same values bit for bit on 1 and 2 threads', () => {
    const model = fitGradientBoosting(X, y, { nEstimators: 20, maxDepth: 4 });
    expect(Array.from(treeShap(model, X, 2).values)).toEqual(Array.from(treeShap(model, X, 1).values));
  });

  it('credits no feature a tree never splits on', () => {
    const model = fitDecisionTree(X, y, { maxDepth: 2 });
    const used = new Set(Array.from(model.tree.feature).filter((f) => f >= 0));
    const shap = treeShap(model, X, 1);
    for (let f = 0; f < 6; f++) if (!used.has(f)) for (let i = 0; i < X.nRows; i++) expect(shap.values[i * 6 + f]).toBe(0);
  });
});
