/** The model's own importance: |coefficient| on standardised inputs for logistic regression, impurity or split gain for trees. */
import type { EncodedColumn } from '../../features/index.js';
import type { ClassifierModel } from '../../ml/index.js';
import type { Importance } from '../../registry/index.js';
import { byFeature } from './by-feature.js';

/**
 * Logistic regression: Σ |coefficient| over a feature's columns (numbers are standardised by the linear preprocessing,
 * one-hot columns are 0/1). Forest and classic boosting: their normalised impurity decrease. Histogram boosting: the
 * share of all splits' cover (hessian weight routed through splits) on the feature — its models keep no gain.
 */
export function nativeImportance(model: ClassifierModel, columns: readonly EncodedColumn[]): Importance {
  switch (model.kind) {
    case 'logistic':
      return byFeature(columns, Float64Array.from(model.coefficients, Math.abs), '|coefficient| (standardised inputs)');
    case 'random-forest':
    case 'gradient-boosting':
    case 'decision-tree':
      return byFeature(columns, model.featureImportance, 'impurity decrease (normalised)');
    case 'hist_boosting':
      return byFeature(columns, splitCover(model.trees, columns.length), 'split cover share');
    default:
      return model satisfies never;
  }
}

function splitCover(trees: readonly { feature: Int32Array; cover: Float64Array }[], nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  let total = 0;
  for (const t of trees)
    for (let n = 0; n < t.feature.length; n++)
      if (t.feature[n] >= 0) {
        out[t.feature[n]] += t.cover[n];
        total += t.cover[n];
      }
  if (total > 0) for (let j = 0; j < nFeatures; j++) out[j] /= total;
  return out;
}
