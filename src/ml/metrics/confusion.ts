/** Confusion matrix and the classification metrics at one decision threshold (positive when score ≥ threshold). */

import { checkMetricInputs } from './ranking.js';

/** (Weighted) counts of the four outcomes. */
export interface ConfusionMatrix {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Precision, recall, F1 and accuracy at a threshold; a ratio with an empty denominator is 0. */
export interface ThresholdMetrics {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  confusion: ConfusionMatrix;
}

/** Counts of the four outcomes when rows with score ≥ threshold are predicted positive. */
export function confusionMatrix(
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
  weights?: ArrayLike<number>,
): ConfusionMatrix {
  checkMetricInputs('confusionMatrix', y, scores, weights);
  const m: ConfusionMatrix = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < y.length; i++) {
    const w = weights ? weights[i] : 1;
    if (scores[i] >= threshold) {
      if (y[i] === 1) m.tp += w;
      else m.fp += w;
    } else if (y[i] === 1) m.fn += w;
    else m.tn += w;
  }
  return m;
}

/** Metrics derived from a confusion matrix. */
export function metricsFromConfusion(threshold: number, m: ConfusionMatrix): ThresholdMetrics {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    threshold,
    precision: ratio(m.tp, m.tp + m.fp),
    recall: ratio(m.tp, m.tp + m.fn),
    f1: ratio(2 * m.tp, 2 * m.tp + m.fp + m.fn),
    accuracy: ratio(m.tp + m.tn, m.tp + m.tn + m.fp + m.fn),
    confusion: m,
  };
}

/** Precision, recall, F1, accuracy and the confusion matrix at `threshold`. */
export function thresholdMetrics(
  y: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
  weights?: ArrayLike<number>,
): ThresholdMetrics {
  return metricsFromConfusion(threshold, confusionMatrix(y, scores, threshold, weights));
}
