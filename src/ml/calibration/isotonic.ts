/**
 * Isotonic calibration: the non-decreasing step function closest to y in weighted least squares (pool adjacent
 * violators), predicted by linear interpolation between its points and clipped outside the fitted range —
 * scikit-learn's IsotonicRegression(out_of_bounds='clip').
 */

import { checkScores, checkWeights, MlShapeError } from '../errors.js';

/** A fitted isotonic map: increasing x knots with non-decreasing y values. */
export interface IsotonicCalibrator {
  kind: 'isotonic';
  x: Float64Array;
  y: Float64Array;
}

/** Fits the isotonic map of y (labels or any targets) on scores x. Rows with weight 0 are ignored. */
export function fitIsotonic(x: ArrayLike<number>, y: ArrayLike<number>, weights?: ArrayLike<number>): IsotonicCalibrator {
  const n = x.length;
  checkScores('isotonic', x, n);
  checkScores('isotonic', y, n);
  checkWeights('isotonic', weights, n);
  const rows = Array.from({ length: n }, (_, i) => i).filter((i) => (weights ? weights[i] : 1) > 0);
  rows.sort((i, j) => x[i] - x[j] || y[i] - y[j]);
  // Equal x values become one point: weighted mean of y, summed weight.
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (const i of rows) {
    const w = weights ? weights[i] : 1;
    const last = ux.length - 1;
    if (last >= 0 && ux[last] === x[i]) {
      uy[last] += w * y[i];
      uw[last] += w;
    } else {
      ux.push(x[i]);
      uy.push(w * y[i]);
      uw.push(w);
    }
  }
  for (let k = 0; k < ux.length; k++) uy[k] /= uw[k];
  const fitted = poolAdjacentViolators(uy, uw);
  // Keep the ends and every point that is not in the middle of a flat run: the interpolation is unchanged.
  const keep = fitted.map((v, k) => k === 0 || k === fitted.length - 1 || v !== fitted[k - 1] || v !== fitted[k + 1]);
  return {
    kind: 'isotonic',
    x: Float64Array.from(ux.filter((_, k) => keep[k])),
    y: Float64Array.from(fitted.filter((_, k) => keep[k])),
  };
}

/** Weighted PAV: the non-decreasing sequence minimising Σ wₖ(fₖ − yₖ)². */
export function poolAdjacentViolators(y: readonly number[], w: readonly number[]): number[] {
  const mean: number[] = [];
  const weight: number[] = [];
  const size: number[] = [];
  for (let k = 0; k < y.length; k++) {
    mean.push(y[k]);
    weight.push(w[k]);
    size.push(1);
    while (mean.length > 1 && mean[mean.length - 2] > mean[mean.length - 1]) {
      const wb = weight.pop()!;
      const mb = mean.pop()!;
      const sb = size.pop()!;
      const top = mean.length - 1;
      const wt = weight[top] + wb;
      mean[top] = (mean[top] * weight[top] + mb * wb) / wt;
      weight[top] = wt;
      size[top] += sb;
    }
  }
  return mean.flatMap((m, b) => Array<number>(size[b]).fill(m));
}

/** Calibrated values: linear interpolation between knots, clipped to the end values outside them. */
export function applyIsotonic(model: IsotonicCalibrator, scores: ArrayLike<number>): Float64Array {
  checkScores('isotonic', scores, scores.length);
  const { x, y } = model;
  if (x.length === 0) throw new MlShapeError('isotonic: the calibrator has no knots');
  const out = new Float64Array(scores.length);
  for (let i = 0; i < out.length; i++) {
    const s = scores[i];
    if (s <= x[0]) out[i] = y[0];
    else if (s >= x[x.length - 1]) out[i] = y[y.length - 1];
    else {
      let lo = 0;
      let hi = x.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (x[mid] <= s) lo = mid;
        else hi = mid;
      }
      out[i] = y[lo] + ((s - x[lo]) * (y[hi] - y[lo])) / (x[hi] - x[lo]);
    }
  }
  return out;
}
