/** TreeSHAP for churnlab's tree models: each model seen as an additive tree ensemble on its own output scale. */

import type { HistBoostingModel } from '../boost/model.js';
import { checkFeatureCount } from '../errors.js';
import type { RandomForestModel } from '../forest/random-forest.js';
import type { GradientBoostingModel } from '../gbm/gradient-boosting.js';
import type { Matrix } from '../matrix.js';
import type { DecisionTreeModel } from '../tree/decision-tree.js';
import type { TreeEnsemble, TreeShapExplanation } from './tree-shap-ensemble.js';
import { treeShapEnsemble } from './tree-shap-parallel.js';

/** The tree models TreeSHAP explains directly. */
export type TreeModel = DecisionTreeModel | RandomForestModel | GradientBoostingModel | HistBoostingModel;

/**
 * The additive view of a tree model: a decision tree and a forest (mean of trees) on the probability scale; classic
 * and histogram gradient boosting on the margin (log-odds) scale, the initial log-odds as offset.
 */
export function treeEnsembleOf(model: TreeModel): TreeEnsemble {
  const kind = model.kind;
  switch (kind) {
    case 'decision-tree':
      return { trees: [model.tree], scale: 1, offset: 0, nFeatures: model.nFeatures, unit: 'probability' };
    case 'random-forest':
      return { trees: model.trees, scale: 1 / model.trees.length, offset: 0, nFeatures: model.nFeatures, unit: 'probability' };
    case 'gradient-boosting':
      return { trees: model.trees, scale: 1, offset: model.init, nFeatures: model.nFeatures, unit: 'log-odds' };
    case 'hist_boosting':
      return { trees: model.trees, scale: 1, offset: model.baseMargin, nFeatures: model.nFeatures, unit: 'log-odds' };
    default:
      return kind satisfies never;
  }
}

/**
 * Exact path-dependent SHAP values of every row of X. baseValue + Σ_f values[row·nFeatures + f] equals the model's
 * output for the row: P(y=1) for 'decision-tree' and 'random-forest', the margin (log-odds) for 'gradient-boosting'
 * and 'hist_boosting'.
 * nThreads: 1 = this thread, 2+ = that many, 0 = two when the job is large (identical values either way).
 */
export function treeShap(model: TreeModel, X: Matrix, nThreads = 0): TreeShapExplanation {
  checkFeatureCount('treeShap', X, model.nFeatures);
  return treeShapEnsemble(treeEnsembleOf(model), X, nThreads);
}
