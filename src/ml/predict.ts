/** The one prediction entry point: an exhaustive switch over the closed union of classifier models. */

import { MlShapeError } from './errors.js';
import { logisticMargin, logisticProba } from './linear/logistic-model.js';
import type { Matrix } from './matrix.js';
import type { ClassifierModel } from './model.js';

/** P(churn) for every row of X. Throws MlShapeError when X does not have the model's features. */
export function predictProba(model: ClassifierModel, X: Matrix): Float64Array {
  const kind = model.kind;
  switch (kind) {
    case 'logistic':
      return logisticProba(model, X);
    default:
      return unknownKind(kind);
  }
}

/**
 * The model's raw score on its own scale for every row: log-odds for logistic regression and boosting
 * (the scale SHAP values add up to).
 */
export function predictMargin(model: ClassifierModel, X: Matrix): Float64Array {
  const kind = model.kind;
  switch (kind) {
    case 'logistic':
      return logisticMargin(model, X);
    default:
      return unknownKind(kind);
  }
}

/** Compile-time exhaustiveness (a new kind without a case fails tsc); at run time a model from a foreign file. */
function unknownKind(kind: never): never {
  throw new MlShapeError(`unknown model kind ${JSON.stringify(kind)}`);
}
