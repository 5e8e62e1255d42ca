/** Random forest classifier: bootstrap + per-node feature draws, mean of leaf probabilities, out-of-bag score, both cores. */

import { checkFeatureCount, checkLabels, checkMatrix, checkPresorted, checkWeights } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { rocAuc } from '../metrics/roc.js';
import { forkJoin, threadCount } from '../parallel/helpers.js';
import type { NarrowFlatTree } from '../tree/flat-tree.js';
import { meanImportance } from '../tree/importance.js';
import { isShared, type RankedColumns, rankColumns } from '../tree/ranked-columns.js';
import { growSettings } from '../tree/tree-params.js';
import { sumTreeValues } from '../tree/tree-predict.js';
import { treeSeeds } from './bootstrap.js';
import { type ForestJob, type GrownForestTree, growForestTrees } from './forest-parallel.js';
import { type RandomForestParams, resolveRandomForestParams } from './forest-params.js';
import { emptyOob, mergeOob, type OobSums, oobProbabilities } from './oob.js';

/** Out-of-bag evaluation: each row scored only by the trees that did not draw it. */
export interface OutOfBag {
  /** ROC-AUC over rows left out by at least one tree. */
  auc: number;
  /** Accuracy at probability > 0.5 over the same rows. */
  accuracy: number;
  /** Rows with an OOB prediction. */
  rows: number;
  /** OOB P(y = 1) per training row; NaN where every tree drew the row. */
  predictions: Float64Array;
}

/** A fitted random forest. Every tree's leaf value is P(y = 1) in the leaf; the forest's probability is their mean. */
export interface RandomForestModel {
  kind: 'random-forest';
  nFeatures: number;
  params: RandomForestParams;
  /** Narrow layout (float32 leaf probabilities and covers): 23 bytes a node, most of a fitted forest's memory. */
  trees: NarrowFlatTree[];
  /** Mean over trees of each tree's normalised impurity decrease, normalised again. */
  featureImportance: Float64Array;
  /** Present when fitted with oobScore: true. */
  oob?: OutOfBag;
}

/** Below this many rows × trees a fit stays on one thread (starting a helper costs ~50–300 ms). */
const MIN_PARALLEL_WORK = 2_000_000;

/**
 * Fits a random forest. Tree t depends only on (seed, t), so the model is identical for every nThreads; with more than
 * one thread the trees are grown by worker threads sharing the presorted columns. `presorted` = rankColumns(X), when
 * the caller fits the same X several times (a search); the same model either way.
 */
export function fitRandomForest(
  X: Matrix,
  y: ArrayLike<number>,
  params?: Partial<RandomForestParams>,
  weights?: ArrayLike<number>,
  presorted?: RankedColumns,
): RandomForestModel {
  const prm = resolveRandomForestParams(params);
  checkMatrix('random_forest', X);
  checkLabels('random_forest', y, X.nRows);
  checkWeights('random_forest', weights, X.nRows);
  const n = X.nRows;
  const threads = threadCount(prm.nThreads, n * prm.nEstimators, MIN_PARALLEL_WORK);
  const shared = threads > 1;
  checkPresorted('random_forest', X, presorted);
  // Helper threads read the ranks in place, so they must live in shared memory.
  const data = presorted && (!shared || isShared(presorted)) ? presorted : rankColumns(X, shared);
  const job: ForestJob = {
    nRows: n,
    ranks: data.ranks,
    values: data.values,
    y: sharedCopy(Uint8Array, y, shared),
    weights: weights ? sharedCopy(Float64Array, weights, shared) : undefined,
    settings: growSettings('random_forest', prm.criterion, prm, X.columns.length),
    seeds: treeSeeds(prm.seed, prm.nEstimators),
    bootstrap: prm.bootstrap,
    draws: prm.maxSamples === undefined ? n : Math.max(1, Math.round(prm.maxSamples * n)),
    oob: prm.oobScore,
    next: new Int32Array(shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4)),
  };
  const grown: GrownForestTree[] = [];
  const oob = prm.oobScore ? emptyOob(n) : undefined;
  const local = () => {
    const part = growForestTrees(job, (g) => grown.push(g));
    if (oob && part) mergeOob(oob, part);
  };
  if (threads === 1) local();
  else
    for (const m of forkJoin('forest', job, threads - 1, local)) {
      if (typeof m === 'object' && m !== null && 'oob' in m) {
        if (oob) mergeOob(oob, (m as { oob: OobSums }).oob);
      } else grown.push(m as GrownForestTree);
    }
  grown.sort((a, b) => a.index - b.index);
  const nFeatures = X.columns.length;
  return {
    kind: 'random-forest',
    nFeatures,
    params: prm,
    trees: grown.map((g) => g.tree),
    featureImportance: meanImportance(
      grown.map((g) => g.importance),
      nFeatures,
    ),
    ...(oob ? { oob: outOfBag(oob, y) } : {}),
  };
}

/** P(y = 1) of every row: the mean over trees of the leaf probability. nThreads as in sumTreeValues (same result). */
export function randomForestProba(model: RandomForestModel, X: Matrix, nThreads = 0): Float64Array {
  checkFeatureCount('random_forest', X, model.nFeatures);
  return sumTreeValues(model.trees, X, 1 / model.trees.length, 0, nThreads);
}

function outOfBag(sums: OobSums, y: ArrayLike<number>): OutOfBag {
  const predictions = oobProbabilities(sums);
  const labels: number[] = [];
  const scores: number[] = [];
  let correct = 0;
  predictions.forEach((p, i) => {
    if (p !== p) return;
    labels.push(y[i]);
    scores.push(p);
    if ((p > 0.5 ? 1 : 0) === y[i]) correct++;
  });
  const both = labels.includes(0) && labels.includes(1);
  return { auc: both ? rocAuc(labels, scores) : Number.NaN, accuracy: correct / labels.length, rows: labels.length, predictions };
}

function sharedCopy<T extends Uint8Array | Float64Array>(
  Ctor: { new (b: ArrayBufferLike): T; BYTES_PER_ELEMENT: number },
  src: ArrayLike<number>,
  shared: boolean,
): T {
  const bytes = src.length * Ctor.BYTES_PER_ELEMENT;
  const out = new Ctor(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  (out as unknown as { set(a: ArrayLike<number>): void }).set(src);
  return out;
}
