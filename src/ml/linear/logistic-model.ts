/** The fitted logistic-regression model (a plain serialisable value) and its prediction on the margin and probability scales. */

import { checkFeatureCount, MlShapeError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import type { LogisticParams } from './logistic-params.js';

/** How the solver ended: a model that did not converge still predicts, but says so. */
export interface ConvergenceReport {
  solver: 'newton' | 'lbfgs';
  /** Newton or L-BFGS iterations taken (each costs one pass over the rows, plus rare line-search passes). */
  iterations: number;
  /** max |∂objective/∂β| / (sum of weights) at the returned coefficients (minimum-norm subgradient with L1). */
  gradientNorm: number;
  converged: boolean;
  /** Weighted log loss + penalty at the returned coefficients. */
  objective: number;
}

/** A fitted logistic regression: margin = intercept + Σ coefficients[j]·x[j], probability = 1 / (1 + e^−margin). */
export interface LogisticModel {
  kind: 'logistic';
  nFeatures: number;
  coefficients: Float64Array;
  intercept: number;
  /** Unweighted means of the training features: the default background for linear SHAP. */
  featureMeans: Float64Array;
  params: LogisticParams;
  convergence: ConvergenceReport;
}

/** The margin (log-odds) of every row. Throws MlShapeError on a wrong feature count or a missing value. */
export function logisticMargin(model: LogisticModel, X: Matrix): Float64Array {
  checkFeatureCount('logistic', X, model.nFeatures);
  const out = new Float64Array(X.nRows).fill(model.intercept);
  for (let j = 0; j < X.columns.length; j++) addScaled(out, X.columns[j], model.coefficients[j]);
  for (let i = 0; i < out.length; i++) if (out[i] - out[i] !== 0) throw missingAt(X, i); // NaN or ±∞ in some feature
  return out;
}

/** P(y = 1) of every row. */
export function logisticProba(model: LogisticModel, X: Matrix): Float64Array {
  const z = logisticMargin(model, X);
  for (let i = 0; i < z.length; i++) z[i] = 1 / (1 + Math.exp(-z[i]));
  return z;
}

function addScaled(out: Float64Array, col: ArrayLike<number>, w: number): void {
  for (let i = 0; i < out.length; i++) out[i] += w * col[i];
}

function missingAt(X: Matrix, row: number): MlShapeError {
  const column = X.columns.findIndex((c) => c[row] - c[row] !== 0);
  if (column < 0) return new MlShapeError(`logistic: the margin of row ${row} overflows; check the feature scale`, { row });
  const value = X.columns[column][row];
  return new MlShapeError(`logistic: feature ${column} is ${value} at row ${row}; impute missing values first`, { row, column });
}
