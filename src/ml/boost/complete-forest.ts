/**
 * Depth-limited trees laid out as complete binary trees, the layout the batch kernel (predict-kernel.ts) scores:
 * each level is one branch-free step (x > t picks the right child; NaN follows the node's missing side).
 */

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

/** Depth of a tree (root alone = 0), by an explicit stack: a cold first batch must not pay recursion. */
function depthOf(t: FlatTree): number {
  const nodes = new Int32Array(t.feature.length);
  const depths = new Int32Array(t.feature.length);
  let top = 1;
  let depth = 0;
  while (top > 0) {
    top--;
    const n = nodes[top];
    const d = depths[top];
    if (t.feature[n] === -1) depth = Math.max(depth, d);
    else {
      nodes[top] = t.left[n];
      depths[top++] = d + 1;
      nodes[top] = t.right[n];
      depths[top++] = d + 1;
    }
  }
  return depth;
}

/**
 * Writes tree t as the forest's k-th complete tree. source[dst] is the tree node that complete position dst stands
 * for (heap order: children 2·dst + 1, 2·dst + 2). One call per tree, not one loop over the forest: V8 optimises a
 * function after a few calls in the background, while a long loop waits for on-stack replacement on a cold first batch.
 */
function layTree(t: FlatTree, k: number, depth: number, source: Int32Array, f: CompleteForest): void {
  const { feature, threshold, left, right, missingLeft, value } = t;
  const nInner = (1 << depth) - 1;
  const nLeaf = 1 << depth;
  const at = k * nInner;
  for (let dst = 0; dst < nInner; dst++) {
    const src = source[dst];
    const isLeaf = feature[src] === -1;
    if (!isLeaf) {
      f.feature[at + dst] = feature[src];
      f.threshold[at + dst] = threshold[src];
      f.missingRight[at + dst] = missingLeft[src] === 1 ? 0 : 1;
    }
    source[2 * dst + 1] = isLeaf ? src : left[src];
    source[2 * dst + 2] = isLeaf ? src : right[src];
  }
  for (let j = 0; j < nLeaf; j++) f.leaf[k * nLeaf + j] = value[source[nInner + j]];
}

/**
 * Lays every tree out as a complete tree of the ensemble's largest depth; a leaf above that depth is padded with
 * always-left nodes (threshold +Infinity, missing left) ending in copies of its value. Null when the trees are too
 * deep for that to pay.
 */
export function compileForest(trees: readonly FlatTree[]): CompleteForest | null {
  let depth = 0;
  for (const t of trees) depth = Math.max(depth, depthOf(t));
  if (depth > MAX_COMPLETE_DEPTH) return null;
  const nInner = (1 << depth) - 1;
  const nLeaf = 1 << depth;
  const nTrees = trees.length;
  const feature = new Int32Array(nTrees * nInner);
  const threshold = new Float64Array(nTrees * nInner).fill(Number.POSITIVE_INFINITY);
  const missingRight = new Uint8Array(nTrees * nInner);
  const leaf = new Float64Array(nTrees * nLeaf);
  const source = new Int32Array(nInner + nLeaf);
  for (let k = 0; k < nTrees; k++) layTree(trees[k], k, depth, source, { depth, nTrees, feature, threshold, missingRight, leaf });
  return { depth, nTrees, feature, threshold, missingRight, leaf };
}
