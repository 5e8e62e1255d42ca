/**
 * The boosting loop: bin once, then for each round compute log-loss gradients, sample rows and features,
 * grow a tree on the histograms, add it to the margins, and (with a validation set) stop early.
 */

import { checkFeatureCount, checkLabels, checkMatrix, checkWeights } from '../errors.js';
import { type Matrix, takeRows } from '../matrix.js';
import { rng } from '../random.js';
import { type FlatTree, leafIndex } from '../tree/flat-tree.js';
import { bundledGroups } from './bundling.js';
import { type BinnedDataset, binDataset } from './dataset.js';
import { GrowerScratch, type GrownTree, growTree } from './grower.js';
import { histogramBuilder, sharedFloat64, sharedUint32 } from './histogram-builder.js';
import { logLossGradients, lossWeights, meanLogLoss, priorMargin } from './loss.js';
import type { HistBoostingModel } from './model.js';
import { type HistBoostingParams, resolveHistBoostingParams } from './params.js';
import { sampleFeatures, sampleRows, stratifiedHoldout } from './sampling.js';

const ESTIMATOR = 'hist_boosting';

/** Below this many training rows a worker thread costs more (start-up, hand-offs) than it saves. */
const PARALLEL_MIN_ROWS = 50_000;

interface Holdout {
  X: Matrix;
  y: ArrayLike<number>;
  w: Float64Array;
}

/** Fits a histogram gradient-boosting classifier (log loss) to X and 0/1 labels y, with optional sample weights. */
export function fitHistBoosting(
  X: Matrix,
  y: ArrayLike<number>,
  params?: Partial<HistBoostingParams>,
  weights?: ArrayLike<number>,
): HistBoostingModel {
  checkMatrix(ESTIMATOR, X);
  checkLabels(ESTIMATOR, y, X.nRows);
  checkWeights(ESTIMATOR, weights, X.nRows);
  const p = resolveHistBoostingParams(params);
  const nFeatures = X.columns.length;

  let trainRows: Int32Array | undefined;
  let holdout: Holdout | undefined;
  if (p.validation !== undefined) {
    const v = p.validation;
    checkFeatureCount(ESTIMATOR, v.X, nFeatures);
    checkLabels(ESTIMATOR, v.y, v.X.nRows);
    checkWeights(ESTIMATOR, v.weights, v.X.nRows);
    holdout = { X: v.X, y: v.y, w: lossWeights(v.y, v.weights, 1) };
  } else if (p.earlyStoppingRounds > 0) {
    const split = stratifiedHoldout(rng(p.seed ^ 0x2545f491), y, p.validationFraction);
    trainRows = split.train;
    const hy = Uint8Array.from(split.holdout, (i) => y[i]);
    const hw = weights === undefined ? undefined : Float64Array.from(split.holdout, (i) => weights[i]);
    holdout = { X: takeRows(X, split.holdout), y: hy, w: lossWeights(hy, hw, 1) };
  }

  const data = binDataset(X, p.maxBins, p.bundleExclusive, p.seed, trainRows);
  const n = data.nRows;
  const yt = trainRows === undefined ? y : Uint8Array.from(trainRows, (i) => y[i]);
  const wt = lossWeights(
    yt,
    trainRows === undefined || weights === undefined ? weights : Float64Array.from(trainRows, (i) => weights[i]),
    p.scalePosWeight,
  );
  const baseMargin = priorMargin(yt, wt, p.baseScore);
  const margin = new Float64Array(n).fill(baseMargin);
  const grad = sharedFloat64(n);
  const hess = sharedFloat64(n);
  const rows = sharedUint32(n);
  const builder = histogramBuilder(
    { bins: data.bins, nGroups: data.nGroups, nDense: data.layout.nDense, rows, grad, hess },
    n >= PARALLEL_MIN_ROWS ? p.nThreads : 1,
  );
  const scratch = new GrowerScratch(nFeatures, data.nGroups, n);
  const ctx = {
    data,
    grad,
    hess,
    rows,
    builder,
    reg: p,
    maxDepth: p.maxDepth,
    maxLeaves: p.maxLeaves,
    lossGuided: p.growPolicy === 'lossguide',
    learningRate: p.learningRate,
  };
  const rand = rng(p.seed);
  const sampled = p.subsample < 1 ? new Uint8Array(n) : undefined;
  const holdoutMargin = holdout === undefined ? undefined : new Float64Array(holdout.X.nRows).fill(baseMargin);
  const trees: FlatTree[] = [];
  const validationLoss: number[] = [];
  let bestIteration = 0;
  try {
    for (let round = 0; round < p.nEstimators; round++) {
      logLossGradients(yt, wt, margin, grad, hess);
      const m = sampleRows(rand, n, p.subsample, rows);
      const features = sampleFeatures(rand, nFeatures, p.colsampleByTree);
      const grown = growTree(ctx, scratch, m, features);
      addToTrainingMargins(grown, data, rows, m, sampled, margin);
      trees.push(grown.tree);
      if (holdout === undefined || holdoutMargin === undefined) continue;
      for (let i = 0; i < holdout.X.nRows; i++) holdoutMargin[i] += grown.tree.value[leafIndex(grown.tree, holdout.X.columns, i)];
      validationLoss.push(meanLogLoss(holdout.y, holdout.w, holdoutMargin));
      if (validationLoss[round] < validationLoss[bestIteration]) bestIteration = round;
      if (p.earlyStoppingRounds > 0 && round - bestIteration >= p.earlyStoppingRounds) break;
    }
  } finally {
    builder.close();
  }
  const keep = holdout !== undefined && p.earlyStoppingRounds > 0 ? bestIteration + 1 : trees.length;
  const { validation: _, ...recorded } = p;
  return {
    kind: 'hist_boosting',
    nFeatures,
    baseMargin,
    trees: trees.slice(0, keep),
    params: recorded,
    bestIteration: holdout !== undefined ? bestIteration : trees.length - 1,
    validationLoss,
    bundles: bundledGroups(data.layout),
  };
}

/** Adds the new tree's leaf values to the training margins: sampled rows by their leaf range, others by bin routes. */
function addToTrainingMargins(
  grown: GrownTree,
  data: BinnedDataset,
  rows: Uint32Array,
  nSampled: number,
  sampled: Uint8Array | undefined,
  margin: Float64Array,
): void {
  const { value, left, right } = grown.tree;
  for (let q = 0; q < grown.leafNode.length; q++) {
    const v = value[grown.leafNode[q]];
    for (let k = grown.leafStart[q]; k < grown.leafEnd[q]; k++) margin[rows[k]] += v;
  }
  if (sampled === undefined) return;
  sampled.fill(0);
  for (let k = 0; k < nSampled; k++) sampled[rows[k]] = 1;
  const { bins, nGroups } = data;
  const { routeGroup, routes } = grown;
  for (let r = 0; r < data.nRows; r++) {
    if (sampled[r] === 1) continue;
    let node = 0;
    while (routeGroup[node] >= 0)
      node = routes[node * 256 + bins[r * nGroups + routeGroup[node]]] === 1 ? left[node] : right[node];
    margin[r] += value[node];
  }
}
