/**
 * L-BFGS for L2 logistic regression on many features. It runs on internally centred and scaled features
 * (a change of variables, not of the problem: the penalty stays on the original coefficients), because
 * quasi-Newton methods converge far faster on a well-conditioned problem.
 */

import { lbfgs } from './lbfgs.js';
import { type LogisticData, logisticPass } from './logistic-loss.js';
import type { ConvergenceReport } from './logistic-model.js';
import { type Penalty, penaltyValue } from './newton.js';

/** Minimises loss(β) + λ₂/2‖w‖² from beta0 (intercept at index p). */
export function lbfgsSolve(
  data: LogisticData,
  beta0: Float64Array,
  pen: Penalty,
  means: Float64Array,
  scales: Float64Array,
  maxIter: number,
  tol: number,
): { beta: Float64Array; report: ConvergenceReport } {
  const p = data.columns.length;
  const m = p + 1;
  const mu = pen.fitIntercept ? means : new Float64Array(p);
  let totalWeight = 0;
  for (let i = 0; i < data.nRows; i++) totalWeight += data.weights[i];
  const toBeta = (v: Float64Array): Float64Array => {
    const beta = new Float64Array(m);
    let b = v[p];
    for (let j = 0; j < p; j++) {
      beta[j] = v[j] / scales[j];
      b -= beta[j] * mu[j];
    }
    beta[p] = pen.fitIntercept ? b : 0;
    return beta;
  };
  const G = new Float64Array(m);
  let lastNorm = Number.POSITIVE_INFINITY;
  const objective = (v: Float64Array, grad: Float64Array): number => {
    const beta = toBeta(v);
    const loss = logisticPass(data, beta, G);
    for (let j = 0; j < p; j++) G[j] += pen.l2 * beta[j];
    if (!pen.fitIntercept) G[p] = 0;
    lastNorm = 0;
    for (let j = 0; j < m; j++) lastNorm = Math.max(lastNorm, Math.abs(G[j]));
    lastNorm /= totalWeight;
    for (let j = 0; j < p; j++) grad[j] = (G[j] - mu[j] * G[p]) / scales[j];
    grad[p] = G[p];
    return loss + penaltyValue(beta, pen);
  };
  const v0 = new Float64Array(m);
  for (let j = 0; j < p; j++) {
    v0[j] = beta0[j] * scales[j];
    v0[p] += beta0[j] * mu[j];
  }
  v0[p] += beta0[p];
  const result = lbfgs(objective, v0, () => lastNorm <= tol, maxIter);
  const beta = toBeta(result.x);
  objective(result.x, new Float64Array(m)); // re-evaluate at the returned point: the last call may be a rejected trial
  const gradientNorm = lastNorm;
  return {
    beta,
    report: {
      solver: 'lbfgs',
      iterations: result.iterations,
      gradientNorm,
      converged: gradientNorm <= tol,
      objective: result.value,
    },
  };
}
