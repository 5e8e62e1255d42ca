/** Classic gradient boosting for churn (log loss): regression trees on residuals, Newton leaves, shrinkage, subsampling. */

import { checkFeatureCount, checkLabels, checkMatrix, checkPresorted, checkWeights, MlShapeError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { rng } from '../random.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { TreeGrower } from '../tree/grow.js';
import { normaliseImportance } from '../tree/importance.js';
import { type RankedColumns, rankColumns } from '../tree/ranked-columns.js';
import { growSettings } from '../tree/tree-params.js';
import { addTreeValues, sumTreeValues } from '../tree/tree-predict.js';
import { type GradientBoostingParams, resolveGradientBoostingParams } from './gbm-params.js';
import { setNewtonLeaves } from './newton-leaves.js';

/**
 * A fitted gradient-boosting classifier: margin (log-odds) = init + Σ_t leaf value of tree t; P(y=1) = sigmoid(margin).
 * Leaf values already include the learning rate; covers are hessian sums Σ w·p(1−p) of the rows each tree was fitted on.
 */
export interface GradientBoostingModel {
  kind: 'gradient-boosting';
  nFeatures: number;
  params: GradientBoostingParams;
  /** The log-odds of the weighted training prior. */
  init: number;
  trees: FlatTree[];
  /** Squared-error decrease per feature summed over trees (each per unit of its sample weight), normalised (as scikit-learn). */
  featureImportance: Float64Array;
  /** Weighted mean log loss of the rows each tree was fitted on, after adding that tree (scikit-learn's train_score_). */
  trainLoss: Float64Array;
}

/**
 * Fits gradient boosting on 0/1 labels. Missing values (NaN) are routed by a direction learned at every split.
 * `presorted` = rankColumns(X), when the caller fits the same X several times (a search); the same model either way.
 */
export function fitGradientBoosting(
  X: Matrix,
  y: ArrayLike<number>,
  params?: Partial<GradientBoostingParams>,
  weights?: ArrayLike<number>,
  presorted?: RankedColumns,
): GradientBoostingModel {
  const prm = resolveGradientBoostingParams(params);
  checkMatrix('gradient_boosting', X);
  checkLabels('gradient_boosting', y, X.nRows);
  checkWeights('gradient_boosting', weights, X.nRows);
  const n = X.nRows;
  const baseWeight = Float64Array.from({ length: n }, (_, i) => (weights ? weights[i] : 1));
  const init = priorLogOdds(y, baseWeight);
  checkPresorted('gradient_boosting', X, presorted);
  const grower = new TreeGrower(presorted ?? rankColumns(X));
  const settings = growSettings('gradient_boosting', 'mse', prm, X.columns.length);
  const rand = rng(prm.seed);
  const margin = new Float64Array(n).fill(init);
  const proba = new Float64Array(n);
  const weight = new Float64Array(n);
  const target = new Float64Array(n);
  const leafOf = new Int32Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const inBag = Math.max(1, Math.floor(prm.subsample * n));
  const trees: FlatTree[] = [];
  const importances: Float64Array[] = [];
  const trainLoss = new Float64Array(prm.nEstimators);
  for (let m = 0; m < prm.nEstimators; m++) {
    if (inBag < n) drawSubsample(rand, order, inBag, baseWeight, weight);
    else weight.set(baseWeight);
    for (let i = 0; i < n; i++) {
      proba[i] = sigmoid(margin[i]);
      target[i] = weight[i] * (y[i] - proba[i]);
    }
    const grown = grower.grow(weight, target, settings, rand, leafOf);
    const treeWeight = grown.tree.cover[0];
    setNewtonLeaves(grown.tree, leafOf, weight, y, proba, prm.learningRate);
    addTreeValues(grown.tree, X.columns, margin);
    trees.push(grown.tree);
    // scikit-learn sums the decreases per unit of each tree's row weight, and normalises once at the end.
    importances.push(grown.importance.map((v) => v / treeWeight));
    trainLoss[m] = logLossOf(y, margin, weight);
  }
  const importance = new Float64Array(X.columns.length);
  for (const imp of importances) for (let f = 0; f < imp.length; f++) importance[f] += imp[f];
  return {
    kind: 'gradient-boosting',
    nFeatures: X.columns.length,
    params: prm,
    init,
    trees,
    featureImportance: normaliseImportance(importance),
    trainLoss,
  };
}

/** The margin (log-odds) of every row. nThreads as in sumTreeValues (same result). */
export function gradientBoostingMargin(model: GradientBoostingModel, X: Matrix, nThreads = 0): Float64Array {
  checkFeatureCount('gradient_boosting', X, model.nFeatures);
  return sumTreeValues(model.trees, X, 1, model.init, nThreads);
}

/** P(y = 1) of every row. */
export function gradientBoostingProba(model: GradientBoostingModel, X: Matrix, nThreads = 0): Float64Array {
  const z = gradientBoostingMargin(model, X, nThreads);
  for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]);
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function priorLogOdds(y: ArrayLike<number>, w: Float64Array): number {
  let pos = 0;
  let all = 0;
  for (let i = 0; i < w.length; i++) {
    pos += w[i] * y[i];
    all += w[i];
  }
  if (!(pos > 0 && pos < all))
    throw new MlShapeError('gradient_boosting: y has a single class; boosting needs both 0 and 1', { positives: pos });
  return Math.log(pos / (all - pos));
}

/** Partial Fisher–Yates: the first k entries of `order` become a uniform sample without replacement. */
function drawSubsample(rand: () => number, order: Int32Array, k: number, base: Float64Array, out: Float64Array): void {
  const n = order.length;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  out.fill(0);
  for (let i = 0; i < k; i++) out[order[i]] = base[order[i]];
}

function logLossOf(y: ArrayLike<number>, margin: Float64Array, w: Float64Array): number {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    if (!(w[i] > 0)) continue;
    const z = margin[i];
    // log(1 + e^z) − y·z, computed without overflow.
    loss += w[i] * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z);
    total += w[i];
  }
  return loss / total;
}
