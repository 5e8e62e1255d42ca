/** Split criteria as one "node score" over two weighted sums, so one split search serves classification and regression. */

/**
 * 'gini' and 'entropy' (log2, as scikit-learn) for 0/1 targets; 'mse' for regression on gradients (classic boosting;
 * scikit-learn's friedman_mse chooses the same splits for one output).
 */
export type Criterion = 'gini' | 'entropy' | 'mse';

/** Integer codes used in the hot loops (a switch on a small int beats a string compare). */
export const CRITERION_CODE = { gini: 0, entropy: 1, mse: 2 } as const;

const LN2 = Math.LN2;

/**
 * The score of a node holding weight w and weighted target sum s: minus its weighted impurity, up to a term that is
 * the same for the parent and the sum of its children. So for a split,
 * score(left) + score(right) − score(parent) = w·impurity(parent) − w_l·impurity(left) − w_r·impurity(right),
 * the weighted impurity decrease that feature importance sums.
 *   gini:    (s² + (w−s)²)/w          (w·gini = w − score)
 *   entropy: s·log2(s/w) + (w−s)·log2((w−s)/w)
 *   mse:     s²/w                    (w·variance = Σw·t² − score)
 */
export function nodeScore(code: number, w: number, s: number): number {
  if (!(w > 0)) return 0;
  if (code === 0) {
    const u = w - s;
    return (s * s + u * u) / w;
  }
  if (code === 2) return (s * s) / w;
  const u = w - s;
  return ((s > 0 ? s * Math.log(s / w) : 0) + (u > 0 ? u * Math.log(u / w) : 0)) / LN2;
}

/** Impurity of a classification node (gini or entropy) from its weight and positive weight. */
export function classImpurity(code: number, w: number, s: number): number {
  if (!(w > 0)) return 0;
  return code === 0 ? 1 - nodeScore(code, w, s) / w : -nodeScore(code, w, s) / w;
}
