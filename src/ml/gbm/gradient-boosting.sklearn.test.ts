// Differential test: classic boosting against scikit-learn 1.2.1 GradientBoostingClassifier(n_estimators=10,
// max_depth=3) on the fixture data of src/ml/tree/fixtures/sklearn-cart.py (float32 X, as scikit-learn fits).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { fitGradientBoosting, gradientBoostingMargin } from './gradient-boosting.js';

interface Boost {
  weighted: boolean;
  min_samples_leaf: number;
  init: number;
  margin: number[];
  importance: number[];
  train_loss: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../tree/fixtures/sklearn-cart.json', import.meta.url), 'utf8')) as {
  columns: number[][];
  y: number[];
  weights: number[];
  boosting: Boost[];
};
const X: Matrix = { nRows: fixture.y.length, columns: fixture.columns.map((c) => Float32Array.from(c)) };
const y = Uint8Array.from(fixture.y);

describe('gradient boosting matches scikit-learn GradientBoostingClassifier', () => {
  for (const ref of fixture.boosting)
    it(`${ref.weighted ? 'with' : 'without'} sample weights: same prior, margins, importances and training loss`, () => {
      const model = fitGradientBoosting(
        X,
        y,
        { nEstimators: 10, maxDepth: 3, minSamplesLeaf: ref.min_samples_leaf },
        ref.weighted ? Float64Array.from(fixture.weights) : undefined,
      );
      // Same splits and Newton steps; sums taken in another order, so equal to ~1e-15 relative. 1e-10 leaves room.
      expect(model.init).toBeCloseTo(ref.init, 14);
      const margin = gradientBoostingMargin(model, X);
      ref.margin.forEach((v, i) => {
        expect(Math.abs(margin[i] - v)).toBeLessThan(1e-10);
      });
      ref.importance.forEach((v, f) => {
        expect(Math.abs(model.featureImportance[f] - v)).toBeLessThan(1e-10);
      });
      // scikit-learn's train_score_ is the binomial deviance, twice the mean log loss.
      ref.train_loss.forEach((v, m) => {
        expect(Math.abs(2 * model.trainLoss[m] - v)).toBeLessThan(1e-10);
      });
    });
});
