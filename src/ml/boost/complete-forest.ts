/**
 * Depth-limited trees laid out as complete binary trees in shared memory, and the batch kernels that score row blocks
 * with them: each level is one branch-free step (x > t picks the right child; NaN follows the node's missing side).
 * The prediction worker (predict-worker-source.ts) runs copies of fillBlock, addComplete and addCompleteDense.
 */

import type { Matrix } from '../matrix.js';
import type { FlatTree } from '../tree/flat-tree.js';

/** Trees up to this depth are laid out to complete trees (2^depth leaves each); deeper trees are walked. */
const MAX_COMPLETE_DEPTH = 10;

/** Trees of one depth as complete binary trees in heap order: node n has children 2n+1, 2n+2. */
export interface CompleteForest {
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

function depthOf(t: FlatTree, n = 0): number {
  return t.feature[n] === -1 ? 0 : 1 + Math.max(depthOf(t, t.left[n]), depthOf(t, t.right[n]));
}

/**
 * Lays every tree out as a complete tree of the ensemble's largest depth (in shared memory, for the prediction
 * worker); a leaf above that depth is padded with always-left nodes (threshold +Infinity, missing left) ending in
 * copies of its value. Null when the trees are too deep for that to pay.
 */
export function compileForest(trees: readonly FlatTree[]): CompleteForest | null {
  const depth = trees.reduce((d, t) => Math.max(d, depthOf(t)), 0);
  if (depth > MAX_COMPLETE_DEPTH) return null;
  const nInner = (1 << depth) - 1;
  const nLeaf = 1 << depth;
  const nTrees = trees.length;
  const feature = new Int32Array(new SharedArrayBuffer(Math.max(1, nTrees * nInner) * 4));
  const threshold = new Float64Array(new SharedArrayBuffer(Math.max(1, nTrees * nInner) * 8)).fill(Number.POSITIVE_INFINITY);
  const missingRight = new Uint8Array(new SharedArrayBuffer(Math.max(1, nTrees * nInner)));
  const leaf = new Float64Array(new SharedArrayBuffer(Math.max(1, nTrees * nLeaf) * 8));
  trees.forEach((t, k) => {
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

/**
 * Copies rows [from, from + count) of the columns into a row-major block (one typed-array read per node visit).
 * Returns whether the block holds a missing value, so blocks without one skip the missing-direction test.
 */
export function fillBlock(cols: Matrix['columns'], from: number, count: number, block: Float64Array): boolean {
  const nF = cols.length;
  let missing = false;
  for (let f = 0; f < nF; f++) {
    const c = cols[f];
    for (let i = 0, at = f; i < count; i++, at += nF) {
      const x = c[from + i];
      block[at] = x;
      if (x !== x) missing = true;
    }
  }
  return missing;
}

/** addComplete for a block without missing values: one comparison per level. */
export function addCompleteDense(
  f: CompleteForest,
  block: Float64Array,
  nF: number,
  count: number,
  out: Float64Array,
  from: number,
): void {
  const { depth, nTrees, feature, threshold, leaf } = f;
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
        n0 = 2 * n0 + 1 + +(block[r0 + feature[j0]] > threshold[j0]);
        n1 = 2 * n1 + 1 + +(block[r1 + feature[j1]] > threshold[j1]);
        n2 = 2 * n2 + 1 + +(block[r2 + feature[j2]] > threshold[j2]);
        n3 = 2 * n3 + 1 + +(block[r3 + feature[j3]] > threshold[j3]);
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
        n = 2 * n + 1 + +(block[r + feature[j]] > threshold[j]);
      }
      out[from + i] += leaf[lb + n];
    }
  }
}

/**
 * Adds every complete tree's leaf value to out[from + i] for the block's rows. Four rows descend together so the
 * CPU overlaps their independent chains of loads; each level is branch-free (x > t, or NaN with missing right).
 */
export function addComplete(
  f: CompleteForest,
  block: Float64Array,
  nF: number,
  count: number,
  out: Float64Array,
  from: number,
): void {
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
