/** The one sorted pass behind every ranking metric: cumulative true and false positives at each distinct score. */

import { checkLabels, checkScores, checkWeights, MlShapeError } from '../errors.js';
import { descendingOrder } from './descending-order.js';

/** Cumulative (weighted) positives and negatives scoring ≥ each distinct threshold, thresholds descending. */
export interface BinaryCurve {
  thresholds: Float64Array;
  /** tps[k] = weight of positives with score ≥ thresholds[k]. */
  tps: Float64Array;
  /** fps[k] = weight of negatives with score ≥ thresholds[k]. */
  fps: Float64Array;
  /** Total positive and negative weight (tps and fps at the last threshold). */
  positives: number;
  negatives: number;
}

/** Validates the inputs shared by every metric: 0/1 labels, finite scores of the same length, weights ≥ 0. */
export function checkMetricInputs(
  metric: string,
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  weights?: ArrayLike<number>,
): void {
  if (y.length === 0) throw new MlShapeError(`${metric}: no rows`);
  checkLabels(metric, y, y.length);
  checkScores(metric, scores, y.length);
  checkWeights(metric, weights, y.length);
}

/** scikit-learn's _binary_clf_curve: one sort, one pass. Ties form one step, so they count half in the AUC. */
export function binaryCurve(
  metric: string,
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  weights?: ArrayLike<number>,
): BinaryCurve {
  checkMetricInputs(metric, y, scores, weights);
  const n = y.length;
  const order = descendingOrder(scores);
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let tp = 0;
  let fp = 0;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const w = weights ? weights[i] : 1;
    if (y[i] === 1) tp += w;
    else fp += w;
    if (k === n - 1 || scores[order[k + 1]] !== scores[i]) {
      thresholds[m] = scores[i];
      tps[m] = tp;
      fps[m] = fp;
      m++;
    }
  }
  return { thresholds: thresholds.slice(0, m), tps: tps.slice(0, m), fps: fps.slice(0, m), positives: tp, negatives: fp };
}

/** Throws unless both classes carry weight (AUC and average precision are undefined otherwise). */
export function requireBothClasses(metric: string, curve: BinaryCurve): void {
  if (!(curve.positives > 0) || !(curve.negatives > 0))
    throw new MlShapeError(
      `${metric}: needs both classes, got positive weight ${curve.positives} and negative weight ${curve.negatives}`,
    );
}
