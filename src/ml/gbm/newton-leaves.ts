/** Newton leaf values for log loss (scikit-learn's terminal-region update): value = shrinkage · Σ w·r / Σ w·p(1−p). */

import type { FlatTree } from '../tree/flat-tree.js';

/**
 * Replaces the regression tree's mean-residual values by Newton steps and its covers by hessian sums, for every node
 * (children are numbered after their parent, so one backward pass sums them). Rows with weight 0 were not in the sample.
 */
export function setNewtonLeaves(
  tree: FlatTree,
  leafOf: Int32Array,
  weight: Float64Array,
  y: ArrayLike<number>,
  proba: Float64Array,
  shrinkage: number,
): void {
  const nodes = tree.feature.length;
  const gradient = new Float64Array(nodes);
  const hessian = new Float64Array(nodes);
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i];
    if (!(w > 0)) continue;
    const p = proba[i];
    gradient[leafOf[i]] += w * (y[i] - p);
    hessian[leafOf[i]] += w * p * (1 - p);
  }
  for (let n = nodes - 1; n >= 0; n--) {
    if (tree.feature[n] !== -1) {
      gradient[n] = gradient[tree.left[n]] + gradient[tree.right[n]];
      hessian[n] = hessian[tree.left[n]] + hessian[tree.right[n]];
    }
    // scikit-learn's guard: a leaf of (numerically) certain rows gets no update.
    tree.value[n] = Math.abs(hessian[n]) < 1e-150 ? 0 : (shrinkage * gradient[n]) / hessian[n];
    tree.cover[n] = hessian[n];
  }
}
