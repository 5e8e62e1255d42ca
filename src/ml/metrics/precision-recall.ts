/** Precision–recall curve and average precision, as scikit-learn defines them (no interpolation). */

import { binaryCurve, requireBothClasses } from './ranking.js';

/** PR points at every distinct score, thresholds descending (recall non-decreasing), as scikit-learn 1.2. */
export interface PrCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/** The precision–recall curve; rows with score ≥ threshold are predicted positive. */
export function prCurve(y: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): PrCurve {
  const c = binaryCurve('prCurve', y, scores, weights);
  requireBothClasses('prCurve', c);
  const m = c.thresholds.length;
  const precision = new Float64Array(m);
  const recall = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const predicted = c.tps[k] + c.fps[k];
    precision[k] = predicted > 0 ? c.tps[k] / predicted : 0;
    recall[k] = c.tps[k] / c.positives;
  }
  return { precision, recall, thresholds: c.thresholds };
}

/** Average precision: Σₖ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds, descending (R₀ = 0). */
export function averagePrecision(y: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const { precision, recall } = prCurve(y, scores, weights);
  let ap = 0;
  let prev = 0;
  for (let k = 0; k < recall.length; k++) {
    ap += (recall[k] - prev) * precision[k];
    prev = recall[k];
  }
  return ap;
}
