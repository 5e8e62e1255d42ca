// Differential test: CART against scikit-learn 1.2.1 DecisionTreeClassifier (fixture made by fixtures/sklearn-cart.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix.js';
import { decisionTreeProba, fitDecisionTree } from './decision-tree.js';

interface Fit {
  params: { criterion: 'gini' | 'entropy'; min_samples_leaf?: number };
  weighted: boolean;
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  positive: number[];
  cover: number[];
  importance: number[];
  proba: number[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/sklearn-cart.json', import.meta.url), 'utf8')) as {
  columns: number[][];
  y: number[];
  weights: number[];
  fits: Fit[];
};
// scikit-learn fits on float32 copies of X; Float32Array columns reproduce its thresholds bit for bit.
const X: Matrix = { nRows: fixture.y.length, columns: fixture.columns.map((c) => Float32Array.from(c)) };
const y = Uint8Array.from(fixture.y);

describe('decision tree matches scikit-learn DecisionTreeClassifier(max_depth=3)', () => {
  for (const ref of fixture.fits) {
    const name = `${ref.params.criterion}${ref.weighted ? ', sample weights, min_samples_leaf=5' : ''}`;
    it(`${name}: same nodes in the same preorder, same thresholds, leaf probabilities and covers`, () => {
      const model = fitDecisionTree(
        X,
        y,
        { criterion: ref.params.criterion, maxDepth: 3, minSamplesLeaf: ref.params.min_samples_leaf ?? 1 },
        ref.weighted ? Float64Array.from(fixture.weights) : undefined,
      );
      const t = model.tree;
      expect(Array.from(t.feature)).toEqual(ref.feature);
      expect(Array.from(t.left)).toEqual(ref.left);
      expect(Array.from(t.right)).toEqual(ref.right);
      ref.feature.forEach((f, i) => {
        if (f >= 0) expect(t.threshold[i]).toBe(ref.threshold[i]);
      });
      // Probabilities and covers are sums of the same integers in another order: equal to the last bit or two.
      ref.positive.forEach((v, i) => {
        expect(t.value[i]).toBeCloseTo(v, 14);
      });
      expect(Array.from(t.cover)).toEqual(ref.cover);
      ref.importance.forEach((v, f) => {
        expect(model.featureImportance[f]).toBeCloseTo(v, 12);
      });
      const proba = decisionTreeProba(model, X);
      ref.proba.forEach((v, i) => {
        expect(proba[i]).toBeCloseTo(v, 14);
      });
    });
  }
});
