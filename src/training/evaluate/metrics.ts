/** Validation metrics of one candidate at its decision threshold, in the artifact's shape (null where undefined, never NaN). */
import { averagePrecision, brierScore, confusionMatrix, liftTable, logLoss, rocAuc } from '../../ml/index.js';
import type { Metrics } from '../../registry/index.js';

/**
 * ROC-AUC, PR-AUC, Brier and log loss of the probabilities; precision, recall, F1, accuracy and the confusion matrix at
 * `threshold` (positive when p ≥ threshold); top-decile lift and capture from the ranking (ties shared pro rata).
 */
export function evaluateAt(y: Uint8Array, p: Float64Array, threshold: number): Metrics {
  const both = hasBothClasses(y);
  const c = confusionMatrix(y, p, threshold);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const lift = both && y.length >= 10 ? liftTable(y, p, 10) : null;
  return {
    rocAuc: both ? rocAuc(y, p) : null,
    prAuc: both ? averagePrecision(y, p) : null,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    accuracy: ratio(c.tp + c.tn, y.length),
    brier: y.length ? brierScore(y, p) : null,
    logLoss: y.length ? logLoss(y, p) : null,
    topDecileLift: lift ? lift.topGroupLift : null,
    topDecileCapture: lift ? lift.topGroupCapture : null,
    threshold: Math.min(1, threshold),
    confusion: c,
  };
}

/** True when the labels hold at least one churner and one non-churner. */
export function hasBothClasses(y: ArrayLike<number>): boolean {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i];
  return pos > 0 && pos < y.length;
}
