/**
 * Platt scaling: P(y = 1 | f) = 1 / (1 + exp(a·f + b)) fitted by maximum likelihood on Platt's smoothed targets
 * (y = 1 → (N₊ + 1)/(N₊ + 2), y = 0 → 1/(N₋ + 2)), solved by Newton's method with backtracking (Lin, Lin & Weng 2007).
 */

import { checkLabels, checkScores, checkWeights } from '../errors.js';
import { softplus } from '../linear/logistic-loss.js';

/** A fitted Platt scaler, sign convention as scikit-learn's _sigmoid_calibration (a < 0 for a useful score). */
export interface PlattCalibrator {
  kind: 'platt';
  a: number;
  b: number;
}

/** Fits a and b on scores f (margins or probabilities) and labels y, optionally weighted. */
export function fitPlatt(scores: ArrayLike<number>, y: ArrayLike<number>, weights?: ArrayLike<number>): PlattCalibrator {
  const n = y.length;
  checkLabels('platt', y, n);
  checkScores('platt', scores, n);
  checkWeights('platt', weights, n);
  let prior1 = 0;
  let prior0 = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] === 1) prior1 += weights ? weights[i] : 1;
    else prior0 += weights ? weights[i] : 1;
  }
  const hi = (prior1 + 1) / (prior1 + 2);
  const lo = 1 / (prior0 + 2);
  const loss = (a: number, b: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = a * scores[i] + b;
      const t = y[i] === 1 ? hi : lo;
      s += (weights ? weights[i] : 1) * (t * softplus(z) + (1 - t) * softplus(-z));
    }
    return s;
  };
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  let f = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12; // Lin et al.'s tiny ridge keeps the 2×2 system solvable for constant scores
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      const fi = scores[i];
      const p = 1 / (1 + Math.exp(a * fi + b));
      const r = w * ((y[i] === 1 ? hi : lo) - p);
      const h = w * p * (1 - p);
      ga += r * fi;
      gb += r;
      haa += h * fi * fi;
      hab += h * fi;
      hbb += h;
    }
    if (Math.max(Math.abs(ga), Math.abs(gb)) <= 1e-12 * (prior0 + prior1)) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    const slope = ga * da + gb * db;
    let t = 1;
    while (t > 1e-10 && loss(a + t * da, b + t * db) > f + 1e-4 * t * slope + 1e-13 * Math.abs(f)) t /= 2;
    if (t <= 1e-10) break;
    a += t * da;
    b += t * db;
    f = loss(a, b);
  }
  return { kind: 'platt', a, b };
}

/** Calibrated probabilities for scores on the scale the scaler was fitted on. */
export function applyPlatt(model: PlattCalibrator, scores: ArrayLike<number>): Float64Array {
  checkScores('platt', scores, scores.length);
  const out = new Float64Array(scores.length);
  for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(model.a * scores[i] + model.b));
  return out;
}
