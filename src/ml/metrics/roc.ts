/** ROC curve and the area under it (trapezoids over tie groups, i.e. ties count one half). */

import { binaryCurve, requireBothClasses } from './ranking.js';

/** ROC points from (0, 0) at threshold +∞ to (1, 1), one per distinct score, thresholds descending. */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/** The ROC curve; rows with score ≥ threshold are predicted positive. */
export function rocCurve(y: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): RocCurve {
  const c = binaryCurve('rocCurve', y, scores, weights);
  requireBothClasses('rocCurve', c);
  const m = c.thresholds.length;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  thresholds[0] = Number.POSITIVE_INFINITY;
  for (let k = 0; k < m; k++) {
    fpr[k + 1] = c.fps[k] / c.negatives;
    tpr[k + 1] = c.tps[k] / c.positives;
    thresholds[k + 1] = c.thresholds[k];
  }
  return { fpr, tpr, thresholds };
}

/**
 * ROC-AUC: the probability that a random positive outscores a random negative, ties counting one half
 * (weighted by the product of the two rows' weights when weights are given). One sort, O(n log n).
 */
export function rocAuc(y: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const c = binaryCurve('rocAuc', y, scores, weights);
  requireBothClasses('rocAuc', c);
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < c.thresholds.length; k++) {
    area += (c.fps[k] - prevFp) * (c.tps[k] + prevTp);
    prevTp = c.tps[k];
    prevFp = c.fps[k];
  }
  return area / (2 * c.positives * c.negatives);
}
