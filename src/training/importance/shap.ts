/** Mean |SHAP| per business feature: each row's contributions summed over the feature's columns, then averaged in size. */
import type { EncodedColumn } from '../../features/index.js';
import { type ClassifierModel, linearShap, type Matrix, treeShap } from '../../ml/index.js';
import type { Importance } from '../../registry/index.js';
import { columnGroups, sorted } from './by-feature.js';

/**
 * Per-row SHAP values of any candidate model, on the model's own scale (log-odds, or probability for forests): linear
 * SHAP for logistic regression, src/ml's treeShap for every tree model (histogram boosting included, on its margin).
 */
export function shapValues(model: ClassifierModel, X: Matrix): { unit: string; values: Float64Array; nFeatures: number } {
  return model.kind === 'logistic' ? linearShap(model, X) : treeShap(model, X);
}

/**
 * Mean over rows of |Σ_{columns of f} SHAP|: summing a feature's one-hot pieces first (within the row) gives the
 * feature's real contribution; averaging absolute piece values would overstate one-hot features.
 */
export function meanAbsShap(model: ClassifierModel, X: Matrix, columns: readonly EncodedColumn[]): Importance {
  const { unit, values, nFeatures } = shapValues(model, X);
  const sums = new Map<string, number>();
  for (const [feature, js] of columnGroups(columns)) {
    let total = 0;
    for (let i = 0; i < X.nRows; i++) {
      let v = 0;
      for (const j of js) v += values[i * nFeatures + j];
      total += Math.abs(v);
    }
    sums.set(feature, total / X.nRows);
  }
  return sorted(`mean |SHAP| (${unit}) over ${X.nRows} validation rows`, sums);
}
