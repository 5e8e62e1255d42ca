/** CART classifier: fit on 0/1 labels with optional sample weights, predict the positive-class probability. */

import { checkFeatureCount, checkLabels, checkMatrix, checkWeights } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { oneOf, type ParamRules, resolveParams } from '../params.js';
import { rng } from '../random.js';
import type { FlatTree } from './flat-tree.js';
import { TreeGrower } from './grow.js';
import { normaliseImportance } from './importance.js';
import { rankColumns } from './ranked-columns.js';
import { growSettings, type TreeShapeParams, treeShapeRules } from './tree-params.js';
import { sumTreeValues } from './tree-predict.js';

/** Decision-tree hyper-parameters (scikit-learn's DecisionTreeClassifier, camelCase). */
export interface DecisionTreeParams extends TreeShapeParams {
  criterion: 'gini' | 'entropy';
}

/** scikit-learn's defaults: Gini, grown until pure, all features at every node. */
export const decisionTreeDefaults: DecisionTreeParams = {
  criterion: 'gini',
  maxDepth: undefined,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  minImpurityDecrease: 0,
  maxFeatures: 'all',
  seed: 0,
};

const rules: ParamRules<DecisionTreeParams> = { ...treeShapeRules, criterion: oneOf('gini', 'entropy') };

/** A fitted CART classifier. Leaf value = P(y = 1) of the training rows in the leaf; cover = their weight. */
export interface DecisionTreeModel {
  kind: 'decision-tree';
  nFeatures: number;
  params: DecisionTreeParams;
  tree: FlatTree;
  /** Weighted impurity decrease per feature, normalised to sum to 1 (all zero for a single-leaf tree). */
  featureImportance: Float64Array;
}

/** Defaults merged with `given`, validated; throws MlParamError naming the bad value. */
export function resolveDecisionTreeParams(given?: Partial<DecisionTreeParams>): DecisionTreeParams {
  return resolveParams('decision_tree', decisionTreeDefaults, given, rules);
}

/**
 * Fits a CART classifier by exact greedy search. Missing values (NaN) are routed by a direction learned at every
 * split. Rows of weight 0 take no part in the fit.
 */
export function fitDecisionTree(
  X: Matrix,
  y: ArrayLike<number>,
  params?: Partial<DecisionTreeParams>,
  weights?: ArrayLike<number>,
): DecisionTreeModel {
  const prm = resolveDecisionTreeParams(params);
  checkMatrix('decision_tree', X);
  checkLabels('decision_tree', y, X.nRows);
  checkWeights('decision_tree', weights, X.nRows);
  const n = X.nRows;
  const w = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    w[i] = weights ? weights[i] : 1;
    t[i] = w[i] * y[i];
  }
  const settings = growSettings('decision_tree', prm.criterion, prm, X.columns.length);
  const grown = new TreeGrower(rankColumns(X)).grow(w, t, settings, rng(prm.seed));
  return {
    kind: 'decision-tree',
    nFeatures: X.columns.length,
    params: prm,
    tree: grown.tree,
    featureImportance: normaliseImportance(grown.importance),
  };
}

/** P(y = 1) of every row. Throws MlShapeError on a wrong feature count. */
export function decisionTreeProba(model: DecisionTreeModel, X: Matrix): Float64Array {
  checkFeatureCount('decision_tree', X, model.nFeatures);
  return sumTreeValues([model.tree], X, 1, 0, 1);
}
