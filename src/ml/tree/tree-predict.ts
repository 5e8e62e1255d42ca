/** Batch prediction over FlatTrees: one tree at a time over all rows, so the tree stays in cache. */

import type { Column } from '../matrix.js';
import type { FlatTree } from './flat-tree.js';

/** out[i] += scale × (leaf value of row i) for every row. Missing values follow each split's learned direction. */
export function addTreeValues(tree: FlatTree, columns: readonly Column[], out: Float64Array, scale = 1): void {
  const { feature, threshold, left, right, missingLeft, value } = tree;
  for (let i = 0; i < out.length; i++) {
    let n = 0;
    while (feature[n] !== -1) {
      const x = columns[feature[n]][i];
      n = x <= threshold[n] || (x !== x && missingLeft[n] === 1) ? left[n] : right[n];
    }
    out[i] += scale * value[n];
  }
}

/** Sum of scale × leaf value over all trees (tree order fixed, so results are reproducible bit for bit). */
export function sumTreeValues(
  trees: readonly FlatTree[],
  columns: readonly Column[],
  nRows: number,
  scale = 1,
  offset = 0,
): Float64Array {
  const out = new Float64Array(nRows).fill(offset);
  for (const t of trees) addTreeValues(t, columns, out, scale);
  return out;
}
