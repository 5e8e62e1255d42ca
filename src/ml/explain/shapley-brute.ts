/**
 * The oracle for TreeSHAP (STYLE 7): exact Shapley values by enumerating every subset of features, with the same
 * path-dependent conditional expectation — a known feature follows the row (missing values by the learned direction),
 * an unknown one averages both children by cover. Exponential in the feature count; for tests only.
 */

import type { AnyFlatTree } from '../tree/flat-tree.js';

/** E[f(x) | features in `known` (bitmask) fixed to the row's values], path-dependent. */
export function conditionalExpectation(tree: AnyFlatTree, x: ArrayLike<number>, known: number, node = 0): number {
  const f = tree.feature[node];
  if (f === -1) return tree.value[node];
  const l = tree.left[node];
  const r = tree.right[node];
  if (known & (1 << f)) {
    const v = x[f];
    const goLeft = v <= tree.threshold[node] || (v !== v && tree.missingLeft[node] === 1);
    return conditionalExpectation(tree, x, known, goLeft ? l : r);
  }
  return (
    (tree.cover[l] * conditionalExpectation(tree, x, known, l) + tree.cover[r] * conditionalExpectation(tree, x, known, r)) /
    tree.cover[node]
  );
}

/**
 * Shapley values of the set function v(S) = Σ_t scale·E[f_t(x) | S] over `nFeatures` players (≤ 20), and v(∅).
 * φ_j = Σ_{S ∌ j} |S|!(M−|S|−1)!/M! · (v(S ∪ {j}) − v(S)).
 */
export function bruteForceShapley(
  trees: readonly AnyFlatTree[],
  x: ArrayLike<number>,
  nFeatures: number,
  scale = 1,
): { base: number; phi: Float64Array } {
  const M = nFeatures;
  const v = new Float64Array(1 << M);
  for (let S = 0; S < 1 << M; S++) for (const t of trees) v[S] += scale * conditionalExpectation(t, x, S);
  const fact = [1];
  for (let k = 1; k <= M; k++) fact.push(fact[k - 1] * k);
  const phi = new Float64Array(M);
  for (let S = 0; S < 1 << M; S++) {
    const size = popCount(S);
    const weight = (fact[size] * fact[M - size - 1]) / fact[M];
    for (let j = 0; j < M; j++) if (!(S & (1 << j))) phi[j] += weight * (v[S | (1 << j)] - v[S]);
  }
  return { base: v[0], phi };
}

function popCount(s: number): number {
  let c = 0;
  for (let k = s; k; k &= k - 1) c++;
  return c;
}
