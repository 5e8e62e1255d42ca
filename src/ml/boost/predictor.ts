/**
 * Batch prediction: rows are scored in blocks that stay in cache while every tree visits them. Depth-limited trees
 * are first laid out as complete trees so that each level is one branch-free step (x > t picks the right child).
 */

import { checkFeatureCount } from '../errors.js';
import type { Matrix } from '../matrix.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { addComplete, addCompleteDense, type CompleteForest, compileForest, fillBlock } from './complete-forest.js';
import { sigmoid } from './loss.js';
import type { HistBoostingModel } from './model.js';
import { scoreOnWorker } from './parallel-predict.js';

/** Rows per block: the block (rows × features, row-major) and its margins stay in L2 while all trees run. */
const BLOCK = 1024;

function addWalked(trees: FlatTree[], cols: Matrix['columns'], from: number, to: number, out: Float64Array): void {
  for (const t of trees) {
    const { feature, threshold, left, right, missingLeft, value } = t;
    for (let i = from; i < to; i++) {
      let n = 0;
      while (feature[n] !== -1) {
        const x = cols[feature[n]][i];
        n = x <= threshold[n] || (x !== x && missingLeft[n] === 1) ? left[n] : right[n];
      }
      out[i] += value[n];
    }
  }
}

/** Adds the complete forest's leaf values to out[from..to) (out must hold the base margin). */
function scoreRows(forest: CompleteForest, X: Matrix, from: number, to: number, out: Float64Array): void {
  const nF = X.columns.length;
  const block = new Float64Array(BLOCK * nF);
  for (let start = from; start < to; start += BLOCK) {
    const count = Math.min(to, start + BLOCK) - start;
    if (fillBlock(X.columns, start, count, block)) addComplete(forest, block, nF, count, out, start);
    else addCompleteDense(forest, block, nF, count, out, start);
  }
}

/** Rows × trees from which a batch is split over two threads (below it the worker hand-off costs more). */
const PARALLEL_MIN_WORK = 5_000_000;

const compiled = new WeakMap<HistBoostingModel, CompleteForest | null>();

/**
 * Raw scores (log-odds) of every row of X. nThreads: 1 = this thread only; 2 = split the rows with a worker thread;
 * 0 (default) = two threads when rows × trees is large. The result is the same bit for bit either way.
 */
export function predictMargin(model: HistBoostingModel, X: Matrix, nThreads = 0): Float64Array {
  checkFeatureCount('hist_boosting', X, model.nFeatures);
  let forest = compiled.get(model);
  if (forest === undefined) {
    forest = compileForest(model.trees);
    compiled.set(model, forest);
  }
  const n = X.nRows;
  const out = new Float64Array(n).fill(model.baseMargin);
  if (forest === null) {
    for (let from = 0; from < n; from += BLOCK) addWalked(model.trees, X.columns, from, Math.min(n, from + BLOCK), out);
    return out;
  }
  const parallel = nThreads === 2 || (nThreads === 0 && n * model.trees.length >= PARALLEL_MIN_WORK);
  const mine = parallel ? Math.ceil(n / 2) : n;
  const theirs = parallel ? scoreOnWorker(forest, X, mine, model.baseMargin, BLOCK) : undefined;
  scoreRows(forest, X, 0, mine, out);
  if (theirs === undefined) return out;
  const rest = theirs();
  if (rest !== undefined) out.set(rest, mine);
  else scoreRows(forest, X, mine, n, out);
  return out;
}

/** Probability of the positive class for every row of X (nThreads as for predictMargin). */
export function predictHistBoostingProba(model: HistBoostingModel, X: Matrix, nThreads = 0): Float64Array {
  const m = predictMargin(model, X, nThreads);
  for (let i = 0; i < m.length; i++) m[i] = sigmoid(m[i]);
  return m;
}
