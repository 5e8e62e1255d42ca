/** Binary log loss on the margin (log-odds) scale: gradients, hessians, the prior margin, the validation score. */

import { BINS_AT, GRAD, HESS, MARGIN, ROW, type RowStore, WEIGHT } from './row-store.js';

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
 * Adds `delta` to the margin of records [start, end) of store buffer b and rewrites their log-loss gradient
 * (p − y)·w and hessian max(p(1 − p), floor)·w, reading label and weight from the record (float32, as XGBoost).
 */
export function updateRecords(store: RowStore, b: number, start: number, end: number, delta: number): void {
  const words = store.words[b];
  const floats = store.floats[b];
  const { stride } = store;
  for (let at = start * stride, stop = end * stride; at < stop; at += stride) {
    const m = Math.fround(floats[at + MARGIN] + delta);
    const p = 1 / (1 + Math.exp(-m));
    const w = floats[at + WEIGHT];
    floats[at + MARGIN] = m;
    floats[at + GRAD] = (p - (words[at + ROW] >>> 31)) * w;
    floats[at + HESS] = Math.max(p * (1 - p), MIN_HESSIAN) * w;
  }
}

/** updateRecords for a split whose two leaves were never partitioned: each record's delta follows route[bin of group]. */
export function updateRecordsByRoute(
  store: RowStore,
  b: number,
  start: number,
  end: number,
  group: number,
  route: Uint8Array,
  leftDelta: number,
  rightDelta: number,
): void {
  const words = store.words[b];
  const floats = store.floats[b];
  const bytes = store.bytes[b];
  const { stride } = store;
  const binByte = BINS_AT + group;
  for (let at = start * stride, stop = end * stride; at < stop; at += stride) {
    const delta = route[bytes[at * 4 + binByte]] === 1 ? leftDelta : rightDelta;
    const m = Math.fround(floats[at + MARGIN] + delta);
    const p = 1 / (1 + Math.exp(-m));
    const w = floats[at + WEIGHT];
    floats[at + MARGIN] = m;
    floats[at + GRAD] = (p - (words[at + ROW] >>> 31)) * w;
    floats[at + HESS] = Math.max(p * (1 - p), MIN_HESSIAN) * w;
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
