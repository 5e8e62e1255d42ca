/**
 * Exact SHAP values of a linear model on the margin (log-odds) scale, assuming independent features
 * (interventional = observational for a linear margin): φⱼ = wⱼ·(xⱼ − E[xⱼ]) against a background mean.
 */

import { checkFeatureCount, MlShapeError } from '../errors.js';
import type { LogisticModel } from '../linear/logistic-model.js';
import { logisticMargin } from '../linear/logistic-model.js';
import type { Matrix } from '../matrix.js';

/** Per-row feature contributions; baseValue + Σⱼ values[i·nFeatures + j] equals the model's margin of row i. */
export interface ShapExplanation {
  /** The scale the numbers are on: log-odds (margin), never probability. */
  unit: 'log-odds';
  /** The model's margin at the background mean (the expected margin, by linearity). */
  baseValue: number;
  nRows: number;
  nFeatures: number;
  /** nRows × nFeatures, row-major: one customer's explanation is a contiguous slice. */
  values: Float64Array;
}

/**
 * SHAP values of every row of X. The background defaults to the training means stored in the model; pass the
 * means of another reference population to explain against it.
 */
export function linearShap(model: LogisticModel, X: Matrix, background: Float64Array = model.featureMeans): ShapExplanation {
  checkFeatureCount('linearShap', X, model.nFeatures);
  const p = model.nFeatures;
  if (background.length !== p)
    throw new MlShapeError(`linearShap: background has ${background.length} means, model has ${p} features`);
  let baseValue = model.intercept;
  for (let j = 0; j < p; j++) baseValue += model.coefficients[j] * background[j];
  logisticMargin(model, X); // rejects missing values with the row and column named
  const n = X.nRows;
  const values = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const col = X.columns[j];
    const w = model.coefficients[j];
    const mean = background[j];
    for (let i = 0; i < n; i++) values[i * p + j] = w * (col[i] - mean);
  }
  return { unit: 'log-odds', baseValue, nRows: n, nFeatures: p, values };
}
