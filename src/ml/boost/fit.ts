/**
 * The boosting loop: bin once, then for each round compute log-loss gradients, sample rows and features,
 * grow a tree on the histograms, add it to the margins, and (with a validation set) stop early.
 */

import { checkFeatureCount, checkLabels, checkMatrix, checkWeights } from '../errors.js';
import { type Matrix, takeRows } from '../matrix.js';
import { rng } from '../random.js';
import { type FlatTree, leafIndex } from '../tree/flat-tree.js';
import { bundledGroups } from './bundling.js';
import { type BinnedMatrix, binDataset, binnedFor, copyBinned } from './dataset.js';
import { GrowerScratch, type GrownTree, growTree } from './grower.js';
import { lossWeights, meanLogLoss, priorMargin, updateRecords } from './loss.js';
import type { HistBoostingModel } from './model.js';
import { startPredictionWorker } from './parallel-predict.js';
import { type HistBoostingParams, resolveHistBoostingParams } from './params.js';
import { binAt, copyRecordsAcross, initRecords, type RowStore } from './row-store.js';
import { sampleFeatures, sampleRows, stratifiedHoldout } from './sampling.js';
import { type MarginUpdate, type TrainingKernels, trainingKernels } from './training-kernels.js';

const ESTIMATOR = 'hist_boosting';

/** Below this many training rows a worker thread costs more (start-up, hand-offs) than it saves. */
const PARALLEL_MIN_ROWS = 50_000;

interface Holdout {
  X: Matrix;
  y: ArrayLike<number>;
  w: Float64Array;
}

/**
 * Fits a histogram gradient-boosting classifier (log loss) to X and 0/1 labels y, with optional sample weights.
 * `bins` = binMatrix(X, …) made once for several fits on the same X: used when it matches X and the binning settings
 * (and there is no internal early-stopping holdout), else X is binned here; the model is the same either way.
 */
export function fitHistBoosting(
  X: Matrix,
  y: ArrayLike<number>,
  params?: Partial<HistBoostingParams>,
  weights?: ArrayLike<number>,
  bins?: BinnedMatrix,
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

  const data =
    bins !== undefined && trainRows === undefined && binnedFor(bins, X, p.maxBins, p.bundleExclusive, p.seed)
      ? copyBinned(bins.data)
      : binDataset(X, p.maxBins, p.bundleExclusive, p.seed, trainRows);
  const n = data.nRows;
  const yt = trainRows === undefined ? y : Uint8Array.from(trainRows, (i) => y[i]);
  const wt = lossWeights(
    yt,
    trainRows === undefined || weights === undefined ? weights : Float64Array.from(trainRows, (i) => weights[i]),
    p.scalePosWeight,
  );
  const baseMargin = priorMargin(yt, wt, p.baseScore);
  const store = data.store;
  initRecords(store, yt, wt, baseMargin);
  updateRecords(store, 0, 0, n, 0);
  const threads = n >= PARALLEL_MIN_ROWS ? p.nThreads : 1;
  const kernels = trainingKernels(store, data.layout.nDense, threads);
  if (threads > 1) startPredictionWorker();
  const scratch = new GrowerScratch(nFeatures, data.nGroups);
  const ctx = {
    data,
    kernels,
    reg: p,
    maxDepth: p.maxDepth,
    maxLeaves: p.maxLeaves,
    lossGuided: p.growPolicy === 'lossguide',
    learningRate: p.learningRate,
  };
  const rand = rng(p.seed);
  const flags = p.subsample < 1 ? new Uint8Array(n) : undefined;
  const holdoutMargin = holdout === undefined ? undefined : new Float64Array(holdout.X.nRows).fill(baseMargin);
  const trees: FlatTree[] = [];
  const validationLoss: number[] = [];
  let bestIteration = 0;
  // The buffer every tree starts from: the one where the previous tree left most records.
  let home = 0;
  try {
    for (let round = 0; round < p.nEstimators; round++) {
      const m = flags === undefined ? n : sampleRows(rand, store, p.subsample, flags, home);
      const features = sampleFeatures(rand, nFeatures, p.colsampleByTree);
      const grown = growTree(ctx, scratch, m, features, home);
      home = addTreeToRecords(grown, store, kernels, m, home);
      trees.push(grown.tree);
      if (holdout === undefined || holdoutMargin === undefined) continue;
      for (let i = 0; i < holdout.X.nRows; i++) holdoutMargin[i] += grown.tree.value[leafIndex(grown.tree, holdout.X.columns, i)];
      validationLoss.push(meanLogLoss(holdout.y, holdout.w, holdoutMargin));
      if (validationLoss[round] < validationLoss[bestIteration]) bestIteration = round;
      if (p.earlyStoppingRounds > 0 && round - bestIteration >= p.earlyStoppingRounds) break;
    }
  } finally {
    kernels.close();
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

/** Every record of a leaf goes "left": one route table serves all leaf ranges. */
const ALL_LEFT = new Uint8Array(256).fill(1);

/**
 * Adds the new tree's leaf values to the margins in the records and rewrites their gradients, leaf by leaf while its
 * records are in cache (both threads share the work). Records outside the row sample ([nSampled, n), still in buffer
 * `home`) find their leaf by walking the tree's bin routes. Then gathers every record in one buffer for the next tree —
 * the one already holding most (a full-depth tree leaves nearly all in the same one), so little is copied — and
 * returns it.
 */
function addTreeToRecords(grown: GrownTree, store: RowStore, kernels: TrainingKernels, nSampled: number, home: number): number {
  const { value, left, right } = grown.tree;
  const { routeGroup, routes } = grown;
  const updates: MarginUpdate[] = grown.leaves.map((leaf) => ({
    ...leaf,
    group: 0,
    route: ALL_LEFT,
    leftDelta: value[leaf.node],
    rightDelta: value[leaf.node],
  }));
  for (const s of grown.unpartitioned) {
    const route = routes.subarray(s.node * 256, s.node * 256 + 256);
    updates.push({ ...s, route, leftDelta: value[left[s.node]], rightDelta: value[right[s.node]] });
  }
  kernels.updateMargins(updates);
  for (let k = nSampled; k < store.nRows; k++) {
    let node = 0;
    while (routeGroup[node] >= 0)
      node = routes[node * 256 + binAt(store, k, routeGroup[node], home)] === 1 ? left[node] : right[node];
    updateRecords(store, home, k, k + 1, value[node]);
  }
  const ranges = [...grown.leaves, ...grown.unpartitioned, { buffer: home, start: nSampled, end: store.nRows }];
  const inOne = ranges.reduce((sum, r) => sum + (r.buffer === 1 ? r.end - r.start : 0), 0);
  const next = inOne * 2 > store.nRows ? 1 : 0;
  for (const r of ranges) if (r.buffer !== next && r.end > r.start) copyRecordsAcross(store, r.buffer, r.start, r.end);
  return next;
}
