/**
 * (Proximal) Newton for penalised logistic regression. With an L2 penalty each step solves (H + λ₂I) d = −g by
 * Cholesky. With an L1 term the step minimises the local quadratic model plus λ₁‖w‖₁ by coordinate descent over
 * the (p+1)² Hessian (the newGLMNET / proximal-Newton scheme, see proximal-step.ts), then a line search on the
 * true objective.
 */

import { choleskySolve } from './cholesky.js';
import { type LogisticData, logisticGradient, logisticHessian, logisticPoint } from './logistic-loss.js';
import type { ConvergenceReport } from './logistic-model.js';
import { type FeatureFrame, proximalStep } from './proximal-step.js';

/** A step on a Hessian from an earlier point is kept only while each one cuts the gradient by this factor. */
const CHORD_GAIN = 0.1;

/** The penalty λ₁‖w‖₁ + λ₂/2‖w‖² on the coefficients (never the intercept); fitIntercept=false pins it at 0. */
export interface Penalty {
  l1: number;
  l2: number;
  fitIntercept: boolean;
}

/** Penalty value at β (intercept at index p excluded). */
export function penaltyValue(beta: Float64Array, pen: Penalty): number {
  let a = 0;
  let s = 0;
  for (let j = 0; j < beta.length - 1; j++) {
    a += Math.abs(beta[j]);
    s += beta[j] * beta[j];
  }
  return pen.l1 * a + 0.5 * pen.l2 * s;
}

/** max over coordinates of the minimum-norm subgradient of loss + penalty, given the loss gradient g. */
export function optimality(beta: Float64Array, g: Float64Array, pen: Penalty): number {
  const p = beta.length - 1;
  let worst = pen.fitIntercept ? Math.abs(g[p]) : 0;
  for (let j = 0; j < p; j++) {
    const gj = g[j] + pen.l2 * beta[j];
    const v = beta[j] !== 0 ? Math.abs(gj + pen.l1 * Math.sign(beta[j])) : Math.max(0, Math.abs(gj) - pen.l1);
    if (v > worst) worst = v;
  }
  return worst;
}

/** Minimises loss(β) + penalty(β) from beta0; returns the coefficients and a convergence report. */
export function newtonSolve(
  data: LogisticData,
  beta0: Float64Array,
  pen: Penalty,
  maxIter: number,
  tol: number,
  frame: FeatureFrame,
): { beta: Float64Array; report: ConvergenceReport } {
  const m = beta0.length;
  let totalWeight = 0;
  for (let i = 0; i < data.nRows; i++) totalWeight += data.weights[i];
  let beta: Float64Array = new Float64Array(beta0);
  // The loss, gradient and Hessian are separate steps (logistic-loss.ts): a trial point of the line search costs its
  // loss only, and the Hessian refreshed at the current point reuses the row weights its loss pass left.
  let point = logisticPoint(data, beta);
  let g = new Float64Array(m);
  let H = new Float64Array(m * m);
  logisticGradient(data, point, g);
  logisticHessian(data, point, H);
  let iterations = 0;
  let converged = false;
  let hessianCurrent = true;
  let previousOpt = Number.POSITIVE_INFINITY;
  for (;;) {
    const F = point.loss + penaltyValue(beta, pen);
    const opt = optimality(beta, g, pen) / totalWeight;
    if (opt <= tol) converged = true;
    if (converged || iterations >= maxIter) break;
    // A step on an older Hessian (below) must still cut the gradient tenfold; if it did not, the Hessian here.
    if (!hessianCurrent && opt > CHORD_GAIN * previousOpt) {
      logisticHessian(data, point, H);
      hessianCurrent = true;
    }
    const d = newtonStep(beta, g, H, pen, frame);
    const delta = descent(beta, d, g, pen);
    if (!(delta < 0)) break; // no descent left at this precision
    iterations++;
    // The Hessian (n·p²/2 of a pass's n·p²/2 + 2·n·p work) is skipped at the next point when Newton is converging
    // fast: once a step has cut the gradient tenfold, or the gradient is below √tol, the Hessian barely changes any
    // more, and a step on this one still converges (each such step must cut the gradient tenfold, or H is refreshed).
    const lazy = opt <= CHORD_GAIN * previousOpt || opt <= Math.sqrt(tol);
    previousOpt = opt;
    let t = 1;
    let cand = axpy(beta, t, d);
    let candPoint = logisticPoint(data, cand);
    // The slack absorbs rounding in F: near the optimum the predicted decrease falls below F's last digits.
    const slack = 1e-13 * Math.abs(F);
    while (candPoint.loss + penaltyValue(cand, pen) > F + 1e-4 * t * delta + slack && t > 1e-10) {
      t /= 2;
      cand = axpy(beta, t, d);
      candPoint = logisticPoint(data, cand);
    }
    if (!(t > 1e-10)) break; // the line search failed: keep the last point
    beta = cand;
    point = candPoint;
    g = new Float64Array(m);
    logisticGradient(data, point, g);
    if (!lazy) {
      H = new Float64Array(m * m);
      logisticHessian(data, point, H);
    }
    hessianCurrent = !lazy;
  }
  const gradientNorm = optimality(beta, g, pen) / totalWeight;
  const objective = point.loss + penaltyValue(beta, pen);
  return { beta, report: { solver: 'newton', iterations, gradientNorm, converged, objective } };
}

