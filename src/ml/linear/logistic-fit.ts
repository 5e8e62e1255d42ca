/** fitLogistic: validates, builds the effective row weights, picks the solver and returns a LogisticModel. */

import { checkFinite, checkLabels, checkMatrix, checkWeights, MlShapeError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { lbfgsSolve } from './logistic-lbfgs.js';
import type { LogisticData } from './logistic-loss.js';
import type { LogisticModel } from './logistic-model.js';
import { type LogisticParams, resolveLogisticParams } from './logistic-params.js';
import { newtonSolve, type Penalty } from './newton.js';

/** Above this many features 'auto' switches from Newton (n·p² per pass) to L-BFGS (n·p per pass). */
const NEWTON_MAX_FEATURES = 200;

/**
 * Fits penalised logistic regression. Minimises Σ wᵢ·logloss(yᵢ, xᵢ) + (1/C)·R(w) as scikit-learn does, where wᵢ is
 * the sample weight times the class weight. Rows with a missing value are an error (impute first), never dropped.
 */
export function fitLogistic(X: Matrix, y: Uint8Array, params?: Partial<LogisticParams>, weights?: Float64Array): LogisticModel {
  const prm = resolveLogisticParams(params);
  checkMatrix('logistic', X);
  checkLabels('logistic', y, X.nRows);
  checkWeights('logistic', weights, X.nRows);
  const means = columnMeans(X);
  const n = X.nRows;
  const p = X.columns.length;
  const data: LogisticData = { columns: X.columns, nRows: n, y, weights: effectiveWeights(y, prm, weights) };
  const l1Share = prm.penalty === 'l1' ? 1 : prm.penalty === 'elasticnet' ? prm.l1Ratio : 0;
  const pen: Penalty = { l1: l1Share / prm.C, l2: (1 - l1Share) / prm.C, fitIntercept: prm.fitIntercept };
  const beta0 = new Float64Array(p + 1);
  if (prm.fitIntercept) beta0[p] = baseLogit(data);
  const useNewton = prm.solver === 'newton' || (prm.solver === 'auto' && (pen.l1 > 0 || p <= NEWTON_MAX_FEATURES));
  // The scales serve only the solvers that change variables: L-BFGS, and Newton's proximal step with an L1 term.
  const { beta, report } = useNewton
    ? newtonSolve(data, beta0, pen, prm.maxIter, prm.tol, {
        means,
        scales: pen.l1 > 0 ? columnScales(X, means) : new Float64Array(p).fill(1),
      })
    : lbfgsSolve(data, beta0, pen, means, columnScales(X, means), prm.maxIter, prm.tol);
  return {
    kind: 'logistic',
    nFeatures: p,
    coefficients: beta.slice(0, p),
    intercept: beta[p],
    featureMeans: means,
    params: prm,
    convergence: report,
  };
}

/** Sample weight × class weight; 'balanced' uses unweighted class counts, as scikit-learn does. */
function effectiveWeights(y: Uint8Array, prm: LogisticParams, sample?: Float64Array): Float64Array {
  const n = y.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  if (positives === 0 || positives === n)
    throw new MlShapeError(`logistic: y holds only class ${y[0]}; both classes are needed to fit`, { positives, rows: n });
  const cw = prm.classWeight;
  const w1 = cw === undefined ? 1 : cw === 'balanced' ? n / (2 * positives) : cw.positive;
  const w0 = cw === undefined ? 1 : cw === 'balanced' ? n / (2 * (n - positives)) : cw.negative;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (y[i] === 1 ? w1 : w0) * (sample ? sample[i] : 1);
  return out;
}

/** Log-odds of the weighted positive rate: the optimum of an intercept-only model, a good start. */
function baseLogit(data: LogisticData): number {
  let pos = 0;
  let all = 0;
  for (let i = 0; i < data.nRows; i++) {
    all += data.weights[i];
    pos += data.weights[i] * data.y[i];
  }
  const rate = Math.min(1 - 1e-12, Math.max(1e-12, pos / all));
  return Math.log(rate / (1 - rate));
}

/**
 * Unweighted column means. A NaN or infinite value makes its column's sum non-finite, and then checkFinite names the
 * first such value (so the values are read once here rather than once more for the check).
 */
function columnMeans(X: Matrix): Float64Array {
  const means = new Float64Array(X.columns.length);
  let finite = true;
  for (let j = 0; j < X.columns.length; j++) {
    const c = X.columns[j];
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i];
    if (!Number.isFinite(s)) finite = false;
    means[j] = s / c.length;
  }
  if (!finite) checkFinite('logistic', X);
  return means;
}

/** Unweighted column standard deviations (1 for a constant column). */
function columnScales(X: Matrix, means: Float64Array): Float64Array {
  return Float64Array.from(X.columns, (c, j) => {
    const mean = means[j];
    let v = 0;
    for (let i = 0; i < c.length; i++) v += (c[i] - mean) * (c[i] - mean);
    return v > 0 ? Math.sqrt(v / c.length) : 1;
  });
}
