/**
 * Batch prediction: rows are scored in blocks that stay in cache while every tree visits them. Depth-limited trees
 * are first laid out as complete trees so that each level is one branch-free step (x > t picks the right child).
 */

import { checkFeatureCount } from '../errors.js';
import type { Matrix } from '../matrix.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { sigmoid } from './loss.js';
import type { HistBoostingModel } from './model.js';

/** Rows per block: the block (rows × features, row-major) and its margins stay in L2 while all trees run. */
const BLOCK = 1024;

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

/** Copies rows [from, from + count) of the columns into a row-major block (one typed-array read per node visit). */
function fillBlock(cols: Matrix['columns'], from: number, count: number, block: Float64Array): void {
  const nF = cols.length;
  for (let f = 0; f < nF; f++) {
    const c = cols[f];
    for (let i = 0, at = f; i < count; i++, at += nF) block[at] = c[from + i];
  }
}

/**
 * Adds every complete tree's leaf value to out[from + i] for the block's rows. Four rows descend together so the
 * CPU overlaps their independent chains of loads; each level is branch-free (x > t, or NaN with missing right).
 */
function addComplete(f: CompleteForest, block: Float64Array, nF: number, count: number, out: Float64Array, from: number): void {
  const { depth, nTrees, feature, threshold, missingRight, leaf } = f;
  const nInner = (1 << depth) - 1;
  const nLeaf = 1 << depth;
  const count4 = count & ~3;
  for (let k = 0; k < nTrees; k++) {
    const ib = k * nInner;
    const lb = k * nLeaf - nInner;
    for (let i = 0; i < count4; i += 4) {
      const r0 = i * nF;
      const r1 = r0 + nF;
      const r2 = r1 + nF;
      const r3 = r2 + nF;
      let n0 = 0;
      let n1 = 0;
      let n2 = 0;
      let n3 = 0;
      for (let d = 0; d < depth; d++) {
        const j0 = ib + n0;
        const j1 = ib + n1;
        const j2 = ib + n2;
        const j3 = ib + n3;
        const x0 = block[r0 + feature[j0]];
        const x1 = block[r1 + feature[j1]];
        const x2 = block[r2 + feature[j2]];
        const x3 = block[r3 + feature[j3]];
        n0 = 2 * n0 + 1 + +(x0 > threshold[j0]) + +(x0 !== x0) * missingRight[j0];
        n1 = 2 * n1 + 1 + +(x1 > threshold[j1]) + +(x1 !== x1) * missingRight[j1];
        n2 = 2 * n2 + 1 + +(x2 > threshold[j2]) + +(x2 !== x2) * missingRight[j2];
        n3 = 2 * n3 + 1 + +(x3 > threshold[j3]) + +(x3 !== x3) * missingRight[j3];
      }
      out[from + i] += leaf[lb + n0];
      out[from + i + 1] += leaf[lb + n1];
      out[from + i + 2] += leaf[lb + n2];
      out[from + i + 3] += leaf[lb + n3];
    }
    for (let i = count4; i < count; i++) {
      const r = i * nF;
      let n = 0;
      for (let d = 0; d < depth; d++) {
        const j = ib + n;
        const x = block[r + feature[j]];
        n = 2 * n + 1 + +(x > threshold[j]) + +(x !== x) * missingRight[j];
      }
      out[from + i] += leaf[lb + n];
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
  const nF = X.columns.length;
  const block = new Float64Array(BLOCK * nF);
  for (let from = 0; from < X.nRows; from += BLOCK) {
    const to = Math.min(X.nRows, from + BLOCK);
    if (forest === null) {
      addWalked(model.trees, X.columns, from, to, out);
      continue;
    }
    fillBlock(X.columns, from, to - from, block);
    addComplete(forest, block, nF, to - from, out, from);
  }
  return out;
}

/** Probability of the positive class for every row of X. */
export function predictHistBoostingProba(model: HistBoostingModel, X: Matrix): Float64Array {
  const m = predictMargin(model, X);
  for (let i = 0; i < m.length; i++) m[i] = sigmoid(m[i]);
  return m;
}
