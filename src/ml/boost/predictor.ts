/**
 * Batch prediction: rows are scored in blocks that stay in cache while every tree visits them. Depth-limited trees
 * are first laid out as complete trees so that each level is one branch-free step (x > t picks the right child).
 */

import { checkFeatureCount } from '../errors.js';
import type { Matrix } from '../matrix.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { sigmoid } from './loss.js';
import type { HistBoostingModel } from './model.js';

/** Rows per block: the block's slice of every column plus its margins stay in L1/L2 while all trees run. */
const BLOCK = 2048;

/** Trees up to this depth are compiled to complete trees (2^depth leaves each); deeper trees are walked. */
const MAX_COMPLETE_DEPTH = 10;

/** Trees of one depth as complete binary trees in heap order: node n has children 2n+1, 2n+2. */
interface CompleteForest {
  depth: number;
  nTrees: number;
  /** (2^depth − 1) internal nodes per tree. */
  feature: Int32Array;
  threshold: Float64Array;
  /** 1 where missing values go right. */
  missingRight: Uint8Array;
  /** 2^depth leaf values per tree. */
  leaf: Float64Array;
}

const compiled = new WeakMap<HistBoostingModel, CompleteForest | null>();

function depthOf(t: FlatTree, n = 0): number {
  return t.feature[n] === -1 ? 0 : 1 + Math.max(depthOf(t, t.left[n]), depthOf(t, t.right[n]));
}

/** Lays every tree out as a complete tree of the ensemble's largest depth; a leaf above that depth is padded with
 * always-left nodes (threshold +Infinity, missing left) ending in copies of its value. */
function compile(model: HistBoostingModel): CompleteForest | null {
  const depth = model.trees.reduce((d, t) => Math.max(d, depthOf(t)), 0);
  if (depth > MAX_COMPLETE_DEPTH) return null;
  const nInner = (1 << depth) - 1;
  const nLeaf = 1 << depth;
  const nTrees = model.trees.length;
  const feature = new Int32Array(nTrees * nInner);
  const threshold = new Float64Array(nTrees * nInner).fill(Number.POSITIVE_INFINITY);
  const missingRight = new Uint8Array(nTrees * nInner);
  const leaf = new Float64Array(nTrees * nLeaf);
  model.trees.forEach((t, k) => {
    const place = (src: number, dst: number, level: number) => {
      if (level === depth) {
        leaf[k * nLeaf + dst - nInner] = t.value[src];
        return;
      }
      const isLeaf = t.feature[src] === -1;
      if (!isLeaf) {
        feature[k * nInner + dst] = t.feature[src];
        threshold[k * nInner + dst] = t.threshold[src];
        missingRight[k * nInner + dst] = t.missingLeft[src] === 1 ? 0 : 1;
      }
      place(isLeaf ? src : t.left[src], 2 * dst + 1, level + 1);
      place(isLeaf ? src : t.right[src], 2 * dst + 2, level + 1);
    };
    place(0, 0, 0);
  });
  return { depth, nTrees, feature, threshold, missingRight, leaf };
}

function addComplete(f: CompleteForest, cols: Matrix['columns'], from: number, to: number, out: Float64Array): void {
  const { depth, nTrees, feature, threshold, missingRight, leaf } = f;
  const nInner = (1 << depth) - 1;
  const nLeaf = 1 << depth;
  for (let k = 0; k < nTrees; k++) {
    const ib = k * nInner;
    const lb = k * nLeaf - nInner;
    for (let i = from; i < to; i++) {
      let n = 0;
      for (let d = 0; d < depth; d++) {
        const j = ib + n;
        const x = cols[feature[j]][i];
        n = 2 * n + 1 + +(x > threshold[j]) + +(x !== x) * missingRight[j];
      }
      out[i] += leaf[lb + n];
    }
  }
}

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

/** Raw scores (log-odds) of every row of X. */
export function predictMargin(model: HistBoostingModel, X: Matrix): Float64Array {
  checkFeatureCount('hist_boosting', X, model.nFeatures);
  let forest = compiled.get(model);
  if (forest === undefined) {
    forest = compile(model);
    compiled.set(model, forest);
  }
  const out = new Float64Array(X.nRows).fill(model.baseMargin);
  for (let from = 0; from < X.nRows; from += BLOCK) {
    const to = Math.min(X.nRows, from + BLOCK);
    if (forest !== null) addComplete(forest, X.columns, from, to, out);
    else addWalked(model.trees, X.columns, from, to, out);
  }
  return out;
}

/** Probability of the positive class for every row of X. */
export function predictHistBoostingProba(model: HistBoostingModel, X: Matrix): Float64Array {
  const m = predictMargin(model, X);
  for (let i = 0; i < m.length; i++) m[i] = sigmoid(m[i]);
  return m;
}
