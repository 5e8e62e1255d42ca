/** Scores of probabilities themselves: log loss and Brier score (weighted means). */

import { MlShapeError } from '../errors.js';
import { checkMetricInputs } from './ranking.js';

/** Probabilities are clipped to [ε, 1 − ε] with ε = 2⁻⁵², scikit-learn's float64 default. */
const EPS = Number.EPSILON;

function checkProbabilities(metric: string, y: ArrayLike<number>, p: ArrayLike<number>, weights?: ArrayLike<number>): void {
  checkMetricInputs(metric, y, p, weights);
  for (let i = 0; i < p.length; i++)
    if (p[i] < 0 || p[i] > 1) throw new MlShapeError(`${metric}: probability at row ${i} is ${p[i]}, outside [0, 1]`, { row: i });
}

/** Mean negative log-likelihood −[y·ln p + (1 − y)·ln(1 − p)]. */
export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>, weights?: ArrayLike<number>): number {
  checkProbabilities('logLoss', y, p, weights);
  let total = 0;
  let wsum = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - EPS, Math.max(EPS, p[i]));
    const w = weights ? weights[i] : 1;
    total -= w * (y[i] === 1 ? Math.log(q) : Math.log(1 - q));
    wsum += w;
  }
  return total / wsum;
}

/** Mean squared error of the probability: (p − y)². */
export function brierScore(y: ArrayLike<number>, p: ArrayLike<number>, weights?: ArrayLike<number>): number {
  checkProbabilities('brierScore', y, p, weights);
  let total = 0;
  let wsum = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights ? weights[i] : 1;
    total += w * (p[i] - y[i]) ** 2;
    wsum += w;
  }
  return total / wsum;
}
