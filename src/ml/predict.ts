/** The one prediction entry point: an exhaustive switch over the closed union of classifier models. */

import { predictMargin as histBoostingMargin, predictHistBoostingProba } from './boost/predictor.js';
import { MlShapeError } from './errors.js';
import { randomForestProba } from './forest/random-forest.js';
import { gradientBoostingMargin, gradientBoostingProba } from './gbm/gradient-boosting.js';
import { logisticMargin, logisticProba } from './linear/logistic-model.js';
import type { Matrix } from './matrix.js';
import type { ClassifierModel } from './model.js';
import { decisionTreeProba } from './tree/decision-tree.js';

/** P(churn) for every row of X. Throws MlShapeError when X does not have the model's features. */
export function predictProba(model: ClassifierModel, X: Matrix): Float64Array {
  const kind = model.kind;
  switch (kind) {
    case 'logistic':
      return logisticProba(model, X);
    case 'decision-tree':
      return decisionTreeProba(model, X);
    case 'random-forest':
      return randomForestProba(model, X);
    case 'gradient-boosting':
      return gradientBoostingProba(model, X);
    case 'hist_boosting':
      return predictHistBoostingProba(model, X);
    default:
      return unknownKind(kind);
  }
}

/**
 * The model's raw score on its own scale for every row: log-odds for logistic regression and boosting
 * (the scale SHAP values add up to); the probability itself for a decision tree and a random forest, whose
 * TreeSHAP values add up on the probability scale.
 */
export function predictMargin(model: ClassifierModel, X: Matrix): Float64Array {
  const kind = model.kind;
  switch (kind) {
    case 'logistic':
      return logisticMargin(model, X);
    case 'decision-tree':
      return decisionTreeProba(model, X);
    case 'random-forest':
      return randomForestProba(model, X);
    case 'gradient-boosting':
      return gradientBoostingMargin(model, X);
    case 'hist_boosting':
      return histBoostingMargin(model, X);
    default:
      return unknownKind(kind);
  }
}

/** Compile-time exhaustiveness (a new kind without a case fails tsc); at run time a model from a foreign file. */
function unknownKind(kind: never): never {
  throw new MlShapeError(`unknown model kind ${JSON.stringify(kind)}`);
}
