/**
 * Batch prediction. Depth-limited trees are laid out as complete trees and scored by a WebAssembly kernel over a
 * shared-memory copy of the columns (predict-kernel.ts), on one thread or two (parallel-predict.ts); deeper trees
 * are walked node by node.
 */

import { checkFeatureCount } from '../errors.js';
import type { Matrix } from '../matrix.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { sigmoid } from './loss.js';
import type { HistBoostingModel } from './model.js';
import { scoreWithWorker } from './parallel-predict.js';
import { type ForestMemory, forestMemory, layoutFor, loadRows, marginsOf, scoreChunk } from './predict-kernel.js';

/** Rows per block of the tree walk: the block's margins stay in cache while every tree visits them. */
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

/** Rows × trees from which a batch is split over two threads (below it the worker hand-off costs more). */
const PARALLEL_MIN_WORK = 5_000_000;

/**
 * Rows per kernel call (and per claim when two threads share a batch). Wasm code is swapped for its optimised tier
 * only between calls (no on-stack replacement), so a cold batch must not be one long call.
 */
const CHUNK = 1024;

/** Margins of every row of X by the complete forest (see predictMargin for nThreads). */
function scoreComplete(fm: ForestMemory, X: Matrix, base: number, nThreads: number): Float64Array {
  const n = X.nRows;
  const out = new Float64Array(n);
  const layout = layoutFor(fm, X);
  const score = (from: number, to: number) => scoreChunk(fm.kernel, layout, from, to, base);
  const parallel = nThreads === 2 || (nThreads === 0 && n * fm.nTrees >= PARALLEL_MIN_WORK);
  for (let from = 0; from < n; from += layout.rows) {
    const count = Math.min(layout.rows, n - from);
    loadRows(layout, X, from, count);
    if (parallel && count > CHUNK) scoreWithWorker(fm.module, layout, count, CHUNK, base, score);
    else for (let c = 0; c < count; c += CHUNK) score(c, Math.min(count, c + CHUNK));
    out.set(marginsOf(layout, count), from);
  }
  return out;
}

/** Each model's forest, laid out in its own kernel memory on its first batch (null: trees too deep, walked). */
const compiled = new WeakMap<HistBoostingModel, ForestMemory | null>();

/**
 * Raw scores (log-odds) of every row of X. nThreads: 1 = this thread only; 2 = share the rows with a worker thread;
 * 0 (default) = two threads when rows × trees is large. The result is the same bit for bit either way.
 */
export function predictMargin(model: HistBoostingModel, X: Matrix, nThreads = 0): Float64Array {
  checkFeatureCount('hist_boosting', X, model.nFeatures);
  let forest = compiled.get(model);
  if (forest === undefined) {
    forest = forestMemory(model.trees);
    compiled.set(model, forest);
  }
  if (forest !== null) return scoreComplete(forest, X, model.baseMargin, nThreads);
  const n = X.nRows;
  const out = new Float64Array(n).fill(model.baseMargin);
  for (let from = 0; from < n; from += BLOCK) addWalked(model.trees, X.columns, from, Math.min(n, from + BLOCK), out);
  return out;
}

/** Probability of the positive class for every row of X (nThreads as for predictMargin). */
export function predictHistBoostingProba(model: HistBoostingModel, X: Matrix, nThreads = 0): Float64Array {
  const m = predictMargin(model, X, nThreads);
  for (let i = 0; i < m.length; i++) m[i] = sigmoid(m[i]);
  return m;
}