function axpy(beta: Float64Array, t: number, d: Float64Array): Float64Array {
  const out = new Float64Array(beta.length);
  for (let j = 0; j < beta.length; j++) out[j] = beta[j] + t * d[j];
  return out;
}

/** gᵀd plus the change of the L1 term: the predicted decrease the Armijo test compares against. */
function descent(beta: Float64Array, d: Float64Array, g: Float64Array, pen: Penalty): number {
  const p = beta.length - 1;
  let s = 0;
  for (let j = 0; j <= p; j++) s += (g[j] + (j < p ? pen.l2 * beta[j] : 0)) * d[j];
  if (pen.l1 > 0) for (let j = 0; j < p; j++) s += pen.l1 * (Math.abs(beta[j] + d[j]) - Math.abs(beta[j]));
  return s;
}

/** The full symmetric penalised Hessian and gradient, with the intercept pinned when it is not fitted. */
function penalised(
  beta: Float64Array,
  g: Float64Array,
  Hlower: Float64Array,
  pen: Penalty,
): { G: Float64Array; H: Float64Array } {
  const m = beta.length;
  const p = m - 1;
  const H = new Float64Array(m * m);
  const G = new Float64Array(g);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      H[i * m + j] = Hlower[i * m + j];
      H[j * m + i] = Hlower[i * m + j];
    }
  for (let j = 0; j < p; j++) {
    H[j * m + j] += pen.l2;
    G[j] += pen.l2 * beta[j];
  }
  if (!pen.fitIntercept) {
    for (let j = 0; j < m; j++) {
      H[p * m + j] = 0;
      H[j * m + p] = 0;
    }
    H[p * m + p] = 1;
    G[p] = 0;
  }
  return { G, H };
}

function newtonStep(beta: Float64Array, g: Float64Array, Hlower: Float64Array, pen: Penalty, frame: FeatureFrame): Float64Array {
  const { G, H } = penalised(beta, g, Hlower, pen);
  const m = beta.length;
  if (pen.l1 > 0) return proximalStep(beta, G, H, pen.l1, pen.fitIntercept ? frame.means : new Float64Array(m - 1), frame.scales);
  const minusG = G.map((v) => -v);
  let trace = 0;
  for (let j = 0; j < m; j++) trace += H[j * m + j];
  // A ridge only when H is singular (a constant column with λ₂ = 0): grows until Cholesky succeeds.
  for (let ridge = 0; ; ridge = ridge === 0 ? 1e-12 * (trace / m + 1) : ridge * 100) {
    const A = new Float64Array(H);
    for (let j = 0; j < m; j++) A[j * m + j] += ridge;
    const d = choleskySolve(A, minusG, m);
    if (d) return d;
  }
}
