/** Binary log loss on the margin (log-odds) scale: gradients, hessians, the prior margin, the validation score. */

import type { RowStore } from './row-store.js';

/** Smallest hessian kept, so a confidently right row still has a positive weight (XGBoost uses the same floor). */
const MIN_HESSIAN = 1e-16;

/** The logistic function. */
export const sigmoid = (m: number) => 1 / (1 + Math.exp(-m));

/**
 * The row weight the loss uses: sample weight × scale_pos_weight for positive rows.
 * Returned once so every round reuses it.
 */
export function lossWeights(y: ArrayLike<number>, weights: ArrayLike<number> | undefined, scalePosWeight: number): Float64Array {
  const w = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) w[i] = (weights === undefined ? 1 : weights[i]) * (y[i] === 1 ? scalePosWeight : 1);
  return w;
}

/** Initial margin: logit of baseScore, or of the weighted positive rate when baseScore is undefined. */
export function priorMargin(y: ArrayLike<number>, w: Float64Array, baseScore: number | undefined): number {
  let p = baseScore;
  if (p === undefined) {
    let pos = 0;
    let all = 0;
    for (let i = 0; i < y.length; i++) {
      pos += w[i] * y[i];
      all += w[i];
    }
    // Clamp so a one-class training set still gives a finite margin.
    p = Math.min(1 - 1e-6, Math.max(1e-6, pos / all));
  }
  return Math.log(p / (1 - p));
}

/**
 * Writes the gradient and hessian of the weighted log loss at each row's margin into records [from, to) of the
 * row store (float32, as XGBoost keeps them). Rows are looked up by the record's row id.
 */
export function writeGradients(
  store: RowStore,
  y: ArrayLike<number>,
  w: Float64Array,
  margin: Float64Array,
  from = 0,
  to = store.nRows,
): void {
  const { words, floats, stride } = store;
  for (let k = from, at = from * stride; k < to; k++, at += stride) {
    const r = words[at];
    const p = 1 / (1 + Math.exp(-margin[r]));
    floats[at + 1] = (p - y[r]) * w[r];
    floats[at + 2] = Math.max(p * (1 - p), MIN_HESSIAN) * w[r];
  }
}

/** Weighted mean log loss of margins against labels (the early-stopping score, XGBoost's `logloss`). */
export function meanLogLoss(y: ArrayLike<number>, w: Float64Array, margin: Float64Array): number {
  let sum = 0;
  let all = 0;
  for (let i = 0; i < y.length; i++) {
    const m = margin[i];
    // log(1 + e^-|m|) + max(-m, 0) or max(m, 0): the stable form of -log σ(±m).
    const softplus = Math.log1p(Math.exp(-Math.abs(m)));
    const loss = y[i] === 1 ? softplus + Math.max(-m, 0) : softplus + Math.max(m, 0);
    sum += w[i] * loss;
    all += w[i];
  }
  return sum / all;
}
